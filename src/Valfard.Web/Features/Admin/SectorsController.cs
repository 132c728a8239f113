using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Admin;

/// <summary>The organisation's sectors: the branches whose editors write their parts of the report.</summary>
[Authorize(Roles = $"{Roles.OrganisationAdmin},{Roles.SystemAdmin}")]
[Route("admin/sectors")]
public sealed class SectorsController(SectorAdministration sectors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sectors.ListAsync(Cultures.Current, cancellationToken));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new SectorFormViewModel());

    [HttpPost("new")]
    public Task<IActionResult> Create(SectorFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = null;
        return Save(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var form = await sectors.GetForEditAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, SectorFormViewModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var saved = await sectors.GetForEditAsync(id, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }
        form.Code = saved.Code;
        ModelState.Remove(nameof(form.Code));
        return await Save(form, cancellationToken);
    }

    private async Task<IActionResult> Save(SectorFormViewModel form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }
        var result = await sectors.SaveAsync(form, cancellationToken);
        return await this.AnswerAsync<SectorFormViewModel>(result, "Sectors.Saved", () => RedirectToAction(nameof(Index)),
            form.Id is { } id ? () => sectors.GetForEditAsync(id, cancellationToken) : null, "Edit") ?? View("Edit", form);
    }
}
