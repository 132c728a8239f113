using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Plans;

/// <summary>
/// The welfare plan (hyvinvointisuunnitelma / välfärdsplan) of one council term: what the council commits to. Its
/// goals, measures and follow-up indicators are rows of their own so that owners can record follow-up on one
/// measure without touching the rest of the plan.
/// </summary>
public class WelfarePlan : IOrganisationOwned, IVersioned
{
    private WelfarePlan()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
    }

    public WelfarePlan(Guid id, Guid organisationId, CouncilTerm term, Guid? comprehensiveReportId, string titleFi, string titleSv,
        Guid createdById, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(term);
        Id = id;
        OrganisationId = organisationId;
        CouncilTermId = term.Id;
        ReportId = comprehensiveReportId;
        CreatedById = createdById;
        CreatedAt = now;
        Retitle(titleFi, titleSv);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public Guid CouncilTermId { get; private set; }

    /// <summary>The term's comprehensive report the plan belongs to, once that report exists.</summary>
    public Guid? ReportId { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public void Retitle(string titleFi, string titleSv) => (TitleFi, TitleSv) = PlanLimits.Titles(titleFi, titleSv);

    public void TieToReport(Guid reportId) => ReportId = reportId;

    /// <summary>"Hyvinvointisuunnitelma 2025–2029", "Välfärdsplan 2025–2029".</summary>
    public static (string Fi, string Sv) DefaultTitles(CouncilTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return ($"Hyvinvointisuunnitelma {term.Label}", $"Välfärdsplan {term.Label}");
    }
}
