using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>The plan's measures: everyone reads a measure's page; the coordinator and the organisation admin add, change and remove them.</summary>
[Route("plan/measures")]
public sealed class MeasuresController(PlanService plans, MeasureEditor measures, PlanActorResolver actors) : Controller
{
    private const string FormView = "MeasureForm";

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Measure(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await plans.MeasurePageAsync(id, actor, Cultures.Current, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpGet("new")]
    public async Task<IActionResult> NewMeasure(Guid? goalId, CancellationToken cancellationToken) =>
        await measures.FormAsync(null, goalId, Cultures.Current, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpPost("new")]
    public Task<IActionResult> NewMeasure(MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> EditMeasure(Guid id, CancellationToken cancellationToken) =>
        await measures.FormAsync(id, null, Cultures.Current, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> EditMeasure(Guid id, MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        // Another organisation's measure is not found, whether or not the form is valid (a valid form learns it from the save).
        if (!ModelState.IsValid && await measures.FormAsync(id, null, Cultures.Current, cancellationToken) is null)
        {
            return NotFound();
        }
        return await Save(form, cancellationToken);
    }

    private async Task<IActionResult> Save(MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, id) = await measures.SaveAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<MeasureFormViewModel>(result, "Plan.MeasureSaved", () => RedirectToAction(nameof(Measure), new { id }),
                id is { } measureId ? () => measures.FormAsync(measureId, null, Cultures.Current, cancellationToken) : null, FormView);
            if (answer is not null)
            {
                return answer;
            }
        }
        await measures.FillOptionsAsync(form, null, Cultures.Current, cancellationToken);
        return View(FormView, form);
    }

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveMeasure(Guid id, CancellationToken cancellationToken) =>
        await measures.ConfirmRemoveAsync(id, Cultures.Current, cancellationToken) is { } model ? View("ConfirmRemove", model) : NotFound();

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> RemoveMeasure(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (result, goalId) = await measures.RemoveAsync(id, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.MeasureRemoved", () => PlanController.AtGoal(this, goalId));
    }
}
