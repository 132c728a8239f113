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
        // While the board or the council has the report, the document is the one they were given, kept when it was sent.
        var stage = report.Status switch
        {
            ReportStatus.SentToBoard => ConsiderationStage.Board,
            ReportStatus.SentToCouncil => ConsiderationStage.Council,
            _ => (ConsiderationStage?)null,
        };
        if (approved is null && stage is { } sentTo)
        {
            var sent = (await db.SubmittedDocuments.AsNoTracking()
                    .Where(d => d.ReportId == reportId && d.VersionNumber == report.VersionNumber && d.Stage == sentTo && d.Language == language)
                    .ToListAsync(cancellationToken))
                .MaxBy(d => d.SentAt);
            if (sent is not null)
            {
                return SentFile(sent, baseName);
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

    /// <summary>One of the PDFs the board or the council was given, byte for byte; null when the report has no such document.</summary>
    public async Task<CouncilDocumentFile?> SubmittedAsync(Guid reportId, Guid documentId, CancellationToken cancellationToken)
    {
        var sent = await db.SubmittedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ReportId == reportId, cancellationToken);
        if (sent is null)
        {
            return null;
        }
        var report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == reportId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        return SentFile(sent, $"{organisation.Slug}-{Slug.FromName(report.TitleIn(sent.Language))}");
    }

    private CouncilDocumentFile SentFile(SubmittedDocument sent, string baseName)
    {
        var stage = localizer[$"Document.FileSuffix.{sent.Stage}"].Value;
        return new CouncilDocumentFile(sent.Content, $"{baseName}-v{sent.VersionNumber}-{stage}-{sent.Language}.pdf", sent.Sha256, sent.SentAt);
    }

    private async Task<Organisation?> OrganisationOfAsync(Guid reportId, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Join(db.Organisations.AsNoTracking(), r => r.OrganisationId, o => o.Id, (_, o) => o)
            .FirstOrDefaultAsync(cancellationToken);
}
