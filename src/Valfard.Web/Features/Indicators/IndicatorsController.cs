using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>The indicator catalogue: the list, an indicator's chart and table, CSV export, and imports from Sotkanet.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.SystemAdmin}")]
[Route("indicators")]
public sealed class IndicatorsController(IndicatorService indicators, IndicatorSetService sets, LocalIndicatorService locals, IndicatorImportJobs jobs,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    public const long MaxImportBytes = 200L * 1024 * 1024;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, CancellationToken cancellationToken)
    {
        ViewData["Search"] = search;
        return View(await indicators.CatalogAsync(search, Cultures.Current, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:int}/xlsx")]
    public async Task<IActionResult> Xlsx(int id, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        var bytes = IndicatorService.ToXlsx(page, localizer["Indicators.Region"], g => localizer[$"Gender.{g}"]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"indicator-{id}.xlsx");
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpPost("{id:int}/direction")]
    public async Task<IActionResult> Direction(int id, Domain.Indicators.IndicatorDirection direction, CancellationToken cancellationToken)
    {
        if (!await indicators.SetDirectionAsync(id, direction, cancellationToken))
        {
            return NotFound();
        }
        TempData["Flash"] = "Indicators.DirectionSaved";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id:int}/csv")]
    public async Task<IActionResult> Csv(int id, CancellationToken cancellationToken)
    {
        var page = await indicators.PageAsync(id, Cultures.Current, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        // A byte-order mark lets Excel open the Finnish and Swedish letters correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(IndicatorService.ToCsv(page))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"indicator-{id}.csv");
    }

    [HttpGet("local")]
    public async Task<IActionResult> Local(CancellationToken cancellationToken) =>
        View(await locals.ListAsync(Cultures.Current, cancellationToken));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("local")]
    public async Task<IActionResult> CreateLocal(string? titleFi, string? titleSv, string? unit, Domain.Indicators.IndicatorDirection direction,
        CancellationToken cancellationToken)
    {
        var (result, id) = await locals.CreateAsync(titleFi, titleSv, unit, direction, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return View(nameof(Local), await locals.ListAsync(Cultures.Current, cancellationToken));
        }
        TempData["Flash"] = "Local.Created";
        return RedirectToAction(nameof(LocalShow), new { id });
    }

    [HttpGet("local/{id:guid}")]
    public async Task<IActionResult> LocalShow(Guid id, CancellationToken cancellationToken)
    {
        var page = await locals.PageAsync(id, Cultures.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
    [HttpPost("local/{id:guid}/values")]
    public async Task<IActionResult> RecordLocal(Guid id, int year, string? value, string? source, Guid version, CancellationToken cancellationToken)
    {
        double? number = double.TryParse((value ?? string.Empty).Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var result = await locals.RecordAsync(id, year, number, source, version, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        return LocalAnswer(id, result, "Local.Saved");
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
    [HttpPost("local/{id:guid}/values/{year:int}/remove")]
    public async Task<IActionResult> RemoveLocal(Guid id, int year, CancellationToken cancellationToken) =>
        LocalAnswer(id, await locals.RemoveAsync(id, year, cancellationToken), "Local.Removed");

    private IActionResult LocalAnswer(Guid id, OperationResult result, string successKey)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, successKey);
        return RedirectToAction(nameof(LocalShow), new { id });
    }

    [HttpGet("sets")]
    public async Task<IActionResult> Sets(CancellationToken cancellationToken)
    {
        ViewData["Catalog"] = await indicators.CatalogAsync(null, Cultures.Current, cancellationToken);
        return View(await sets.ListAsync(Cultures.Current, cancellationToken));
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("sets")]
    public async Task<IActionResult> CreateSet(string? name, CancellationToken cancellationToken) =>
        SetsAnswer(await sets.CreateAsync(name, cancellationToken), "Sets.Created");

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("sets/{id:guid}/add")]
    public async Task<IActionResult> AddToSet(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        SetsAnswer(await sets.ChangeMemberAsync(id, indicatorId, true, cancellationToken), "Sets.Saved");

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("sets/{id:guid}/remove/{indicatorId:int}")]
    public async Task<IActionResult> RemoveFromSet(Guid id, int indicatorId, CancellationToken cancellationToken) =>
        SetsAnswer(await sets.ChangeMemberAsync(id, indicatorId, false, cancellationToken), "Sets.Saved");

    private IActionResult SetsAnswer(OperationResult result, string successKey)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, successKey);
        return RedirectToAction(nameof(Sets));
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpGet("import")]
    public IActionResult Import() => View();

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpPost("import/file")]
    [RequestSizeLimit(MaxImportBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
    public async Task<IActionResult> ImportFile(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Plans.FileMissing"]);
            return View(nameof(Import));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var job = jobs.StartFile(buffer.ToArray(), Path.GetFileName(file.FileName), UserId);
        return RedirectToAction(nameof(Progress), new { job = job.Id });
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpPost("import/live")]
    public IActionResult ImportLive(string? indicatorIds, int fromYear, int toYear)
    {
        var ids = (indicatorIds ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, out var id) ? id : 0).ToList();
        if (ids.Count == 0 || ids.Any(i => i <= 0) || ids.Count > 50)
        {
            ModelState.AddModelError("indicatorIds", localizer["Indicators.IdsInvalid"]);
        }
        if (fromYear < 1990 || toYear > 2100 || fromYear > toYear)
        {
            ModelState.AddModelError("fromYear", localizer["Indicators.YearsInvalid"]);
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Import));
        }
        var job = jobs.StartLive(ids.Distinct().ToList(), Enumerable.Range(fromYear, toYear - fromYear + 1).ToList(), UserId);
        return RedirectToAction(nameof(Progress), new { job = job.Id });
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpGet("import/{job:guid}")]
    public IActionResult Progress(Guid job)
    {
        var found = jobs.Find(job, UserId);
        return found is null ? NotFound() : View(found);
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
    [HttpGet("import/{job:guid}/status")]
    public IActionResult Status(Guid job)
    {
        var found = jobs.Find(job, UserId);
        if (found is null)
        {
            return NotFound();
        }
        return Json(new
        {
            state = found.State.ToString(),
            processed = found.Processed,
            total = found.Total,
            text = localizer[$"Import.State.{found.State}", found.Processed, found.Total ?? 0].Value,
        });
    }
}
