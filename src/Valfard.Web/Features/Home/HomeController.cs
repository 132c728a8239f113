using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.Reports;
using Valfard.Web.Features.Sections;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Home;

public sealed class HomeController(StartPageService startPage, SectionWriting writing, ActorResolver actors, ReportService reports,
    PlanService plans, PlanActorResolver planActors) : Controller
{
    /// <summary>Signed-in users see their organisation's start page; visitors see what Valfard is and how to sign in.</summary>
    [AllowAnonymous]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View("Welcome");
        }
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var model = await startPage.BuildAsync(userId, roles, Cultures.Current, cancellationToken);
        if (model is null)
        {
            return Forbid();
        }
        if (User.IsInRole(Domain.Common.Roles.Editor) || User.IsInRole(Domain.Common.Roles.Coordinator))
        {
            model.WritesReports = true;
            model.MySections = await writing.MySectionsAsync(await actors.ForAsync(User, cancellationToken), Cultures.Current, cancellationToken);
        }
        if (User.IsInRole(Domain.Common.Roles.CouncilMember) || User.IsInRole(Domain.Common.Roles.CouncilSecretary) || User.IsInRole(Domain.Common.Roles.Coordinator))
        {
            model.CouncilReports = (await reports.ListAsync(Cultures.Current, cancellationToken))
                .Where(r => Domain.Reports.ReportWorkflow.IsWithDecisionMakers(r.Status) || r.Status == Domain.Reports.ReportStatus.Approved).ToList();
        }
        // Measure owners see the measures they answer for, with a link to record the open follow-up round.
        model.MyMeasures = await plans.MineAsync(await planActors.ForAsync(User, cancellationToken), includeSectors: false, Cultures.Current, cancellationToken);
        return View(model);
    }
}
