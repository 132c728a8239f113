using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Imports into the shared catalogue, from an uploaded Sotkanet file or straight from Sotkanet. Each runs as a
/// background job whose progress page polls its status; a job is its starter's, another user's is not found. The
/// catalogue is every organisation's, so only a system admin imports into it (ADR 0018).
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
[Route("indicators/import")]
public sealed class IndicatorImportsController(IndicatorImportJobs jobs, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const long MaxImportBytes = 200L * 1024 * 1024;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public IActionResult Index() => View();

    [HttpPost("file")]
    [RequestSizeLimit(MaxImportBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
    public async Task<IActionResult> FromFile(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Plans.FileMissing"]);
            return View(nameof(Index));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var job = jobs.StartFile(buffer.ToArray(), Path.GetFileName(file.FileName), UserId);
        return RedirectToAction(nameof(Progress), new { job = job.Id });
    }

    [HttpPost("live")]
    public IActionResult FromSotkanet(string? indicatorIds, int fromYear, int toYear)
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
            return View(nameof(Index));
        }
        var job = jobs.StartLive(ids.Distinct().ToList(), Enumerable.Range(fromYear, toYear - fromYear + 1).ToList(), UserId);
        return RedirectToAction(nameof(Progress), new { job = job.Id });
    }

    [HttpGet("{job:guid}")]
    public IActionResult Progress(Guid job)
    {
        var found = jobs.Find(job, UserId);
        return found is null ? NotFound() : View(found);
    }

    [HttpGet("{job:guid}/status")]
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
