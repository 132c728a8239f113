using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// The comparison municipalities (vertailukunnat): everyone who reads the indicators sees them; the coordinator
/// chooses them or takes the suggestion.
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("indicators/peers")]
public sealed class PeersController(PeerService peers) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await peers.PageAsync(Cultures.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("")]
    public async Task<IActionResult> Choose([FromForm(Name = "region")] int[]? regions, Guid? version, CancellationToken cancellationToken) =>
        this.Flashed(await peers.ChooseAsync(regions ?? [], version, cancellationToken), "Peers.Saved", () => RedirectToAction(nameof(Index)));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("suggestion")]
    public async Task<IActionResult> AcceptSuggestion(Guid? version, CancellationToken cancellationToken) =>
        this.Flashed(await peers.AcceptSuggestionAsync(version, cancellationToken), "Peers.Saved", () => RedirectToAction(nameof(Index)));
}
