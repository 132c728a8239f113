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

    /// <summary>The report as it stands, with the DRAFT mark unless it is the approved text itself.</summary>
    public async Task<PrintViewModel?> LiveAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var document = await builder.BuildLiveAsync(reportId, language, cancellationToken);
        if (document is null)
        {
            return null;
        }
        return new PrintViewModel
        {
            Document = document,
            IsDraft = true,
            StatusKey = $"ReportStatus.{report.Status}",
            LogoDataUri = await LogoAsync(report.OrganisationId, cancellationToken),
            Css = Css(),
        };
    }

    /// <summary>An approved version exactly as frozen, with its decision.</summary>
    public async Task<PrintViewModel> ForVersionAsync(ReportVersion version, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new PrintViewModel
        {
            Document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, language),
            Decision = new DocumentDecision(version.Number, version.Decision, version.ApprovedAt, version.PublishedAt),
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
            draft = model.IsDraft ? " · " + localizer["Document.DraftMark"].Value : string.Empty;
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
