using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Assessments;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup;

namespace Valfard.Web.Features.Assessments;

/// <summary>
/// The block "Impact assessments of the year" of a report section (issue 19 §4): the organisation's assessments
/// completed or decided in the years the report covers, for the report document (editor preview, reading view,
/// PDF, public page and the frozen snapshot of an approved version).
/// </summary>
public sealed class YearAssessments(ValfardDbContext db, PublicAddress address)
{
    /// <summary>
    /// The assessments of <paramref name="organisationId"/> decided (by decision date) or completed and not yet decided
    /// (by completion date) within <paramref name="firstYear"/>–<paramref name="lastYear"/>; oldest first, as a report
    /// tells the year.
    /// </summary>
    public async Task<IReadOnlyList<YearAssessment>> ForYearsAsync(Guid organisationId, string organisationSlug, int firstYear, int lastYear,
        CancellationToken cancellationToken)
    {
        var candidates = await db.ImpactAssessments.AsNoTracking().Include(a => a.Alternatives)
            .Where(a => a.OrganisationId == organisationId && a.Status != AssessmentStatus.InPreparation)
            .ToListAsync(cancellationToken);
        // Dates are compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        return candidates
            .Select(a => (Assessment: a, Date: a.DecisionDate ?? (a.CompletedAt is { } completed ? DateOnly.FromDateTime(Common.FinnishCalendar.Local(completed).DateTime) : (DateOnly?)null)))
            .Where(x => x.Date is { } date && date.Year >= firstYear && date.Year <= lastYear)
            .OrderBy(x => x.Date).ThenBy(x => x.Assessment.DecisionTitle, StringComparer.CurrentCulture)
            .Select(x => new YearAssessment(x.Assessment.Id, x.Assessment.DecisionTitle, x.Assessment.Language, x.Assessment.PreparingBody, x.Assessment.Status,
                x.Assessment.Alternatives.FirstOrDefault(alt => alt.Id == x.Assessment.ChosenAlternativeId)?.Title, x.Date!.Value,
                x.Assessment.DecisionParagraph, x.Assessment.IsPublished, x.Assessment.IsChildImpact))
            .ToList();
    }

    /// <summary>The block as the report document shows it in a language, for the section editor's preview.</summary>
    public async Task<IReadOnlyList<Documents.DocumentAssessment>> ForReportAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return [];
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var term = await db.CouncilTerms.AsNoTracking().FirstAsync(t => t.Id == report.CouncilTermId, cancellationToken);
        var (first, last) = YearsOf(report, term);
        return (await ForYearsAsync(report.OrganisationId, organisation.Slug, first, last, cancellationToken))
            .Select(a => ToDocument(a, organisation.Slug, language)).ToList();
    }

    /// <summary>An annual report tells its year; a term's report the years of the term.</summary>
    public static (int First, int Last) YearsOf(Domain.Reports.WelfareReport report, Domain.Organisations.CouncilTerm term)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(term);
        return report.Year is { } year ? (year, year) : (term.Years.Min(), term.Years.Max());
    }

    public Documents.DocumentAssessment ToDocument(YearAssessment assessment, string organisationSlug, string language)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new Documents.DocumentAssessment(assessment.DecisionTitle, assessment.Language == language ? null : assessment.Language, assessment.Status,
            assessment.ChosenAlternative, assessment.Date, assessment.DecisionParagraph,
            assessment.IsPublished ? PublicLink(organisationSlug, assessment.Id, language) : null);
    }

    /// <summary>The resident's address of a published assessment in a language, absolute so that it also works in the PDF.</summary>
    public string PublicLink(string organisationSlug, Guid assessmentId, string language) =>
        address.Link($"/{language}/{organisationSlug}/assessments/{assessmentId}").ToString();
}

/// <param name="Date">The decision date, or the completion date while no decision is recorded.</param>
public sealed record YearAssessment(Guid Id, string DecisionTitle, string Language, string PreparingBody, AssessmentStatus Status, string? ChosenAlternative,
    DateOnly Date, string DecisionParagraph, bool IsPublished, bool IsChildImpact);
