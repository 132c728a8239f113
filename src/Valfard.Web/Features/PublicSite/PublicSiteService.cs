using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// What residents may read without signing in: only approved versions that have been published, read from their
/// frozen snapshot and archived PDF, never from the live tables where the next version is being written. Nobody is
/// signed in here, so the tenant filter would hide everything; each query sets it aside and filters by organisation
/// and by <see cref="ReportVersion.PublishedAt"/> itself.
/// </summary>
public sealed class PublicSiteService(ValfardDbContext db)
{
    private IQueryable<ReportVersion> PublishedVersions =>
        db.ReportVersions.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter]).Where(v => v.PublishedAt != null);

    private IQueryable<WelfareReport> AllReports =>
        db.Reports.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter]);

    public async Task<PublicFrontPage> FrontPageAsync(string language, string? query, CancellationToken cancellationToken)
    {
        var counts = (await PublishedVersions.Select(v => new { v.OrganisationId, v.ReportId }).ToListAsync(cancellationToken))
            .GroupBy(v => v.OrganisationId).ToDictionary(g => g.Key, g => g.Select(v => v.ReportId).Distinct().Count());
        var ids = counts.Keys.ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive && ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var term = query?.Trim();
        var found = organisations
            .Where(o => string.IsNullOrEmpty(term)
                || o.NameFi.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || o.NameSv.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || o.Slug.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Select(o => new PublicOrganisation(o.Slug, o.NameIn(language), NameLanguage(o, language), counts[o.Id]))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .ToList();
        return new PublicFrontPage { Language = language, Query = term, Organisations = found };
    }

    public async Task<PublicOrganisationPage?> OrganisationAsync(string slug, string language, CancellationToken cancellationToken)
    {
        var organisation = await FindOrganisationAsync(slug, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var links = await PublishedReportsAsync(organisation, language, cancellationToken);
        if (links.Count == 0)
        {
            return null;
        }
        return new PublicOrganisationPage
        {
            Language = language,
            Slug = organisation.Slug,
            Name = organisation.NameIn(language),
            NameLanguage = NameLanguage(organisation, language),
            Terms = links.GroupBy(l => l.TermLabel).OrderByDescending(g => g.Key, StringComparer.Ordinal).ToList(),
        };
    }

    public async Task<PublicReportPage?> ReportAsync(string organisationSlug, string reportSlug, string language, CancellationToken cancellationToken)
    {
        var found = await FindPublishedAsync(organisationSlug, reportSlug, cancellationToken);
        if (found is null)
        {
            return null;
        }
        var (organisation, version) = found.Value;
        var languages = ReportDocumentBuilder.SnapshotLanguages(version.SnapshotJson);
        // The requested language where the report has it, otherwise the organisation's own; the page marks it.
        var documentLanguage = languages.Contains(language) ? language
            : languages.Contains(organisation.PrimaryLanguageCode) ? organisation.PrimaryLanguageCode : languages[0];
        var document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, documentLanguage);
        var files = await db.ArchivedDocuments.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(d => d.ReportVersionId == version.Id && d.OrganisationId == organisation.Id)
            .Select(d => new PublicFile(d.Language, d.Size, d.Sha256))
            .ToListAsync(cancellationToken);
        return new PublicReportPage
        {
            Language = language,
            OrganisationSlug = organisation.Slug,
            ReportSlug = reportSlug,
            OrganisationId = organisation.Id,
            ReportId = version.ReportId,
            Document = document,
            Decision = DocumentDecision.Of(version),
            Files = files.OrderBy(f => f.Language == documentLanguage ? 0 : 1).ThenBy(f => f.Language, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The archived PDF in the requested language, or in the organisation's own when there is none.</summary>
    public async Task<ArchivedDocument?> PdfAsync(string organisationSlug, string reportSlug, string language, CancellationToken cancellationToken)
    {
        var found = await FindPublishedAsync(organisationSlug, reportSlug, cancellationToken);
        if (found is null)
        {
            return null;
        }
        var (organisation, version) = found.Value;
        var archived = db.ArchivedDocuments.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(d => d.ReportVersionId == version.Id && d.OrganisationId == organisation.Id);
        // Choose the language from the small columns first, so that only the one file served is read.
        var languages = await archived.Select(d => d.Language).ToListAsync(cancellationToken);
        var chosen = languages.Contains(language) ? language
            : languages.Contains(organisation.PrimaryLanguageCode) ? organisation.PrimaryLanguageCode : languages.FirstOrDefault();
        return chosen is null ? null : await archived.FirstOrDefaultAsync(d => d.Language == chosen, cancellationToken);
    }

    public Task<Organisation?> FindOrganisationAsync(string slug, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug && o.IsActive, cancellationToken);

    /// <summary>The organisation and the latest published version of the report at that address, or null.</summary>
    public async Task<(Organisation Organisation, ReportVersion Version)?> FindPublishedAsync(string organisationSlug, string reportSlug,
        CancellationToken cancellationToken)
    {
        var organisation = await FindOrganisationAsync(organisationSlug, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var reports = await AllReports.Where(r => r.OrganisationId == organisation.Id).ToListAsync(cancellationToken);
        var termIds = reports.Select(r => r.CouncilTermId).Distinct().ToList();
        var terms = await db.CouncilTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var report = reports.FirstOrDefault(r => ReportSlugs.Matches(reportSlug, r.Kind, terms[r.CouncilTermId].StartDate.Year,
            terms[r.CouncilTermId].EndDate.Year, r.Year));
        if (report is null)
        {
            return null;
        }
        // The latest published version: the report itself may be back in draft for its next version.
        var latest = await PublishedVersions.Where(v => v.ReportId == report.Id && v.OrganisationId == organisation.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : (organisation, latest);
    }

    private async Task<IReadOnlyList<PublicReportLink>> PublishedReportsAsync(Organisation organisation, string language, CancellationToken cancellationToken)
    {
        var versions = (await PublishedVersions.Where(v => v.OrganisationId == organisation.Id).ToListAsync(cancellationToken))
            .GroupBy(v => v.ReportId).Select(g => g.OrderByDescending(v => v.Number).First()).ToList();
        var reportIds = versions.Select(v => v.ReportId).ToList();
        var reports = await AllReports.Where(r => r.OrganisationId == organisation.Id && reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var termIds = reports.Values.Select(r => r.CouncilTermId).Distinct().ToList();
        var terms = await db.CouncilTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var links = new List<PublicReportLink>();
        foreach (var version in versions)
        {
            var report = reports[version.ReportId];
            var term = terms[report.CouncilTermId];
            // The title as published, in the visitor's language when the snapshot has it.
            var languages = ReportDocumentBuilder.SnapshotLanguages(version.SnapshotJson);
            var documentLanguage = languages.Contains(language) ? language
                : languages.Contains(organisation.PrimaryLanguageCode) ? organisation.PrimaryLanguageCode : languages[0];
            var document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, documentLanguage);
            links.Add(new PublicReportLink(SlugOf(report, term, document.Language), document.Title, document.Language, report.Kind, term.Label, report.Year,
                version.Number, version.PublishedAt!.Value, document.Plan is not null));
        }
        return links.OrderByDescending(l => l.Year ?? 0).ThenBy(l => l.Kind).ToList();
    }

    private static string SlugOf(WelfareReport report, CouncilTerm term, string language) =>
        ReportSlugs.For(report.Kind, term.StartDate.Year, term.EndDate.Year, report.Year, language);

    private static string NameLanguage(Organisation organisation, string language) =>
        language == "sv" && !string.IsNullOrWhiteSpace(organisation.NameSv) ? "sv" : "fi";
}
