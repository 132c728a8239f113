using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Admin;

/// <summary>Municipalities and wellbeing services counties on this installation; system admins only.</summary>
[Authorize(Roles = Roles.SystemAdmin)]
[Route("admin/organisations")]
public sealed class OrganisationsController(OrganisationAdministration organisations, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await organisations.ListAsync(Cultures.Current, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new OrganisationFormViewModel();
        await organisations.FillOptionsAsync(form, Cultures.Current, cancellationToken);
        return View("Edit", form);
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(OrganisationFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var form = await organisations.GetForEditAsync(id, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Edit(Guid id, OrganisationFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}/invite-admin")]
    public async Task<IActionResult> InviteAdmin(Guid id, CancellationToken cancellationToken)
    {
        var form = await organisations.GetInviteAsync(id, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}/invite-admin")]
    public async Task<IActionResult> InviteAdmin(Guid id, InviteAdminViewModel form, CancellationToken cancellationToken)
    {
        form.OrganisationId = id;
        var current = await organisations.GetInviteAsync(id, Cultures.Current, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        form.OrganisationName = current.OrganisationName;
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var result = await organisations.InviteAdminAsync(form, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return View(form);
        }
        TempData.Flash(result, "Organisations.AdminInvited");
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Save(OrganisationFormViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await organisations.SaveAsync(form, cancellationToken);
            var answer = await this.AnswerAsync<OrganisationFormViewModel>(result, "Organisations.Saved", () => RedirectToAction(nameof(Index)),
                form.Id is { } id ? () => organisations.GetForEditAsync(id, Cultures.Current, cancellationToken) : null, "Edit");
            if (answer is not null)
            {
                return answer;
            }
        }
        await organisations.FillOptionsAsync(form, Cultures.Current, cancellationToken);
        return View("Edit", form);
    }
}
