using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Admin;

/// <summary>The organisation admin's user list: create, edit roles and sectors, deactivate and reactivate.</summary>
[Authorize(Roles = $"{Roles.OrganisationAdmin},{Roles.SystemAdmin}")]
[Route("admin/users")]
public sealed class UsersController(UserAdministration users, IStringLocalizer<SharedResource> localizer) : Controller
{
    private bool IsSystemAdmin => User.IsInRole(Roles.SystemAdmin);
    private Guid CurrentUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await users.ListAsync(Cultures.Current, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new UserFormViewModel();
        await users.FillOptionsAsync(form, IsSystemAdmin, Cultures.Current, cancellationToken);
        return View("Edit", form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        if (ModelState.IsValid)
        {
            var result = await users.CreateAsync(form, IsSystemAdmin, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash(result, "Users.Created");
                return RedirectToAction(nameof(Index));
            }
            ModelState.AddErrors(result, localizer);
        }
        await users.FillOptionsAsync(form, IsSystemAdmin, Cultures.Current, cancellationToken);
        return View("Edit", form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var form = await users.GetForEditAsync(id, IsSystemAdmin, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, UserFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        // Another organisation's user is not found, whether or not the form is valid (a valid form learns it from the save).
        if (!ModelState.IsValid && await users.GetSummaryAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await users.UpdateAsync(id, form, IsSystemAdmin, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Flash"] = "Users.Saved";
                return RedirectToAction(nameof(Index));
            }
            if (result.Conflict)
            {
                // Show what is saved now; the admin's unsaved choices would overwrite someone else's change.
                var fresh = await users.GetForEditAsync(id, IsSystemAdmin, Cultures.Current, cancellationToken);
                if (fresh is null)
                {
                    return NotFound();
                }
                ModelState.Clear();
                ModelState.AddErrors(result, localizer);
                return View(fresh);
            }
            ModelState.AddErrors(result, localizer);
        }
        await users.FillOptionsAsync(form, IsSystemAdmin, Cultures.Current, cancellationToken);
        return View(form);
    }

    [HttpGet("{id:guid}/deactivate")]
    public async Task<IActionResult> ConfirmDeactivate(Guid id, CancellationToken cancellationToken)
    {
        var summary = await users.GetSummaryAsync(id, cancellationToken);
        return summary is null ? NotFound() : View(summary);
    }

    [HttpPost("{id:guid}/deactivate")]
    public Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken) =>
        SetActive(id, false, "Users.Deactivated", cancellationToken);

    [HttpPost("{id:guid}/invite")]
    public async Task<IActionResult> ResendInvitation(Guid id, CancellationToken cancellationToken)
    {
        var result = await users.ResendInvitationAsync(id, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Users.InvitationSent");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/reactivate")]
    public Task<IActionResult> Reactivate(Guid id, CancellationToken cancellationToken) =>
        SetActive(id, true, "Users.Reactivated", cancellationToken);


    private async Task<IActionResult> SetActive(Guid id, bool active, string flash, CancellationToken cancellationToken)
    {
        var result = await users.SetActiveAsync(id, active, CurrentUserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, flash);
        return RedirectToAction(nameof(Index));
    }
}
