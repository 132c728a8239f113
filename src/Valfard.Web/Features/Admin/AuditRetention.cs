using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Admin;

public sealed class AuditRetentionOptions
{
    public const string Section = "Valfard:AuditLog";

    /// <summary>
    /// Audit entries older than this many days are deleted (default 1,825 days, five years: one council term and the
    /// year after it). 0 keeps them for ever.
    /// </summary>
    public int RetentionDays { get; set; } = 1825;
}

/// <summary>Deletes audit entries older than the retention period, across all organisations.</summary>
public sealed partial class AuditRetention(ValfardDbContext db, IOptions<AuditRetentionOptions> options, TimeProvider clock,
    ILogger<AuditRetention> logger)
{
    public int RetentionDays => options.Value.RetentionDays;

    /// <returns>How many entries were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        if (RetentionDays <= 0)
        {
            return 0;
        }
        var cutoff = clock.GetUtcNow().AddDays(-RetentionDays);
        // SQLite cannot compare DateTimeOffset in SQL, so the dates are read (ids and times only, no details) and the
        // old entries are deleted by id, a chunk at a time; audit entries are owned by organisations, and this job
        // runs for all of them.
        var expired = new List<Guid>();
        await foreach (var entry in db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Select(a => new { a.Id, a.At })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.At < cutoff)
            {
                expired.Add(entry.Id);
            }
        }
        var deleted = 0;
        foreach (var chunk in expired.Chunk(500))
        {
            deleted += await db.AuditEntries.IgnoreQueryFilters().Where(a => chunk.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        // The installation's own audit (changes to the shared catalogue) is kept for the same time.
        var expiredChanges = (await db.CatalogueChanges.AsNoTracking().Select(c => new { c.Id, c.At }).ToListAsync(cancellationToken))
            .Where(c => c.At < cutoff).Select(c => c.Id).ToList();
        foreach (var chunk in expiredChanges.Chunk(500))
        {
            deleted += await db.CatalogueChanges.Where(c => chunk.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted > 0)
        {
            LogPurged(logger, deleted, RetentionDays);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log retention: {Deleted} entries older than {Days} days deleted")]
    private static partial void LogPurged(ILogger logger, int deleted, int days);
}

/// <summary>Runs the audit retention at start and then once a day.</summary>
public sealed partial class AuditRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditRetention>().PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed day is caught up by the next run; the failure must not stop the app.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit log retention run failed; it is tried again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
