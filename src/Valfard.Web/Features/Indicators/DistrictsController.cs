using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>The organisation's districts for own indicators: everyone who enters values sees them, the coordinator keeps them.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("indicators/districts")]
public sealed class DistrictsController(DistrictService districts) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await districts.ListAsync(Cultures.Current, cancellationToken));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("")]
    public async Task<IActionResult> Create(string? nameFi, string? nameSv, CancellationToken cancellationToken)
    {
        var result = await districts.CreateAsync(nameFi, nameSv, UserId, cancellationToken);
        return await this.AnswerAsync<IReadOnlyList<DistrictItem>>(result, "Districts.Added", () => RedirectToAction(nameof(Index)))
            ?? View(nameof(Index), await districts.ListAsync(Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Rename(Guid id, string? nameFi, string? nameSv, Guid? version, CancellationToken cancellationToken)
    {
        var result = await districts.RenameAsync(id, nameFi, nameSv, version, UserId, cancellationToken);
        return await this.AnswerAsync<IReadOnlyList<DistrictItem>>(result, "Districts.Renamed", () => RedirectToAction(nameof(Index)))
            ?? View(nameof(Index), await districts.ListAsync(Cultures.Current, cancellationToken));
    }

    /// <summary>Asks before removing: the district's values go with it, and the page says how many.</summary>
    [Authorize(Roles = Roles.Coordinator)]
    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemove(Guid id, CancellationToken cancellationToken) =>
        await districts.FindAsync(id, Cultures.Current, cancellationToken) is { } district ? View(district) : NotFound();

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid? version, CancellationToken cancellationToken) =>
        this.Flashed(await districts.RemoveAsync(id, version, UserId, cancellationToken), "Districts.Removed", () => RedirectToAction(nameof(Index)));
}
