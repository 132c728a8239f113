using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Imports into the shared catalogue, from an uploaded Sotkanet file or straight from Sotkanet. Each is queued as a
/// run (one runs at a time per installation) whose progress page polls its status; a run is its starter's, another
/// user's is not found. The catalogue is every organisation's, so only a system admin imports into it (ADR 0018).
/// </summary>
// A coordinator may follow the live fetch they started ("fetch now" on the catalogue); starting an import is the
// system admin's alone.
[Authorize(Roles = $"{Roles.Coordinator},{Roles.SystemAdmin}")]
[Route("indicators/import")]
public sealed class IndicatorImportsController(IndicatorImportJobs jobs, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const long MaxImportBytes = 200L * 1024 * 1024;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpGet("")]
    public IActionResult Index() => View();

    [Authorize(Roles = Roles.SystemAdmin)]
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
        // ASP.NET Core has buffered a large upload to a temporary file; it is copied, streamed, into the imports folder.
        await using var content = file.OpenReadStream();
        var run = await jobs.StartFileAsync(content, Path.GetFileName(file.FileName), UserId, cancellationToken);
        if (run is null)
        {
            ModelState.AddModelError("file", localizer["Import.FolderFull"]);
            return View(nameof(Index));
        }
        return RedirectToAction(nameof(Progress), new { job = run.Id });
    }

    [Authorize(Roles = Roles.SystemAdmin)]
    [HttpPost("live")]
    public async Task<IActionResult> FromSotkanet(string? indicatorIds, int fromYear, int toYear, CancellationToken cancellationToken)
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
        var run = await jobs.StartLiveAsync(ids.Distinct().ToList(), Enumerable.Range(fromYear, toYear - fromYear + 1).ToList(), UserId, cancellationToken);
        return RedirectToAction(nameof(Progress), new { job = run.Id });
    }

    [HttpGet("{job:guid}")]
    public async Task<IActionResult> Progress(Guid job, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(job, UserId, cancellationToken);
        return found is null ? NotFound() : View(found);
    }

    [HttpGet("{job:guid}/status")]
    public async Task<IActionResult> Status(Guid job, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(job, UserId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        var text = ImportRunText.State(found);
        return Json(new
        {
            state = found.Run.State.ToString(),
            processed = found.Processed,
            total = found.Run.Total,
            text = localizer[text.Key, text.Arguments].Value,
        });
    }
}

/// <summary>The one wording of a run's state (a resource key and its arguments), for the progress page and its polling.</summary>
public static class ImportRunText
{
    public static (string Key, object[] Arguments) State(ImportRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Run.State switch
        {
            ImportRunState.Queued => ("Import.State.QueuedAhead", [progress.Ahead]),
            ImportRunState.Running => ("Import.State.Reading", [progress.Processed]),
            ImportRunState.Done => ("Import.State.Finished", []),
            _ => ("Import.State.Failed", []),
        };
    }
}
