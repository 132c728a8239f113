using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.FollowUp;

/// <summary>
/// The yearly follow-up of the plan. The coordinator opens and closes rounds, overrides assessments and makes the
/// annual report; a measure's owner or an editor of its sector records its follow-up; everyone reads.
/// </summary>
[Route("plan/follow-up")]
public sealed class FollowUpController(
    FollowUpService followUp,
    PlanActorResolver actors) : Controller
{
    private const string Managers = $"{Roles.Coordinator},{Roles.OrganisationAdmin}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await followUp.IndexAsync(actor, Cultures.Current, cancellationToken) is { } model ? View(model) : RedirectToAction("Index", "Plan");
    }

    [Authorize(Roles = Managers)]
    [HttpPost("")]
    public async Task<IActionResult> Open(int year, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await followUp.OpenAsync(year, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.FollowUp.Opened",
            () => result.Succeeded ? RedirectToAction(nameof(Round), new { year }) : RedirectToAction(nameof(Index)));
    }

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Round(int year, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await followUp.RoundPageAsync(year, actor, Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();
    }

    [Authorize(Roles = Managers)]
    [HttpPost("{year:int}/close")]
    public Task<IActionResult> Close(int year, CancellationToken cancellationToken) => SetOpen(year, false, cancellationToken);

    [Authorize(Roles = Managers)]
    [HttpPost("{year:int}/reopen")]
    public Task<IActionResult> Reopen(int year, CancellationToken cancellationToken) => SetOpen(year, true, cancellationToken);

    private async Task<IActionResult> SetOpen(int year, bool open, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await followUp.SetOpenAsync(year, open, actor.UserId, cancellationToken);
        return this.Flashed(result, open ? "Plan.FollowUp.Reopened" : "Plan.FollowUp.ClosedNow", () => RedirectToAction(nameof(Round), new { year }));
    }

    [HttpGet("{year:int}/measures/{measureId:guid}")]
    public async Task<IActionResult> Record(int year, Guid measureId, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (form, forbidden) = await followUp.RecordFormAsync(year, measureId, actor, Cultures.Current, cancellationToken);
        return forbidden ? Forbid() : form is null ? NotFound() : View(form);
    }

    [HttpPost("{year:int}/measures/{measureId:guid}")]
    public async Task<IActionResult> Record(int year, Guid measureId, RecordFollowUpViewModel form, CancellationToken cancellationToken)
    {
        form.Year = year;
        form.MeasureId = measureId;
        var actor = await actors.ForAsync(User, cancellationToken);
        if (ModelState.IsValid)
        {
            var (result, forbidden) = await followUp.RecordAsync(form, actor, cancellationToken);
            if (forbidden)
            {
                return Forbid();
            }
            var answer = await this.AnswerAsync(result, "Plan.FollowUp.Recorded", () => RedirectToAction("Measure", "Measures", new { id = measureId }),
                async () => (await followUp.RecordFormAsync(year, measureId, actor, Cultures.Current, cancellationToken)).Form);
            if (answer is not null)
            {
                return answer;
            }
        }
        var (saved, denied) = await followUp.RecordFormAsync(year, measureId, actor, Cultures.Current, cancellationToken);
        if (denied)
        {
            return Forbid();
        }
        if (saved is null)
        {
            return NotFound();
        }
        form.MeasureCode = saved.MeasureCode;
        form.MeasureTitle = saved.MeasureTitle;
        form.Bilingual = saved.Bilingual;
        return View(form);
    }

    [Authorize(Roles = Managers)]
    [HttpGet("{year:int}/goals/{goalId:guid}/assessment")]
    public async Task<IActionResult> Override(int year, Guid goalId, CancellationToken cancellationToken) =>
        await followUp.OverrideFormAsync(year, goalId, Cultures.Current, cancellationToken) is { } form ? View(form) : NotFound();

    [Authorize(Roles = Managers)]
    [HttpPost("{year:int}/goals/{goalId:guid}/assessment")]
    public async Task<IActionResult> Override(int year, Guid goalId, OverrideAssessmentViewModel form, CancellationToken cancellationToken)
    {
        form.Year = year;
        form.GoalId = goalId;
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var result = await followUp.OverrideAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<OverrideAssessmentViewModel>(result, "Plan.FollowUp.Overridden",
                () => Redirect(Url.Action(nameof(Round), new { year })! + $"#goal-{goalId}"));
            if (answer is not null)
            {
                return answer;
            }
        }
        var saved = await followUp.OverrideFormAsync(year, goalId, Cultures.Current, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }
        form.GoalCode = saved.GoalCode;
        form.GoalTitle = saved.GoalTitle;
        form.Basis = saved.Basis;
        form.HasOverride = saved.HasOverride;
        return View(form);
    }

    [Authorize(Roles = Managers)]
    [HttpPost("{year:int}/goals/{goalId:guid}/assessment/clear")]
    public async Task<IActionResult> ClearOverride(int year, Guid goalId, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await followUp.ClearOverrideAsync(year, goalId, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.FollowUp.OverrideCleared", () => Redirect(Url.Action(nameof(Round), new { year })! + $"#goal-{goalId}"));
    }

    [Authorize(Roles = Managers)]
    [HttpPost("{year:int}/report")]
    public async Task<IActionResult> AnnualReport(int year, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var (result, reportId) = await followUp.AnnualReportAsync(year, actor.UserId, cancellationToken);
        return this.Flashed(result, "Plan.FollowUp.ReportReady",
            () => result.Succeeded ? RedirectToAction("Board", "Reports", new { id = reportId }) : RedirectToAction(nameof(Round), new { year }));
    }
}
