using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>The welfare group's reports: the list, creating a report, the progress board and section assignment.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.CouncilMember},{Roles.CouncilSecretary}")]
[Route("reports")]
public sealed class ReportsController(
    ReportService reports,
    SectionAssignment assignment,
    ActorResolver actors,
    Notifications.Reminders reminders,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ReportListViewModel
        {
            Reports = await reports.ListAsync(Cultures.Current, cancellationToken),
            CanCreate = User.IsInRole(Roles.Coordinator),
            CanEdit = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Editor),
        });

    [Authorize(Roles = Roles.Coordinator)]
    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = await reports.NewFormAsync(cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateReportViewModel form, CancellationToken cancellationToken)
    {
        var organisation = await reports.CurrentOrganisationAsync(cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid && !form.Confirmed && form.Kind == Domain.Reports.ReportKind.Annual
            && await reports.FillCarryOverAsync(form, Cultures.Current, cancellationToken))
        {
            // Made from the previous report: the coordinator first sees which assignments carry over and sets new due dates.
            await reports.FillCreateOptionsAsync(form, organisation, cancellationToken);
            return View("ConfirmCreate", form);
        }
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var (result, reportId) = await reports.CreateAsync(form, actor.UserId, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = "Reports.Created";
                return RedirectToAction(nameof(Board), new { id = reportId });
            }
            ModelState.AddErrors(result, localizer);
        }
        await reports.FillCreateOptionsAsync(form, organisation, cancellationToken);
        return View(form);
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Board(Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var board = await reports.BoardAsync(id, actor, Cultures.Current, cancellationToken);
        return board is null ? NotFound() : View(board);
    }

    /// <summary>Every change to the report: who, what and when.</summary>
    [Authorize(Roles = Roles.Coordinator)]
    [HttpGet("{id:guid}/audit")]
    public async Task<IActionResult> Audit(Guid id, CancellationToken cancellationToken)
    {
        var audit = await reports.AuditAsync(id, Cultures.Current, cancellationToken);
        if (audit is not { } found)
        {
            return NotFound();
        }
        ViewData["ReportId"] = id;
        ViewData["ReportTitle"] = found.Title;
        return View(found.Entries);
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpGet("{id:guid}/sections/{sectionId:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, Guid sectionId, CancellationToken cancellationToken)
    {
        var form = await assignment.FormAsync(id, sectionId, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/sections/{sectionId:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, Guid sectionId, AssignSectionViewModel form, CancellationToken cancellationToken)
    {
        form.ReportId = id;
        form.SectionId = sectionId;
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var result = await assignment.SaveAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync(result, "Sections.Assigned", () => RedirectToAction(nameof(Board), new { id }),
                () => assignment.FormAsync(id, sectionId, Cultures.Current, cancellationToken));
            if (answer is not null)
            {
                return answer;
            }
        }
        var saved = await assignment.FormAsync(id, sectionId, Cultures.Current, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }
        form.SectionTitle = saved.SectionTitle;
        await assignment.FillOptionsAsync(form, Cultures.Current, cancellationToken);
        return View(form);
    }

    /// <summary>The coordinator reminds a section's editors now; once a day per section.</summary>
    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/sections/{sectionId:guid}/remind")]
    public async Task<IActionResult> Remind(Guid id, Guid sectionId, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await reminders.NudgeAsync(id, sectionId, actor.UserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = result.Succeeded ? "Sections.Remind.Sent" : result.Errors[0].Key;
        TempData["FlashKind"] = result.Succeeded ? "success" : "warning";
        return RedirectToAction(nameof(Board), new { id });
    }
}
