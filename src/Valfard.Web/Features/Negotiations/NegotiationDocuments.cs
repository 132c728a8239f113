using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// The negotiation as both sides read it: the page, the print view and the PDF of the record (the council document's
/// Chromium service, tagged, in Finnish or Swedish), all from one <see cref="NegotiationDocument"/>.
/// </summary>
public sealed class NegotiationDocuments(
    NegotiationAccess access,
    NegotiationService negotiations,
    RazorDocumentRenderer razor,
    ChromiumPdf chromium,
    IWebHostEnvironment environment,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public const string PrintView = "~/Features/Negotiations/Views/Negotiations/Print.cshtml";
    private static string? _css;

    public async Task<NegotiationDocument?> BuildAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return null;
        }
        var names = await negotiations.NamesAsync([negotiation.OrganisationId, negotiation.MunicipalityId], language, cancellationToken);
        var earlier = await negotiations.EarlierAsync(negotiation, cancellationToken);
        var later = await negotiations.LaterFollowUpsAsync(negotiation.Agreements.Select(a => a.Id), cancellationToken);
        return new NegotiationDocument
        {
            Negotiation = negotiation,
            Language = language,
            CountyName = names[negotiation.OrganisationId],
            MunicipalityName = names[negotiation.MunicipalityId],
            Side = access.SideOf(negotiation),
            EarlierYear = earlier?.Year,
            EarlierId = earlier?.Id,
            Earlier = earlier is null ? [] : [.. earlier.OrderedAgreements.Select(a => new EarlierAgreement(a, negotiation.FollowUps.FirstOrDefault(f => f.AgreementId == a.Id)))],
            Later = later.Where(l => l.Value.Year > negotiation.Year).ToDictionary(l => l.Key, l => l.Value),
        };
    }

    public async Task<NegotiationPrintViewModel?> PrintAsync(Guid id, string language, bool inlineCss, CancellationToken cancellationToken)
    {
        var document = await BuildAsync(id, language, cancellationToken);
        return document is null ? null : new NegotiationPrintViewModel { Document = document, Css = inlineCss ? Css() : null, PrintedAt = clock.GetUtcNow() };
    }

    public async Task<(byte[] Content, string FileName)?> PdfAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var model = await PrintAsync(id, language, inlineCss: true, cancellationToken);
        if (model is null)
        {
            return null;
        }
        var html = await razor.RenderAsync(PrintView, model, language);
        var bytes = await chromium.RenderAsync(html, Frame(model.Document), PdfPurpose.Draft, cancellationToken);
        var kind = InLanguage("Negotiation.FileName", language);
        return (bytes, $"{FileNamePart(kind)}-{FileNamePart(model.Document.MunicipalityName)}-{model.Document.Negotiation.Year}-{language}.pdf");
    }

    private PdfFrame Frame(NegotiationDocument document)
    {
        const string Style = "font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:8pt;color:#444;width:100%;margin:0 18mm 0 20mm;";
        var header = $"<div style=\"{Style}display:flex;justify-content:space-between;border-bottom:0.5pt solid #bbb;padding-bottom:2pt\">" +
                     $"<span>{WebUtility.HtmlEncode(document.CountyName)} – {WebUtility.HtmlEncode(document.MunicipalityName)}</span>" +
                     $"<span>{WebUtility.HtmlEncode(InLanguage("Negotiation.DocumentKind", document.Language))} {document.Negotiation.Year}</span></div>";
        var footer = $"<div style=\"{Style}text-align:center\">{WebUtility.HtmlEncode(InLanguage("Document.Page", document.Language))} <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";
        return new PdfFrame(header, footer);
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

    // The assessment's print styles give the document head (facts, rules) the look the record shares with it.
    private string Css() => _css ??= File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "print-document.css")) + "\n" +
                                     File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "print-assessment.css"));
}
