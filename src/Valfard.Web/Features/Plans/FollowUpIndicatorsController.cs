using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>The indicators that follow a goal or a measure: the coordinator and the organisation admin add and remove them.</summary>
[Authorize(Roles = PlanActor.ManagerRoles)]
[Route("plan/indicators")]
public sealed class FollowUpIndicatorsController(FollowUpIndicatorEditor indicators, PlanActorResolver actors) : Controller
{
    private const string FormView = "IndicatorForm";

    [HttpGet("new")]
    public async Task<IActionResult> NewIndicator(Guid? goalId, Guid? measureId, CancellationToken cancellationToken) =>
        await indicators.FormAsync(goalId, goalId is null ? measureId : null, Cultures.Current, cancellationToken) is { } form
            ? View(FormView, form) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> NewIndicator(IndicatorFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, measureId) = await indicators.AddAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<IndicatorFormViewModel>(result, "Plan.IndicatorAdded", () => ToOwner(measureId, form.GoalId));
            if (answer is not null)
            {
                return answer;
            }
        }
        var fresh = await indicators.FormAsync(form.GoalId, form.GoalId is null ? form.MeasureId : null, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.OwnerTitle = fresh.OwnerTitle;
        form.SotkanetOptions = fresh.SotkanetOptions;
        form.LocalOptions = fresh.LocalOptions;
        return View(FormView, form);
    }

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> RemoveIndicator(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (result, measureId) = await indicators.RemoveAsync(id, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.IndicatorRemoved",
            () => measureId is { } m ? RedirectToAction(nameof(MeasuresController.Measure), "Measures", new { id = m }) : RedirectToAction(nameof(PlanController.Index), "Plan"));
    }

    /// <summary>A measure's indicator leads back to the measure's page, a goal's to the goal on the plan's page.</summary>
    private IActionResult ToOwner(Guid? measureId, Guid? goalId) =>
        measureId is { } m ? RedirectToAction(nameof(MeasuresController.Measure), "Measures", new { id = m }) : PlanController.AtGoal(this, goalId);
}
