using Microsoft.AspNetCore.Mvc;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The plan part of a report's plan section: the term's plan, or for an annual report the follow-up round of its year,
/// read-only from the plan's own data through the same snapshot source the approval uses.
/// </summary>
public sealed class PlanSectionViewComponent(IPlanSnapshotSource snapshots) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid reportId) =>
        View("~/Features/Plans/Views/Components/PlanSection.cshtml", await snapshots.ForReportAsync(reportId, HttpContext.RequestAborted));
}
