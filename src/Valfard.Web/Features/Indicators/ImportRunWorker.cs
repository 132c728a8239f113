using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

/// <summary>Wakes the run worker when a run is queued, so it starts at once instead of at the next poll.</summary>
public sealed class ImportRunSignal : WakeSignal;

/// <summary>
/// Rows staged so far by the runs this app instance is running. Kept in memory rather than written per batch: the
/// progress count is not worth a write that competes with editors' saves. The state itself is in the database.
/// </summary>
public sealed class ImportRunLiveProgress
{
    private readonly ConcurrentDictionary<Guid, int> _processed = new();

    public int Of(Guid runId) => _processed.TryGetValue(runId, out var processed) ? processed : 0;

    public IProgress<int> For(Guid runId) => new Sink(this, runId);

    public void Forget(Guid runId) => _processed.TryRemove(runId, out _);

    private sealed class Sink(ImportRunLiveProgress owner, Guid runId) : IProgress<int>
    {
        public void Report(int value) => owner._processed[runId] = value;
    }
}

/// <summary>
/// The one consumer of the run queue: at start it marks runs cut off by a restart as failed and discards their staged
/// rows, then runs queued runs one at a time in queue order, and queues the scheduled sync when it is due. Waits for
/// a wake-up from <see cref="ImportRunSignal"/> or <c>Valfard:Imports:PollSeconds</c>.
/// </summary>
public sealed partial class ImportRunWorker(IServiceScopeFactory scopes, ImportRunSignal signal,
    Microsoft.Extensions.Options.IOptions<ImportOptions> options, ILogger<ImportRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        var recovered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!recovered)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ImportRunProcessor>().RecoverAfterRestartAsync(stoppingToken);
                    recovered = true;
                }
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<SyncSchedule>().QueueIfDueAsync(stoppingToken);
                }
                while (await RunNextAsync(stoppingToken))
                {
                }
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // The database was busy or away: the queue is still there for the next pass.
                LogPassFailed(logger, ex);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunProcessor>().RunNextAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An import run pass failed; queued runs are kept for the next one")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

