using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// The indicator catalogue: the list, an indicator's chart and table, its CSV and Excel downloads, and which way is
/// good. The catalogue is the installation's: only a system admin changes it (ADR 0018); a coordinator tells the
/// admins. Own indicators, sets and imports have controllers of their own under the same <c>indicators</c> address.
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.SystemAdmin}")]
[Route("indicators")]
public sealed class IndicatorsController(IndicatorService indicators, CatalogueSettings settings, IStringLocalizer<SharedResource> localizer) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, CancellationToken cancellationToken)
    {
        ViewData["Search"] = search;
        return View(await indicators.CatalogAsync(search, Cultures.Current, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery(Name = "region")] int[]? regions, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, regions ?? [], cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:int}/xlsx")]
    public async Task<IActionResult> Xlsx(int id, [FromQuery(Name = "region")] int[]? regions, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, regions ?? [], cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        var bytes = IndicatorService.ToXlsx(page, localizer["Indicators.Region"], g => localizer[$"Gender.{g}"]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"indicator-{id}.xlsx");
    }

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("{id:int}/direction")]
    public async Task<IActionResult> Direction(int id, Domain.Indicators.IndicatorDirection direction, CancellationToken cancellationToken) =>
        this.Flashed(await settings.ChangeDirectionAsync(id, direction, UserId, cancellationToken), "Indicators.DirectionSaved",
            () => RedirectToAction(nameof(Show), new { id }));

    /// <summary>A coordinator who thinks a shared setting is wrong says so to the system admins, a few times an hour at most.</summary>
    [Authorize(Roles = Roles.Coordinator)]
    [EnableRateLimiting(Startup.ServiceSetup.IndicatorFeedbackRateLimit)]
    [HttpPost("{id:int}/tell-admins")]
    public async Task<IActionResult> TellAdmins(int id, string? message, CancellationToken cancellationToken) =>
        this.Flashed(await settings.TellAdminsAsync(id, message, UserId, cancellationToken), "Indicators.TellAdmins.Sent",
            () => RedirectToAction(nameof(Show), new { id }));

    /// <summary>Every change to the shared catalogue's settings and standard sets: who, when, before and after.</summary>
    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpGet("changes")]
    public async Task<IActionResult> Changes(CancellationToken cancellationToken) =>
        View(await settings.RecentChangesAsync(500, cancellationToken));

    [HttpGet("{id:int}/csv")]
    public async Task<IActionResult> Csv(int id, [FromQuery(Name = "region")] int[]? regions, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, regions ?? [], cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        return File(IndicatorService.ToCsv(page), "text/csv; charset=utf-8", $"indicator-{id}.csv");
    }
}
