using Valfard.Domain.Plans;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The plan a report carries: for a comprehensive report the term's plan, for an annual report the plan together
/// with that year's follow-up round. Null when the report has no plan. Used when a report is approved (the snapshot)
/// and to show the plan in the council's reading view and in the PDF.
/// </summary>
public interface IPlanSnapshotSource
{
    Task<PlanSnapshot?> ForReportAsync(Guid reportId, CancellationToken cancellationToken);
}
