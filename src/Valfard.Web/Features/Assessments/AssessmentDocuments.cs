using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Assessments;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Documents;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Assessments;

/// <summary>
/// The assessment as decision-makers read it: the page, the print view, the PDF (the council document's Chromium
/// service, tagged, in Finnish or Swedish) and the plain text for the decision proposal, all from one
/// <see cref="AssessmentDocument"/>.
/// </summary>
public sealed class AssessmentDocuments(
    ValfardDbContext db,
    AssessmentService assessments,
    AssessmentEvidence evidence,
    RazorDocumentRenderer razor,
    ChromiumPdf chromium,
    IWebHostEnvironment environment,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public const string PrintView = "~/Features/Assessments/Views/Assessments/Print.cshtml";
    private static string? _css;

    public async Task<AssessmentDocument?> BuildAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadAsync(id, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        var preparer = await db.Users.AsNoTracking().Where(u => u.Id == assessment.PreparerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var areaIds = assessment.AreaIds;
        var areas = (await db.AssessmentAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToListAsync(cancellationToken)).ToDictionary(a => a.Id);
        var indicatorIds = assessment.Impacts.SelectMany(i => i.Indicators.Select(x => x.IndicatorId)).Concat(assessment.FollowUps.Select(f => f.IndicatorId));
        var indicators = await evidence.IndicatorsAsync(indicatorIds, language, cancellationToken);
        var goals = await evidence.GoalNamesAsync(assessment.Impacts.SelectMany(i => i.Goals.Select(g => g.GoalId)), language, cancellationToken);
        var alternatives = assessment.OrderedAlternatives;
        var followUps = assessment.FollowUps.OrderBy(f => f.Position).Where(f => indicators.ContainsKey(f.IndicatorId)).Select(f => indicators[f.IndicatorId]).ToList();
        return new AssessmentDocument
        {
            Id = assessment.Id,
            Version = assessment.Version,
            OrganisationName = organisation.NameIn(language),
            Language = language,
            ContentLanguage = assessment.Language,
            DecisionTitle = assessment.DecisionTitle,
            PreparingBody = assessment.PreparingBody,
            PlannedDecisionDate = assessment.PlannedDecisionDate,
            AgendaLink = assessment.AgendaLink,
            PreparerName = preparer ?? string.Empty,
            IsChildImpact = assessment.IsChildImpact,
            Status = assessment.Status,
            IsPublished = assessment.IsPublished,
            Conclusion = assessment.Conclusion,
            ChildrenHeard = assessment.ChildrenHeard,
            ChildrenHeardHow = assessment.ChildrenHeardHow,
            CompletedAt = assessment.CompletedAt,
            Alternatives = alternatives.Select(a => new AlternativeView(a.Id, a.Title, a.Description, a.IsDoNothing, a.Id == assessment.ChosenAlternativeId)).ToList(),
            Areas = areaIds.Where(areas.ContainsKey).Select(areaId => new AreaView(areaId, areas[areaId].TitleIn(language), areas[areaId].QuestionListIn(language),
                areas[areaId].ForChildren,
                alternatives.Select(alt => assessment.ImpactOf(alt.Id, areaId)).OfType<AreaImpact>().Select(i => new ImpactView(i.Id, i.AlternativeId,
                    i.Direction, i.Size, i.Certainty, AssessmentLimits.Groups.Where(g => i.Groups.HasFlag(g)).ToList(), i.Districts, i.Evidence, i.Mitigations,
                    i.Indicators.Where(x => indicators.ContainsKey(x.IndicatorId)).Select(x => indicators[x.IndicatorId].Evidence).ToList(),
                    i.Goals.Where(g => goals.ContainsKey(g.GoalId)).Select(g => goals[g.GoalId]).ToList(), i.IsComplete)).ToList())).ToList(),
            FollowUps = followUps.Select(f => f.Evidence).ToList(),
            ChosenAlternative = alternatives.FirstOrDefault(a => a.Id == assessment.ChosenAlternativeId)?.Title,
            DecisionDate = assessment.DecisionDate,
            DecisionParagraph = assessment.DecisionParagraph,
            Development = assessment.DecisionDate is { } decided
                ? followUps.Select(f => AssessmentEvidence.Development(f.Evidence, f.Page, decided.Year, language)).ToList()
                : [],
            Missing = assessment.IsEditable ? assessment.MissingForCompletion() : [],
        };
    }

    public async Task<AssessmentPrintViewModel?> PrintAsync(Guid id, string language, bool inlineCss, CancellationToken cancellationToken)
    {
        var document = await BuildAsync(id, language, cancellationToken);
        return document is null ? null : new AssessmentPrintViewModel
        {
            Document = document,
            Css = inlineCss ? Css() : null,
            PrintedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>The PDF for the agenda: the print view through the same Chromium service as the council document.</summary>
    public async Task<(byte[] Content, string FileName)?> PdfAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var model = await PrintAsync(id, language, inlineCss: true, cancellationToken);
        if (model is null)
        {
            return null;
        }
        var html = await razor.RenderAsync(PrintView, model, language);
        var bytes = await chromium.RenderAsync(html, Frame(model.Document), PdfPurpose.Draft, cancellationToken);
        return (bytes, FileName(model.Document.DecisionTitle, language));
    }

    /// <summary>
    /// The PDFs to archive with the decision, in each language the organisation publishes in: printed from the
    /// completed assessment just before the decision is recorded, so they are what the decision-makers read.
    /// Throws <see cref="PdfRenderException"/> when printing fails; then nothing is decided.
    /// </summary>
    public async Task<IReadOnlyList<(string Language, byte[] Pdf)>> ForArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        var assessment = await db.ImpactAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null || assessment.Status != AssessmentStatus.Completed)
        {
            return [];
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        var printed = new List<(string, byte[])>();
        foreach (var language in Valfard.Domain.Reports.WelfareReport.LanguagesOf(organisation))
        {
            var model = await PrintAsync(id, language, inlineCss: true, cancellationToken);
            var html = await razor.RenderAsync(PrintView, model!, language);
            printed.Add((language, await chromium.RenderAsync(html, Frame(model!.Document), PdfPurpose.Archive, cancellationToken)));
        }
        return printed;
    }

    /// <summary>The file name of a PDF of the assessment, e.g. "Vaikutusten-ennakkoarviointi-Kouluverkko-fi.pdf".</summary>
    public string FileName(string decisionTitle, string language) =>
        $"{FileNamePart(InLanguage("Assessment.FileName", language))}-{FileNamePart(decisionTitle)}-{language}.pdf";

    /// <summary>The running header (organisation and decision) and the footer ("page n / N") in the document's language.</summary>
    private PdfFrame Frame(AssessmentDocument document)
    {
        const string Style = "font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:8pt;color:#444;width:100%;margin:0 18mm 0 20mm;";
        var header = $"<div style=\"{Style}display:flex;justify-content:space-between;border-bottom:0.5pt solid #bbb;padding-bottom:2pt\">" +
                     $"<span>{WebUtility.HtmlEncode(document.OrganisationName)}</span><span>{WebUtility.HtmlEncode(InLanguage("Assessment.DocumentKind", document.Language))}</span></div>";
        var footer = $"<div style=\"{Style}text-align:center\">{WebUtility.HtmlEncode(InLanguage("Document.Page", document.Language))} <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";
        return new PdfFrame(header, footer);
    }

    /// <summary>
    /// The summary as plain text for the decision proposal (päätösehdotus / beslutsförslag): the alternatives area by
    /// area in words and symbols, the conclusion and the follow-up indicators.
    /// </summary>
    public string ProposalText(AssessmentDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        var language = document.Language;
        text.AppendLine(CultureInfo.InvariantCulture, $"{InLanguage("Assessment.DocumentKind", language)}: {document.DecisionTitle}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{InLanguage("Assessment.Field.PreparingBody", language)}: {document.PreparingBody}");
        text.AppendLine();
        foreach (var alternative in document.Alternatives)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{alternative.Title}:");
            foreach (var area in document.Areas)
            {
                var impact = document.Impact(alternative.Id, area.Id);
                var words = InLanguage(DirectionSymbols.KeyFor(impact?.Direction), language);
                var detail = impact?.Size is { } size && impact.Certainty is { } certainty
                    ? $" ({InLanguage($"Assessment.Size.{size}", language)}, {InLanguage($"Assessment.Certainty.{certainty}", language)})"
                    : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {DirectionSymbols.For(impact?.Direction)} {area.Title}: {words}{detail}");
            }
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{InLanguage("Assessment.Field.Conclusion", language)}: {document.Conclusion}");
        if (document.IsChildImpact && document.ChildrenHeard is { } heard)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{InLanguage("Assessment.Field.ChildrenHeard", language)}: {InLanguage(heard ? "Common.Yes" : "Common.No", language)}. {document.ChildrenHeardHow}");
        }
        if (document.FollowUps.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{InLanguage("Assessment.FollowUpIndicators", language)}: {string.Join("; ", document.FollowUps.Select(f => f.Title))}");
        }
        return text.ToString().TrimEnd();
    }

    private string InLanguage(string key, string language)
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            return localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static string FileNamePart(string text)
    {
        var cleaned = new string(text.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (cleaned.Contains("--", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal);
        }
        return cleaned.Length > 60 ? cleaned[..60] : cleaned;
    }

    private string Css() => _css ??= File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "print-document.css")) + "\n" +
                                     File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "print-assessment.css"));
}
