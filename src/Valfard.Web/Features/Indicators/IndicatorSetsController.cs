using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>The organisation's indicator sets: everyone reads them, a coordinator creates them and chooses their indicators.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.SystemAdmin}")]
[Route("indicators/sets")]
public sealed class IndicatorSetsController(IndicatorSetService sets, StandardSets.StandardSetService standardSets) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["Standard"] = await standardSets.ListAsync(Cultures.Current, cancellationToken);
        return View(await sets.ListAsync(Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("")]
    public async Task<IActionResult> Create(string? name, CancellationToken cancellationToken) =>
        Back(await sets.CreateAsync(name, cancellationToken), "Sets.Created");

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/add")]
    public async Task<IActionResult> Add(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        Back(await sets.ChangeMemberAsync(id, indicatorId, true, cancellationToken), "Sets.Saved");

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/remove/{indicatorId:int}")]
    public async Task<IActionResult> Remove(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        Back(await sets.ChangeMemberAsync(id, indicatorId, false, cancellationToken), "Sets.Saved");

    private IActionResult Back(OperationResult result, string successKey) =>
        this.Flashed(result, successKey, () => RedirectToAction(nameof(Index)));
}
