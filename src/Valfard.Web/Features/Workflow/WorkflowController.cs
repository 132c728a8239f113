using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Workflow;

/// <summary>
/// The report's way to the council: the council's reading view and the workflow moves from draft to published.
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.CouncilMember},{Roles.CouncilSecretary}")]
[Route("reports/{id:guid}")]
public sealed class WorkflowController(
    ValfardDbContext db,
    ReadingService reading,
    ReportWorkflowService workflow,
    CompletenessService completeness,
    ActorResolver actors,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("read")]
    public async Task<IActionResult> Read(Guid id, string? lang, int? version, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var model = await reading.ReadAsync(id, lang ?? Cultures.Current, version, actor, User.IsInRole(Roles.CouncilMember), User.IsInRole,
            cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("workflow/{move}")]
    public async Task<IActionResult> Confirm(Guid id, WorkflowAction move, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(move))
        {
            return NotFound();
        }
        if (!ReportWorkflowService.MayPerform(move, User.IsInRole))
        {
            return Forbid();
        }
        var form = new WorkflowFormViewModel { Action = move };
        if (!await FillAsync(form, id, cancellationToken))
        {
            return NotFound();
        }
        if (ReportWorkflow.Target(form.Status, move) is null)
        {
            TempData.Flash(OperationResult.Fail(null, ReportWorkflow.IllegalMoveKey(move)), string.Empty);
            return RedirectToAction(nameof(Read), new { id });
        }
        return View(form);
    }

    [HttpPost("workflow/{move}")]
    public async Task<IActionResult> Confirm(Guid id, WorkflowAction move, WorkflowFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Enum.IsDefined(move))
        {
            return NotFound();
        }
        if (!ReportWorkflowService.MayPerform(move, User.IsInRole))
        {
            return Forbid();
        }
        form.Action = move;
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var command = new WorkflowCommand(move, form.ExpectedVersion, form.Reason,
                new CouncilDecisionInput(form.Body, form.MeetingDate, form.Paragraph, form.MinutesUrl, form.Amendment, form.Proposal, form.BodySv),
                form.WarningsConfirmed);
            var result = await workflow.ExecuteAsync(id, command, actor.UserId, User.IsInRole, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData.Flash(result, $"Workflow.Done.{move}");
                return RedirectToAction(nameof(Read), new { id });
            }
            ModelState.AddErrors(result, localizer);
        }
        // The form comes back with the report's current version: after a conflict the user sees the new state and can retry.
        ModelState.Remove(nameof(form.ExpectedVersion));
        if (!await FillAsync(form, id, cancellationToken))
        {
            return NotFound();
        }
        return View(form);
    }

    private async Task<bool> FillAsync(WorkflowFormViewModel form, Guid id, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return false;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        form.ReportId = id;
        form.Title = report.TitleIn(Cultures.Current);
        form.Status = report.Status;
        form.ExpectedVersion = report.Version;
        form.VersionNumber = report.VersionNumber;
        form.Languages = WelfareReport.LanguagesOf(organisation);
        form.IsCounty = organisation.Kind == OrganisationKind.WellbeingServicesCounty;
        form.BoardDecision = report.BoardDecision;
        if (ReportCompleteness.StageOf(form.Action) is { } stage && ReportWorkflow.Target(report.Status, form.Action) is not null)
        {
            form.Checklist = await completeness.CheckAsync(report, stage, Cultures.Current, cancellationToken);
        }
        return true;
    }

}
