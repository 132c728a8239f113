using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Plans;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The welfare plan: everyone in the organisation reads it; the coordinator and the organisation admin build it
/// (goals, measures, follow-up indicators, CSV import).
/// </summary>
[Route("plan")]
public sealed class PlanController(
    PlanService plans,
    PlanEditing editing,
    PlanCsvService csv,
    PlanActorResolver actors,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string Managers = $"{Roles.Coordinator},{Roles.OrganisationAdmin}";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? sector, MeasureStatus? status, MeasurePartners? partner, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return View(await plans.TreeAsync(actor, sector, status, partner, Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = Managers)]
    [HttpPost("")]
    public async Task<IActionResult> Create(CreatePlanViewModel form, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await editing.CreatePlanAsync(form.CouncilTermId, actor.UserId, cancellationToken);
        TempData.Flash(result, "Plan.Created");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var all = await plans.MineAsync(actor, includeSectors: true, Cultures.Current, cancellationToken);
        return View(new MyMeasuresViewModel { Owned = all.Where(m => m.Owned).ToList(), OfMySectors = all.Where(m => !m.Owned).ToList() });
    }

    // ---- goals

    [Authorize(Roles = Managers)]
    [HttpGet("goals/new")]
    public async Task<IActionResult> NewGoal(CancellationToken cancellationToken) =>
        await editing.GoalFormAsync(null, Cultures.Current, cancellationToken) is { } form ? View("GoalForm", form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("goals/new")]
    public Task<IActionResult> NewGoal(GoalFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return SaveGoal(form, cancellationToken);
    }

    [Authorize(Roles = Managers)]
    [HttpGet("goals/{id:guid}")]
    public async Task<IActionResult> EditGoal(Guid id, CancellationToken cancellationToken) =>
        await editing.GoalFormAsync(id, Cultures.Current, cancellationToken) is { } form ? View("GoalForm", form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("goals/{id:guid}")]
    public Task<IActionResult> EditGoal(Guid id, GoalFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return SaveGoal(form, cancellationToken);
    }

    private async Task<IActionResult> SaveGoal(GoalFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, id) = await editing.SaveGoalAsync(form, actor.UserId, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Flash"] = "Plan.GoalSaved";
                return Redirect(Url.Action(nameof(Index))! + $"#goal-{id}");
            }
            if (result.Conflict && id is { } goalId && await editing.GoalFormAsync(goalId, Cultures.Current, cancellationToken) is { } fresh)
            {
                ModelState.Clear();
                ModelState.AddErrors(result, localizer);
                return View("GoalForm", fresh);
            }
            ModelState.AddErrors(result, localizer);
        }
        var options = await editing.GoalFormAsync(null, Cultures.Current, cancellationToken);
        if (options is null)
        {
            return NotFound();
        }
        form.ConcernOptions = options.ConcernOptions;
        form.Bilingual = options.Bilingual;
        return View("GoalForm", form);
    }

    [Authorize(Roles = Managers)]
    [HttpGet("goals/{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveGoal(Guid id, CancellationToken cancellationToken) =>
        await editing.ConfirmRemoveGoalAsync(id, Cultures.Current, cancellationToken) is { } model ? View("ConfirmRemove", model) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("goals/{id:guid}/remove")]
    public async Task<IActionResult> RemoveGoal(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await editing.RemoveGoalAsync(id, actor.UserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Plan.GoalRemoved");
        return RedirectToAction(nameof(Index));
    }

    // ---- measures

    [HttpGet("measures/{id:guid}")]
    public async Task<IActionResult> Measure(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await plans.MeasurePageAsync(id, actor, Cultures.Current, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [Authorize(Roles = Managers)]
    [HttpGet("measures/new")]
    public async Task<IActionResult> NewMeasure(Guid? goalId, CancellationToken cancellationToken) =>
        await editing.MeasureFormAsync(null, goalId, Cultures.Current, cancellationToken) is { } form ? View("MeasureForm", form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("measures/new")]
    public Task<IActionResult> NewMeasure(MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return SaveMeasure(form, cancellationToken);
    }

    [Authorize(Roles = Managers)]
    [HttpGet("measures/{id:guid}/edit")]
    public async Task<IActionResult> EditMeasure(Guid id, CancellationToken cancellationToken) =>
        await editing.MeasureFormAsync(id, null, Cultures.Current, cancellationToken) is { } form ? View("MeasureForm", form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("measures/{id:guid}/edit")]
    public async Task<IActionResult> EditMeasure(Guid id, MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        // Another organisation's measure is not found, whether or not the form is valid (a valid form learns it from the save).
        if (!ModelState.IsValid && await editing.MeasureFormAsync(id, null, Cultures.Current, cancellationToken) is null)
        {
            return NotFound();
        }
        return await SaveMeasure(form, cancellationToken);
    }

    private async Task<IActionResult> SaveMeasure(MeasureFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, id) = await editing.SaveMeasureAsync(form, actor.UserId, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Flash"] = "Plan.MeasureSaved";
                return RedirectToAction(nameof(Measure), new { id });
            }
            if (result.Conflict && id is { } measureId && await editing.MeasureFormAsync(measureId, null, Cultures.Current, cancellationToken) is { } fresh)
            {
                ModelState.Clear();
                ModelState.AddErrors(result, localizer);
                return View("MeasureForm", fresh);
            }
            ModelState.AddErrors(result, localizer);
        }
        await editing.FillMeasureOptionsAsync(form, null, Cultures.Current, cancellationToken);
        return View("MeasureForm", form);
    }

    [Authorize(Roles = Managers)]
    [HttpGet("measures/{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveMeasure(Guid id, CancellationToken cancellationToken) =>
        await editing.ConfirmRemoveMeasureAsync(id, Cultures.Current, cancellationToken) is { } model ? View("ConfirmRemove", model) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("measures/{id:guid}/remove")]
    public async Task<IActionResult> RemoveMeasure(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (result, goalId) = await editing.RemoveMeasureAsync(id, actor.UserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Plan.MeasureRemoved");
        return Redirect(Url.Action(nameof(Index))! + $"#goal-{goalId}");
    }

    // ---- follow-up indicators

    [Authorize(Roles = Managers)]
    [HttpGet("indicators/new")]
    public async Task<IActionResult> NewIndicator(Guid? goalId, Guid? measureId, CancellationToken cancellationToken) =>
        await editing.IndicatorFormAsync(goalId, goalId is null ? measureId : null, Cultures.Current, cancellationToken) is { } form
            ? View("IndicatorForm", form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("indicators/new")]
    public async Task<IActionResult> NewIndicator(IndicatorFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, measureId) = await editing.AddIndicatorAsync(form, actor.UserId, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Flash"] = "Plan.IndicatorAdded";
                return measureId is { } m ? RedirectToAction(nameof(Measure), new { id = m }) : Redirect(Url.Action(nameof(Index))! + $"#goal-{form.GoalId}");
            }
            ModelState.AddErrors(result, localizer);
        }
        var fresh = await editing.IndicatorFormAsync(form.GoalId, form.GoalId is null ? form.MeasureId : null, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.OwnerTitle = fresh.OwnerTitle;
        form.SotkanetOptions = fresh.SotkanetOptions;
        form.LocalOptions = fresh.LocalOptions;
        return View("IndicatorForm", form);
    }

    [Authorize(Roles = Managers)]
    [HttpPost("indicators/{id:guid}/remove")]
    public async Task<IActionResult> RemoveIndicator(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (result, measureId) = await editing.RemoveIndicatorAsync(id, actor.UserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Plan.IndicatorRemoved");
        return measureId is { } m ? RedirectToAction(nameof(Measure), new { id = m }) : RedirectToAction(nameof(Index));
    }

    // ---- CSV

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var data = await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }
        return File(PlanCsvService.Export(data), "text/csv; charset=utf-8", $"welfare-plan-{data.Term.StartDate.Year}-{data.Term.EndDate.Year}.csv");
    }

    [Authorize(Roles = Managers)]
    [HttpGet("import")]
    public async Task<IActionResult> Import(CancellationToken cancellationToken) =>
        View(new PlanImportViewModel { HasPlan = await plans.CurrentPlanAsync(cancellationToken) is not null });

    [Authorize(Roles = Managers)]
    [HttpPost("import")]
    [RequestSizeLimit(PlanCsvService.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await plans.CurrentPlanAsync(cancellationToken) is null)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0 || file.Length > PlanCsvService.MaxBytes)
        {
            ModelState.AddModelError("file", localizer[file is null || file.Length == 0 ? "Plan.Csv.NoFile" : "Plan.Csv.TooLarge"]);
            return View(new PlanImportViewModel { HasPlan = true });
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var actor = await actors.ForAsync(User, cancellationToken);
        var (problems, goals, measures) = await csv.ImportAsync(buffer.ToArray(), actor.UserId, cancellationToken);
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new PlanImportViewModel
            {
                HasPlan = true,
                Problems = problems.Select(p => new CsvProblemItem(p.Line, p.Column, localizer[p.Key, p.Arguments].Value)).ToList(),
            });
        }
        TempData["Flash"] = "Plan.Csv.Imported";
        TempData["FlashKind"] = "success";
        return RedirectToAction(nameof(Index));
    }
}