/// <summary>Claims and runs one queued run; records its outcome whatever happens.</summary>
public sealed partial class ImportRunProcessor(
    ValfardDbContext db,
    IndicatorImporter importer,
    IndicatorSync sync,
    ImportRunLiveProgress liveProgress,
    ImportFolder folder,
    Microsoft.Extensions.Options.IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportRunProcessor> logger)
{
    /// <summary>
    /// A run left Running was cut off by a stop of the app. One still reading is marked failed ("interrupted by a
    /// restart") and its staged rows are discarded, so none of it is visible; one already applying is resumed and
    /// finished, so it ends whole. Queued runs stay queued and run next.
    /// </summary>
    public async Task RecoverAfterRestartAsync(CancellationToken cancellationToken)
    {
        foreach (var run in await db.ImportRuns.Where(r => r.State == ImportRunState.Running && r.Applying).ToListAsync(cancellationToken))
        {
            LogResumed(logger, run.Id, run.Kind, run.Source);
            await FinishApplyingAsync(run, cancellationToken);
            await importer.DiscardStagedAsync(run.Id, cancellationToken);
        }
        var now = clock.GetUtcNow();
        foreach (var run in await db.ImportRuns.Where(r => r.State == ImportRunState.Running).ToListAsync(cancellationToken))
        {
            run.Interrupt(now);
            DeleteFile(run);
            LogInterrupted(logger, run.Id, run.Kind, run.Source);
        }
        await db.SaveChangesAsync(cancellationToken);
        await importer.DiscardAllStagedAsync(cancellationToken);
        // Files whose run is finished, or whose run was never recorded (a stop between copy and save), wait for no one.
        if (Directory.Exists(folder.Path))
        {
            var waiting = (await db.ImportRuns.Where(r => r.State == ImportRunState.Queued && r.FilePath != null)
                .Select(r => r.FilePath!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder.Path, "*.upload").Where(f => !waiting.Contains(f)))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Runs the oldest queued run if no run is running; false when there was nothing to do.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        if (await db.ImportRuns.AnyAsync(r => r.State == ImportRunState.Running, cancellationToken))
        {
            return false;
        }
        var run = await db.ImportRuns.Where(r => r.State == ImportRunState.Queued).OrderBy(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return false;
        }
        run.Start(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another app instance claimed a run a moment ago: the database allows one running run.
            db.ChangeTracker.Clear();
            return false;
        }
        await RunAsync(run, cancellationToken);
        return true;
    }

    private async Task RunAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var progress = liveProgress.For(run.Id);
        try
        {
            switch (run.Kind)
            {
                case ImportRunKind.File:
                    var prepared = await IndicatorFileImport.PrepareAsync(importer, () => IndicatorFileImport.OpenFile(run.FilePath!), run.Source,
                        run.Id, progress, cancellationToken);
                    await ApplyAsync(run, token => prepared.ApplyListsAsync(importer, token), cancellationToken);
                    break;
                case ImportRunKind.Live:
                    var live = await sync.FetchAsync(run.Id, run.IndicatorIdList, run.YearList, wholeCatalogue: false, progress, cancellationToken);
                    await ApplyAsync(run, token => live.ApplyListsAsync(importer, token), cancellationToken);
                    break;
                default:
                    var (ids, years) = await sync.WhatToSyncAsync(cancellationToken);
                    var all = await sync.FetchAsync(run.Id, ids, years, wholeCatalogue: true, progress, cancellationToken);
                    await ApplyAsync(run, token => all.ApplyListsAsync(importer, token), cancellationToken);
                    break;
            }
            LogDone(logger, run.Id, run.Kind, run.Added, run.Updated, run.Unchanged, run.Skipped);
        }
        catch (SotkanetFormatException ex)
        {
            LogRefused(logger, run.Id, run.Source, ex.Row, ex.Field, ex.Problem);
            await FailAsync(run.Id, r => r.FailFormat(ex.Row, ex.Field, ex.Problem, ex.Value, clock.GetUtcNow()));
        }
        catch (SotkanetUnavailableException ex)
        {
            LogUnavailable(logger, ex, run.Id, run.Source);
            await FailAsync(run.Id, r => r.FailUnavailable(clock.GetUtcNow()));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the run stays Running and is marked interrupted at the next start.
            throw;
        }
#pragma warning disable CA1031 // a run must record any failure for its pages instead of dying unseen
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, run.Id, run.Source);
            await FailAsync(run.Id, r => r.FailUnexpected(clock.GetUtcNow()));
        }
        finally
        {
            liveProgress.Forget(run.Id);
            DeleteFile(run);
            await importer.DiscardStagedAsync(run.Id, CancellationToken.None);
        }
    }

    /// <summary>
    /// Metadata and regions go in with the run's final counts in one transaction; from then on the run is applying
    /// and a restart resumes it. Then the staged values in short steps, then Done.
    /// </summary>
    private async Task ApplyAsync(ImportRun run, Func<CancellationToken, Task<ImportSummary>> lists, CancellationToken cancellationToken)
    {
        await importer.InOneTransactionAsync(async token =>
        {
            var summary = await lists(token);
            run.BeginApplying(summary.Added, summary.Updated, summary.Unchanged, summary.Skipped, summary.UnknownRegions);
            return await db.SaveChangesAsync(token);
        }, cancellationToken);
        await FinishApplyingAsync(run, cancellationToken);
    }

    private async Task FinishApplyingAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await importer.ApplyStagedInStepsAsync(run.Id, Math.Max(1, settings.ApplyRowsPerStep), TimeSpan.FromMilliseconds(Math.Max(0, settings.ApplyPauseMilliseconds)),
            cancellationToken);
        run.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a failure on a clean context: what the failed apply tracked was rolled back and must not be saved.</summary>
    private async Task FailAsync(Guid runId, Action<ImportRun> fail)
    {
        db.ChangeTracker.Clear();
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId);
        fail(run);
        await db.SaveChangesAsync();
    }

    private static void DeleteFile(ImportRun run)
    {
        if (run.FilePath is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {RunId} ({Kind}, {Source}) was interrupted by a restart; its staged rows are discarded")]
    private static partial void LogInterrupted(ILogger logger, Guid runId, ImportRunKind kind, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {RunId} ({Kind}, {Source}) was applying when the app stopped; it is resumed")]
    private static partial void LogResumed(ILogger logger, Guid runId, ImportRunKind kind, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} ({Kind}) done: {Added} added, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped")]
    private static partial void LogDone(ILogger logger, Guid runId, ImportRunKind kind, int added, int updated, int unchanged, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {RunId} ({Source}) refused: row {Row}, field {Field}: {Problem}")]
    private static partial void LogRefused(ILogger logger, Guid runId, string source, int row, string field, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sotkanet unavailable for import run {RunId} ({Source})")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, Guid runId, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import run {RunId} ({Source}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId, string source);
}
