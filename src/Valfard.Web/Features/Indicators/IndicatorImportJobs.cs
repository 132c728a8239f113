using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Indicators;

/// <summary>A run as its progress page shows it: the record, how many runs are ahead of it, and the live row count.</summary>
public sealed record ImportRunProgress(ImportRun Run, int Ahead, int Processed);

public enum SyncRequest
{
    Queued,
    AlreadyQueued,
}

/// <summary>
/// Puts imports and syncs in the installation's one queue (<see cref="ImportRun"/> rows, run one at a time by
/// <see cref="ImportRunWorker"/>) and finds them again for their progress pages. A run is its starter's: another
/// user's is not found.
/// </summary>
public sealed partial class IndicatorImportJobs(
    ValfardDbContext db,
    TimeProvider clock,
    ImportRunSignal signal,
    ImportRunLiveProgress liveProgress,
    ImportFolder folder,
    ILogger<IndicatorImportJobs> logger)
{
    /// <summary>
    /// Queues a live fetch of the given indicators' metadata and values (every region and gender) for the given years.
    /// The starter may follow it on <see cref="IndicatorImportsController.Progress"/> with the returned run's id.
    /// </summary>
    public async Task<ImportRun> StartLiveAsync(IReadOnlyList<int> indicatorIds, IReadOnlyList<int> years, Guid userId,
        CancellationToken cancellationToken)
    {
        var run = ImportRun.ForLive(Guid.NewGuid(), indicatorIds, years, userId, await NameOfAsync(userId, cancellationToken), clock.GetUtcNow());
        return await QueueAsync(run, cancellationToken);
    }

    /// <summary>
    /// Copies an upload into the imports folder (streamed: never whole in memory) and queues its run. Returns null
    /// when the folder already holds as much as it may; the file is then not kept.
    /// </summary>
    public async Task<ImportRun?> StartFileAsync(Stream content, string fileName, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder.Path);
        var waiting = new DirectoryInfo(folder.Path).EnumerateFiles().Sum(f => f.Length);
        if (waiting > folder.MaxBytes)
        {
            LogFolderFull(logger, folder.Path, waiting);
            return null;
        }
        var id = Guid.NewGuid();
        var path = Path.Combine(folder.Path, $"{id:N}.upload");
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(target, cancellationToken);
        }
        var run = ImportRun.ForFile(id, Path.GetFileName(fileName), path, userId, await NameOfAsync(userId, cancellationToken), clock.GetUtcNow());
        try
        {
            return await QueueAsync(run, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Queues a sync, unless one is already queued or running (pressing twice does not fetch twice).</summary>
    public async Task<SyncRequest> StartSyncAsync(Guid? userId, CancellationToken cancellationToken)
    {
        if (await IsSyncWaitingAsync(cancellationToken))
        {
            return SyncRequest.AlreadyQueued;
        }
        var name = userId is { } id ? await NameOfAsync(id, cancellationToken) : null;
        await QueueAsync(ImportRun.ForSync(Guid.NewGuid(), userId, name, clock.GetUtcNow()), cancellationToken);
        return SyncRequest.Queued;
    }

    public Task<bool> IsSyncWaitingAsync(CancellationToken cancellationToken) =>
        db.ImportRuns.AnyAsync(r => (r.Kind == ImportRunKind.ScheduledSync || r.Kind == ImportRunKind.ManualSync)
                                    && (r.State == ImportRunState.Queued || r.State == ImportRunState.Running), cancellationToken);

    public async Task<ImportRunProgress?> FindAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.StartedById == userId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        var ahead = run.State == ImportRunState.Queued
            ? await db.ImportRuns.CountAsync(r => r.State == ImportRunState.Running
                                                  || (r.State == ImportRunState.Queued && r.Sequence < run.Sequence), cancellationToken)
            : 0;
        return new ImportRunProgress(run, ahead, run.State == ImportRunState.Running ? liveProgress.Of(run.Id) : run.Processed);
    }

    /// <summary>The latest runs, newest first, for the system administrator's page.</summary>
    public Task<List<ImportRun>> LatestAsync(int count, CancellationToken cancellationToken) =>
        db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Sequence).Take(count).ToListAsync(cancellationToken);

    private async Task<ImportRun> QueueAsync(ImportRun run, CancellationToken cancellationToken)
    {
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        LogQueued(logger, run.Id, run.Kind, run.Source);
        signal.Wake();
        return run;
    }

    /// <summary>The starter's name as the run list shows it, kept on the run so the list needs no look-up across organisations.</summary>
    private async Task<string?> NameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).SingleOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} ({Kind}) queued: {Source}")]
    private static partial void LogQueued(ILogger logger, Guid runId, ImportRunKind kind, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload refused: the imports folder {Folder} already holds {Bytes} bytes")]
    private static partial void LogFolderFull(ILogger logger, string folder, long bytes);
}
