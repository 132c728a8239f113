using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Documents;

/// <summary>A council document ready to send: its bytes, file name and, when archived, its hash and date.</summary>
public sealed record CouncilDocumentFile(byte[] Content, string FileName, string? Sha256, DateTimeOffset? ArchivedAt);

/// <summary>
/// Finds or prints the council document of a report in one language. Once published it is the archived file, byte for
/// byte; an approved version not yet published is printed from its snapshot; anything else is a marked draft.
/// </summary>
public sealed class CouncilDocuments(ValfardDbContext db, ReportPdfService pdfs, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The language the document is given in: the one asked for if the organisation publishes in it.</summary>
    public async Task<string?> LanguageAsync(Guid reportId, string? requested, string current, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationOfAsync(reportId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var languages = WelfareReport.LanguagesOf(organisation);
        return requested is not null && languages.Contains(requested) ? requested : languages.Contains(current) ? current : languages[0];
    }

    /// <summary>The document, or null when the report or the asked version does not exist.</summary>
    /// <exception cref="PdfRenderException">Chromium could not print it; the message is a resource key.</exception>
    public async Task<CouncilDocumentFile?> GetAsync(Guid reportId, string language, int? version, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var number = version ?? (report.Status is ReportStatus.Approved or ReportStatus.Published ? report.VersionNumber : null);
        var approved = number is { } n
            ? await db.ReportVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ReportId == reportId && v.Number == n, cancellationToken)
            : null;
        if (number is not null && approved is null)
        {
            return null;
        }
        var baseName = $"{organisation.Slug}-{Slug.FromName(report.TitleIn(language))}";
        if (approved is not null)
        {
            var archived = await db.ArchivedDocuments.AsNoTracking()
                .FirstOrDefaultAsync(d => d.ReportVersionId == approved.Id && d.Language == language, cancellationToken);
            if (archived is not null)
            {
                return new CouncilDocumentFile(archived.Content, $"{baseName}-v{approved.Number}-{language}.pdf", archived.Sha256, archived.CreatedAt);
            }
        }
        var model = approved is not null
            ? await pdfs.ForVersionAsync(approved, language, cancellationToken)
            : await pdfs.LiveAsync(reportId, language, cancellationToken);
        if (model is null)
        {
            return null;
        }
        var bytes = await pdfs.RenderAsync(model, PdfPurpose.Draft, cancellationToken);
        var suffix = approved is not null ? $"v{approved.Number}" : localizer["Document.DraftFileSuffix"].Value;
        return new CouncilDocumentFile(bytes, $"{baseName}-{suffix}-{language}.pdf", null, null);
    }

    private async Task<Organisation?> OrganisationOfAsync(Guid reportId, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Join(db.Organisations.AsNoTracking(), r => r.OrganisationId, o => o.Id, (_, o) => o)
            .FirstOrDefaultAsync(cancellationToken);
}
