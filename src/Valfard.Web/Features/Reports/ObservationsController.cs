using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Features.Sections;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>The report's joys and concerns: list, add, edit, remove after confirming.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("reports/{reportId:guid}/observations")]
public sealed class ObservationsController(
    ObservationService observations,
    EvidenceService evidence,
    ActorResolver actors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid reportId, CancellationToken cancellationToken)
    {
        var form = await observations.FormAsync(reportId, null, Cultures.Current, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }
        await FillPageAsync(reportId, cancellationToken);
        return View(form);
    }

    [HttpPost("")]
    public Task<IActionResult> Create(Guid reportId, ObservationFormViewModel form, CancellationToken cancellationToken)
    {
        form.ReportId = reportId;
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var form = await observations.FormAsync(reportId, id, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Edit(Guid reportId, Guid id, ObservationFormViewModel form, CancellationToken cancellationToken)
    {
        form.ReportId = reportId;
        form.Id = id;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemove(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var form = await observations.FormAsync(reportId, id, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await observations.DeleteAsync(reportId, id, actor.UserId, cancellationToken);
        return this.Flashed(result, "Observations.Removed", () => RedirectToAction(nameof(Index), new { reportId }));
    }

    private async Task<IActionResult> Save(ObservationFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var result = await observations.SaveAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<ObservationFormViewModel>(result, "Observations.Saved", () => RedirectToAction(nameof(Index), new { reportId = form.ReportId }),
                form.Id is { } id ? () => observations.FormAsync(form.ReportId, id, Cultures.Current, cancellationToken) : null, nameof(Edit));
            if (answer is not null)
            {
                return answer;
            }
        }
        var saved = await observations.FormAsync(form.ReportId, null, Cultures.Current, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }
        form.ReportTitle = saved.ReportTitle;
        form.Bilingual = saved.Bilingual;
        if (form.Id is null)
        {
            await FillPageAsync(form.ReportId, cancellationToken);
            return View(nameof(Index), form);
        }
        return View(nameof(Edit), form);
    }

    /// <summary>The observations with their saved evidence and today's support, and the candidates to accept or reject.</summary>
    private async Task FillPageAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var items = await observations.ListAsync(reportId, cancellationToken);
        ViewData["Observations"] = items;
        ViewData["Page"] = await evidence.PageAsync(reportId, items, Cultures.Current, cancellationToken);
    }
}
