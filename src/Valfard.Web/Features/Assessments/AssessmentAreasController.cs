using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Assessments;

/// <summary>The coordinator keeps the organisation's assessment areas and their guiding questions in Finnish and Swedish.</summary>
[Authorize(Roles = Roles.Coordinator)]
[Route("assessments/areas")]
public sealed class AssessmentAreasController(AssessmentAreaService areas) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await areas.ListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("AreaForm", new AreaFormViewModel());

    [HttpPost("new")]
    public Task<IActionResult> New(AreaFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await areas.FormAsync(id, cancellationToken) is { } form ? View("AreaForm", form) : NotFound();

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Edit(Guid id, AreaFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return Save(form, cancellationToken);
    }

    private async Task<IActionResult> Save(AreaFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await areas.SaveAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync<AreaFormViewModel>(result, "Assessment.AreaSaved", () => RedirectToAction(nameof(Index)),
                    form.Id is { } id ? () => areas.FormAsync(id, cancellationToken) : null, "AreaForm") is { } answer)
            {
                return answer;
            }
        }
        if (form.Id is { } areaId && await areas.FormAsync(areaId, cancellationToken) is null)
        {
            return NotFound();
        }
        return View("AreaForm", form);
    }

    /// <summary>Up and down are buttons, not dragging: they work from the keyboard and with a screen reader.</summary>
    [HttpPost("{id:guid}/move")]
    public async Task<IActionResult> Move(Guid id, Guid version, string direction, CancellationToken cancellationToken) =>
        this.Flashed(await areas.MoveAsync(id, version, direction == "up" ? -1 : 1, UserId, cancellationToken), "Assessment.AreaMoved",
            () => Redirect(Url.Action(nameof(Index)) + "#area-" + id));

    [HttpPost("{id:guid}/retire")]
    public async Task<IActionResult> Retire(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await areas.RetireAsync(id, version, true, UserId, cancellationToken), "Assessment.AreaSaved", () => RedirectToAction(nameof(Index)));

    [HttpPost("{id:guid}/restore")]
    public async Task<IActionResult> Restore(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await areas.RetireAsync(id, version, false, UserId, cancellationToken), "Assessment.AreaSaved", () => RedirectToAction(nameof(Index)));
}
