using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Admin;

/// <summary>
/// A consistent copy of the whole SQLite database, downloaded by the system administrator while the app runs.
/// The file holds every organisation's data and personal data, so only the system administrator may take it.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
[Route("admin/backup")]
public sealed partial class BackupController(DatabaseBackup backup, ValfardDbContext db, AuditTrail audit, ICurrentOrganisation current, TimeProvider clock,
    ILogger<BackupController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(backup.IsSupported);

    [HttpPost("")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        if (!backup.IsSupported)
        {
            return View("Index", false);
        }
        var stamp = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetTempPath(), "valfard-backups", $"{Guid.NewGuid():N}.db");
        var result = await backup.CreateAsync(path, cancellationToken);
        if (current.OrganisationId is { } organisationId)
        {
            audit.Record(organisationId, null, Actor.From(User, new HashSet<Guid>()).UserId, "Backup.Downloaded", $"{result.Bytes} bytes");
            await db.SaveChangesAsync(cancellationToken);
        }
        LogDownloaded(logger, result.Bytes);
        // The temporary copy goes away as soon as the download has been sent.
        var stream = new FileStream(result.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(stream, "application/vnd.sqlite3", $"valfard-backup-{stamp}.db");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database backup of {Bytes} bytes downloaded by the system administrator")]
    private static partial void LogDownloaded(ILogger logger, long bytes);
}
