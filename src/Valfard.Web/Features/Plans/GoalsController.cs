using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>The plan's goals: the coordinator and the organisation admin add, change and remove them.</summary>
[Authorize(Roles = PlanActor.ManagerRoles)]
[Route("plan/goals")]
public sealed class GoalsController(GoalEditor goals, PlanActorResolver actors) : Controller
{
    private const string FormView = "GoalForm";

    [HttpGet("new")]
    public async Task<IActionResult> NewGoal(CancellationToken cancellationToken) =>
        await goals.FormAsync(null, Cultures.Current, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> NewGoal(GoalFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> EditGoal(Guid id, CancellationToken cancellationToken) =>
        await goals.FormAsync(id, Cultures.Current, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("{id:guid}")]
    public Task<IActionResult> EditGoal(Guid id, GoalFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, cancellationToken);
    }

    private async Task<IActionResult> Save(GoalFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, id) = await goals.SaveAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<GoalFormViewModel>(result, "Plan.GoalSaved", () => PlanController.AtGoal(this, id),
                id is { } goalId ? () => goals.FormAsync(goalId, Cultures.Current, cancellationToken) : null, FormView);
            if (answer is not null)
            {
                return answer;
            }
        }
        var options = await goals.FormAsync(null, Cultures.Current, cancellationToken);
        if (options is null)
        {
            return NotFound();
        }
        form.ConcernOptions = options.ConcernOptions;
        form.Bilingual = options.Bilingual;
        return View(FormView, form);
    }

    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveGoal(Guid id, CancellationToken cancellationToken) =>
        await goals.ConfirmRemoveAsync(id, Cultures.Current, cancellationToken) is { } model ? View("ConfirmRemove", model) : NotFound();

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> RemoveGoal(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await goals.RemoveAsync(id, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.GoalRemoved", () => RedirectToAction(nameof(PlanController.Index), "Plan"));
    }
}
