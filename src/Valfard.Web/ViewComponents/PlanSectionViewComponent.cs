using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Services.Plans;

namespace Valfard.Web.ViewComponents;

/// <summary>
/// The plan part of a report's plan section: the term's plan, or for an annual report the follow-up round of its year,
/// read-only from the plan's own data through the same snapshot source the approval uses.
/// </summary>
public sealed class PlanSectionViewComponent(IPlanSnapshotSource snapshots) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid reportId) =>
        View(await snapshots.ForReportAsync(reportId, HttpContext.RequestAborted));
}
