using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.StandardSets;

/// <summary>
/// National standard sets (ADR 0018). The system admin defines and loads them; a coordinator copies one into the
/// organisation's own sets and marks the indicators the organisation leaves out, with a reason. Everyone reads them
/// on the organisation's sets page.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.Coordinator}")]
[Route("indicators/standard-sets")]
public sealed class StandardSetsController(StandardSetService standardSets, IStringLocalizer<SharedResource> localizer) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await standardSets.ListAsync(Cultures.Current, cancellationToken));

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("")]
    public async Task<IActionResult> Create(StandardSetForm form, CancellationToken cancellationToken)
    {
        var (result, id) = await standardSets.CreateAsync(form, UserId, cancellationToken);
        if (await this.AnswerAsync<StandardSetForm>(result, "StandardSets.Created", () => RedirectToAction(nameof(Edit), new { id })) is { } answer)
        {
            return answer;
        }
        ViewData["NewSet"] = form;
        return View(nameof(Index), await standardSets.ListAsync(Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) => await EditViewAsync(id, null, cancellationToken);

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, StandardSetForm form, CancellationToken cancellationToken) =>
        await this.AnswerAsync<StandardSetForm>(await standardSets.UpdateAsync(id, form, UserId, cancellationToken), "StandardSets.Saved",
            () => RedirectToAction(nameof(Edit), new { id })) ?? await EditViewAsync(id, form, cancellationToken);

    /// <summary>Sotkanet ids pasted or in an uploaded file, one a line or separated by commas, semicolons or spaces.</summary>
    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:guid}/ids")]
    [RequestSizeLimit(StandardSetService.MaxIdListChars * 4 + 16_384)]
    public async Task<IActionResult> LoadIds(Guid id, string? ids, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > StandardSetService.MaxIdListChars * 4)
            {
                ModelState.AddModelError("ids", localizer["StandardSets.ListTooLong"]);
                return await EditViewAsync(id, null, cancellationToken);
            }
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            ids = await reader.ReadToEndAsync(cancellationToken);
        }
        return await this.AnswerAsync<StandardSetForm>(await standardSets.LoadIdsAsync(id, ids, UserId, cancellationToken), "StandardSets.Loaded",
            () => RedirectToAction(nameof(Edit), new { id })) ?? await EditViewAsync(id, null, cancellationToken);
    }

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:guid}/group")]
    public async Task<IActionResult> LoadGroup(Guid id, int group, CancellationToken cancellationToken) =>
        await this.AnswerAsync<StandardSetForm>(await standardSets.LoadGroupAsync(id, group, UserId, cancellationToken), "StandardSets.Loaded",
            () => RedirectToAction(nameof(Edit), new { id })) ?? await EditViewAsync(id, null, cancellationToken);

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:guid}/remove/{indicatorId:int}")]
    public async Task<IActionResult> RemoveMember(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        this.Flashed(await standardSets.RemoveMemberAsync(id, indicatorId, UserId, cancellationToken), "StandardSets.Saved",
            () => RedirectToAction(nameof(Edit), new { id }));

    /// <summary>Deleting a national set touches every organisation's copy, so the admin confirms it on a page of its own.</summary>
    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpGet("{id:guid}/delete")]
    public async Task<IActionResult> ConfirmDelete(Guid id, CancellationToken cancellationToken)
    {
        var set = await standardSets.FindAsync(id, Cultures.Current, cancellationToken);
        return set is null ? NotFound() : View(set);
    }

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        this.Flashed(await standardSets.DeleteAsync(id, UserId, cancellationToken), "StandardSets.Deleted", () => RedirectToAction(nameof(Index)));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/copy")]
    public async Task<IActionResult> Copy(Guid id, CancellationToken cancellationToken) =>
        this.Flashed((await standardSets.CopyAsync(id, Cultures.Current, UserId, cancellationToken)).Result, "StandardSets.Copied",
            () => RedirectToAction(nameof(IndicatorSetsController.Index), "IndicatorSets"));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/left-out/{indicatorId:int}")]
    public async Task<IActionResult> LeaveOut(Guid id, int indicatorId, string? reasonFi, string? reasonSv, CancellationToken cancellationToken) =>
        this.Flashed(await standardSets.MarkLeftOutAsync(id, indicatorId, reasonFi, reasonSv, UserId, cancellationToken), "StandardSets.LeftOutSaved",
            () => Redirect(Url.Action(nameof(IndicatorSetsController.Index), "IndicatorSets") + $"#standard-{id}"));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/left-out/{indicatorId:int}/undo")]
    public async Task<IActionResult> UndoLeaveOut(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        this.Flashed(await standardSets.UndoLeftOutAsync(id, indicatorId, UserId, cancellationToken), "StandardSets.LeftOutUndone",
            () => Redirect(Url.Action(nameof(IndicatorSetsController.Index), "IndicatorSets") + $"#standard-{id}"));

    private async Task<IActionResult> EditViewAsync(Guid id, StandardSetForm? form, CancellationToken cancellationToken)
    {
        var set = await standardSets.FindAsync(id, Cultures.Current, cancellationToken);
        if (set is null)
        {
            return NotFound();
        }
        ViewData["Form"] = form ?? new StandardSetForm
        {
            Version = set.Version,
            NameFi = set.NameFi,
            NameSv = set.NameSv,
            NameEn = set.NameEn,
            Kind = set.Kind,
            Description = set.Description,
        };
        return View(nameof(Edit), set);
    }
}
