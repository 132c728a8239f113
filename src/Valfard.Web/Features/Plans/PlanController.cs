using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Plans;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The welfare plan itself: everyone in the organisation reads it and their own measures; the coordinator and the
/// organisation admin start it. Its goals, measures, follow-up indicators and CSV file have controllers of their own.
/// </summary>
[Route("plan")]
public sealed class PlanController(PlanService plans, PlanEditor editor, PlanActorResolver actors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? sector, MeasureStatus? status, MeasurePartners? partner, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return View(await plans.TreeAsync(actor, sector, status, partner, Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpPost("")]
    public async Task<IActionResult> Create(CreatePlanViewModel form, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await editor.CreateAsync(form.CouncilTermId, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.Created", () => RedirectToAction(nameof(Index)));
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var all = await plans.MineAsync(actor, includeSectors: true, Cultures.Current, cancellationToken);
        return View(new MyMeasuresViewModel { Owned = all.Where(m => m.Owned).ToList(), OfMySectors = all.Where(m => !m.Owned).ToList() });
    }

    /// <summary>The plan's page, at the section of one goal.</summary>
    internal static IActionResult AtGoal(Controller controller, Guid? goalId) =>
        controller.Redirect(controller.Url.Action(nameof(Index), "Plan")! + $"#goal-{goalId}");
}
