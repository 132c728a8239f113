using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// The council document: the print view of a report rendered to PDF by Chromium, one document per language. A
/// draft is printed from the live report with a DRAFT mark; an approved version from its frozen snapshot.
/// </summary>
public sealed class ReportPdfService(
    ValfardDbContext db,
    ReportDocumentBuilder builder,
    RazorDocumentRenderer razor,
    ChromiumPdf chromium,
    IWebHostEnvironment environment,
    IStringLocalizer<SharedResource> localizer)
{
    public const string PrintView = "~/Features/Documents/Views/Documents/Print.cshtml";
    private static string? _css;

    /// <summary>The report as it stands: a draft with the DRAFT mark, or with the board or the council marked as such.</summary>
    public async Task<PrintViewModel?> LiveAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        return report is null ? null : await LiveAsync(report, language, cancellationToken);
    }

    /// <summary>
    /// The report as it stands in memory: the workflow prints what is being sent before the move is saved, so the mark
    /// and the board's decision come from the report object, the text from the database (it cannot change past review).
    /// </summary>
    public async Task<PrintViewModel?> LiveAsync(WelfareReport report, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = await builder.BuildLiveAsync(report.Id, language, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var mark = MarkOf(report);
        return new PrintViewModel
        {
            Document = document,
            BoardDecision = report.BoardDecision,
            IsDraft = mark is null,
            Consideration = mark,
            StatusKey = $"ReportStatus.{report.Status}",
            LogoDataUri = await LogoAsync(report.OrganisationId, cancellationToken),
            Css = Css(),
        };
    }

    /// <summary>"For the board's consideration" while the board has it, "for the council's" once sent on; null for the welfare group's text.</summary>
    public static ConsiderationMark? MarkOf(WelfareReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status switch
        {
            ReportStatus.SentToCouncil => new ConsiderationMark(ConsiderationStage.Council, DayOf(report.SentToCouncilAt)),
            ReportStatus.SentToBoard or ReportStatus.BoardDecided => new ConsiderationMark(ConsiderationStage.Board, DayOf(report.SentToBoardAt)),
            _ => null,
        };

        // A report sent to the council before the sending was dated has no date to print; the mark still says where it is.
        static DateOnly? DayOf(DateTimeOffset? moment) =>
            moment is { } m ? DateOnly.FromDateTime(Common.FinnishCalendar.Local(m).DateTime) : null;
    }

    /// <summary>An approved version exactly as frozen, with its decision.</summary>
    public async Task<PrintViewModel> ForVersionAsync(ReportVersion version, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new PrintViewModel
        {
            Document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, language),
            Decision = DocumentDecision.Of(version),
            IsDraft = false,
            StatusKey = version.IsPublished ? "ReportStatus.Published" : "ReportStatus.Approved",
            LogoDataUri = await LogoAsync(version.OrganisationId, cancellationToken),
            Css = Css(),
        };
    }

    public Task<string> HtmlAsync(PrintViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return razor.RenderAsync(PrintView, model, model.Document.Language);
    }

    public async Task<byte[]> RenderAsync(PrintViewModel model, PdfPurpose purpose, CancellationToken cancellationToken)
    {
        var html = await HtmlAsync(model);
        return await chromium.RenderAsync(html, Frame(model), purpose, cancellationToken);
    }

    /// <summary>The running header (organisation and title) and the footer ("page n / N") in the document's language.</summary>
    public PdfFrame Frame(PrintViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var doc = model.Document;
        var ui = CultureInfo.CurrentUICulture;
        string page, draft;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(doc.Language);
            page = localizer["Document.Page"].Value;
            draft = model.IsDraft ? " · " + localizer["Document.DraftMark"].Value
                : model.Consideration is { } mark
                    ? " · " + mark.Text(localizer[mark.ResourceKey].Value, Localization.Cultures.FormattingCulture(doc.Language))
                    : string.Empty;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
        const string Style = "font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:8pt;color:#444;width:100%;margin:0 18mm 0 20mm;";
        var header = $"<div style=\"{Style}display:flex;justify-content:space-between;border-bottom:0.5pt solid #bbb;padding-bottom:2pt\">" +
                     $"<span>{WebUtility.HtmlEncode(doc.OrganisationName)}</span><span>{WebUtility.HtmlEncode(doc.Title)}{WebUtility.HtmlEncode(draft)}</span></div>";
        var footer = $"<div style=\"{Style}text-align:center\">{WebUtility.HtmlEncode(page)} <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";
        return new PdfFrame(header, footer);
    }

    private async Task<string?> LogoAsync(Guid organisationId, CancellationToken cancellationToken) =>
        (await db.OrganisationLogos.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .FirstOrDefaultAsync(l => l.OrganisationId == organisationId, cancellationToken))?.DataUri;

    private string Css() => _css ??= File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "print-document.css"));
}
