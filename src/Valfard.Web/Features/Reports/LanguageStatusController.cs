using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>The report-wide language status: which texts are missing or clearly shorter in one of the two languages.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("reports/{reportId:guid}/languages")]
public sealed class LanguageStatusController(LanguageStatusService status) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid reportId, CancellationToken cancellationToken)
    {
        // Goal and measure forms are the plan managers'; others see the gap without a link they could not follow.
        var canManagePlan = PlanActor.ManagerRoles.Split(',').Any(User.IsInRole);
        var model = await status.StatusAsync(reportId, Cultures.Current, canManagePlan, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
