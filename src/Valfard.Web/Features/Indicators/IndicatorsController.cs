using System.Globalization;
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
public sealed class IndicatorsController(
    IndicatorService indicators,
    IndicatorCatalogue catalogue,
    IndicatorSetService sets,
    IndicatorImportJobs jobs,
    CatalogueSettings settings,
    Reports.EvidenceService evidence,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Remembers the set a coordinator last added to, so the next result offers it first.</summary>
    public const string LastSetCookie = ".Valfard.LastSet";
    private const string AddedKey = "CatalogueAdded";

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The catalogue, searched by words in any of the three languages or by id, one page at a time.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page, CancellationToken cancellationToken)
    {
        var language = Cultures.Current;
        var result = await catalogue.SearchAsync(search, page, IndicatorCatalogue.PageSize, language, cancellationToken);
        var canAdd = User.IsInRole(Roles.Coordinator);
        var ownSets = canAdd ? await catalogue.OwnSetsAsync(cancellationToken) : [];
        var lastSet = Guid.TryParse(Request.Cookies[LastSetCookie], out var last) ? last : (Guid?)null;
        return View(new CataloguePageViewModel
        {
            Result = result,
            CanAddToSets = canAdd,
            Sets = ownSets,
            DefaultSetId = ownSets.FirstOrDefault(s => s.Id == lastSet)?.Id ?? (ownSets.Count > 0 ? ownSets[0].Id : null),
            Added = await AddedAsync(language, cancellationToken),
        });
    }

    /// <summary>
    /// Adds a search result to one of the organisation's own sets. Another organisation's set is not found (the
    /// query filter hides it), so nothing changes and the answer is 404.
    /// </summary>
    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("{id:int}/add-to-set")]
    public async Task<IActionResult> AddToSet(int id, Guid? setId, string? search, int page, CancellationToken cancellationToken)
    {
        var back = RedirectToAction(nameof(Index), new { search = string.IsNullOrWhiteSpace(search) ? null : search, page = page > 1 ? page : (int?)null });
        if (setId is not { } chosen)
        {
            TempData.Flash(OperationResult.Fail(nameof(setId), "Catalogue.ChooseSet"), string.Empty);
            return back;
        }
        var result = await sets.ChangeMemberAsync(chosen, id, true, cancellationToken);
        if (result.Succeeded)
        {
            Response.Cookies.Append(LastSetCookie, chosen.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            TempData[AddedKey] = $"{id.ToString(CultureInfo.InvariantCulture)}|{chosen}";
        }
        return this.Flashed(result, null, () => back);
    }

    /// <summary>
    /// Fetches an indicator's values from Sotkanet now, for the last <see cref="IndicatorCatalogue.FetchYears"/> years,
    /// instead of waiting for the next scheduled sync; the starter follows it on the import's progress page.
    /// </summary>
    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpPost("{id:int}/fetch")]
    public async Task<IActionResult> FetchNow(int id, CancellationToken cancellationToken)
    {
        if (!await catalogue.ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (await catalogue.HasValuesAsync(id, cancellationToken))
        {
            // Values kept up to date by the sync: a second live fetch would only load Sotkanet.
            TempData.Flash(OperationResult.DoneWithWarning("Catalogue.AlreadyHasValues"), string.Empty);
            return RedirectToAction(nameof(Show), new { id });
        }
        var job = await jobs.StartLiveAsync([id], catalogue.FetchWindow(), Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        return RedirectToAction(nameof(IndicatorImportsController.Progress), "IndicatorImports", new { job = job.Id });
    }

    /// <summary>The indicator the previous request added (to a set here, or to a section in the editor), if any.</summary>
    private async Task<AddedIndicator?> AddedAsync(string language, CancellationToken cancellationToken)
    {
        if (TempData[AddedKey] is not string added)
        {
            return null;
        }
        var parts = added.Split('|');
        return int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            ? await catalogue.AddedAsync(id, parts.Length > 1 && Guid.TryParse(parts[1], out var set) ? set : null, language, cancellationToken)
            : null;
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery(Name = "region")] int[]? regions, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, regions ?? [], cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        // The welfare group proposes joys and concerns; a system admin reading the catalogue does not.
        if (User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Editor))
        {
            ViewData["Propose"] = new Reports.ProposeModel(id, Domain.Statistics.EvidenceRule.Read(page.Analysis, page.Direction),
                await evidence.DraftReportsAsync(Cultures.Current, cancellationToken));
        }
        return View(page);
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
