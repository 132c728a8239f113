using Valfard.Domain.Organisations;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Home;

public sealed record TermViewModel(string Label, DateOnly StartDate, DateOnly EndDate);

public sealed class StartPageViewModel
{
    public required string OrganisationName { get; init; }
    public string? OrganisationOtherName { get; init; }
    public OrganisationKind OrganisationKind { get; init; }
    public required string OfficialCode { get; init; }
    public OrganisationLanguages Languages { get; init; }
    public string? CountyName { get; init; }
    public TermViewModel? CurrentTerm { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required IReadOnlyList<string> MySectors { get; init; }
    public required IReadOnlyList<string> OrganisationSectors { get; init; }
    public int ActiveUserCount { get; init; }
    public IReadOnlyList<MySectionItem> MySections { get; set; } = [];
    public bool WritesReports { get; set; }

    /// <summary>Reports waiting for the council: to read and comment on, or to record the decision and publish.</summary>
    public IReadOnlyList<ReportListItem> CouncilReports { get; set; } = [];
    public IReadOnlyList<MyMeasureItem> MyMeasures { get; set; } = [];
}
