using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Features.Admin;

public sealed record IndicatorSyncPage(IReadOnlyList<ImportRun> Runs, DateTimeOffset? NextScheduled, bool SyncWaiting, string? Message);

/// <summary>
/// The installation's imports and Sotkanet syncs, newest first, with "sync now" and the next scheduled time. National
/// data is the installation's, so only the system administrator sees and starts them.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
[Route("admin/indicator-sync")]
public sealed class IndicatorSyncController(IndicatorImportJobs jobs, SyncSchedule schedule) : Controller
{
    private const int Shown = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken) =>
        View(new IndicatorSyncPage(await jobs.LatestAsync(Shown, cancellationToken), await schedule.NextAsync(cancellationToken),
            await jobs.IsSyncWaitingAsync(cancellationToken), message is "queued" or "waiting" ? message : null));

    [HttpPost("")]
    public async Task<IActionResult> SyncNow(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var result = await jobs.StartSyncAsync(userId, cancellationToken);
        return RedirectToAction(nameof(Index), new { message = result == SyncRequest.Queued ? "queued" : "waiting" });
    }
}
