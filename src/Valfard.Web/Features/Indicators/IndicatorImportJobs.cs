using System.Collections.Concurrent;
using Valfard.Infrastructure.Indicators;

namespace Valfard.Web.Features.Indicators;

public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One running or finished import, as its progress page shows it.</summary>
public sealed class ImportJob
{
    public required Guid Id { get; init; }
    public required Guid OwnerId { get; init; }
    public required string Source { get; init; }
    public ImportState State { get; set; } = ImportState.Queued;
    public int Processed { get; set; }
    public int? Total { get; set; }
    public ImportSummary? Summary { get; set; }
    public SotkanetFormatException? FormatError { get; set; }
    public bool Unavailable { get; set; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Runs imports in the background so a large file does not hold a request open; the progress page polls. Jobs live in
/// memory: a restart forgets the jobs, and an import cut off by it leaves no data behind, because each import is one
/// transaction.
/// </summary>
public sealed partial class IndicatorImportJobs(IServiceScopeFactory scopes, ILogger<IndicatorImportJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob? Find(Guid id, Guid ownerId) =>
        _jobs.TryGetValue(id, out var job) && job.OwnerId == ownerId ? job : null;

    public ImportJob StartFile(byte[] content, string fileName, Guid ownerId)
    {
        var job = Register(fileName, ownerId);
        _ = Task.Run(() => RunAsync(job, (services, token) =>
            IndicatorFileImport.ImportAsync(services.GetRequiredService<IndicatorImporter>(), content, fileName,
                total => job.Total = total, new Progress<int>(p => job.Processed = p), token)));
        return job;
    }

    public ImportJob StartLive(IReadOnlyList<int> indicatorIds, IReadOnlyList<int> years, Guid ownerId)
    {
        var job = Register($"Sotkanet: {string.Join(", ", indicatorIds)}", ownerId);
        _ = Task.Run(() => RunAsync(job, async (services, token) =>
        {
            var importer = services.GetRequiredService<IndicatorImporter>();
            var client = services.GetRequiredService<SotkanetClient>();
            // Everything is fetched before anything is written, so the database is not held while Sotkanet answers.
            var indicators = (await client.GetIndicatorsAsync(token)).Where(i => indicatorIds.Contains(i.Id)).ToList();
            var regions = await client.GetRegionsAsync(token);
            job.Total = indicatorIds.Count;
            var values = new List<Valfard.Domain.Indicators.IndicatorValue>();
            foreach (var indicatorId in indicatorIds)
            {
                // The list gives only titles and classifications; the rest of the metadata is per indicator.
                indicators.Add(await client.GetIndicatorAsync(indicatorId, token));
                values.AddRange(await client.GetDataAsync(indicatorId, years, token));
                job.Processed++;
            }
            return await importer.InOneTransactionAsync(async t =>
            {
                var summary = await importer.ImportIndicatorsAsync(indicators, t);
                summary += await importer.ImportRegionsAsync(regions, t);
                return summary + await importer.ImportValuesAsync(values, 1, null, t);
            }, token);
        }));
        return job;
    }

    private ImportJob Register(string source, Guid ownerId)
    {
        // Finished jobs are kept for a day so their summary can be reopened, then forgotten.
        foreach (var old in _jobs.Values.Where(j => j.State is ImportState.Done or ImportState.Failed && j.StartedAt < DateTimeOffset.UtcNow.AddDays(-1)))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        var job = new ImportJob { Id = Guid.NewGuid(), OwnerId = ownerId, Source = source };
        _jobs[job.Id] = job;
        return job;
    }

    /// <summary>Runs the work in a scope of its own: the request that started it has ended by then.</summary>
    private async Task RunAsync(ImportJob job, Func<IServiceProvider, CancellationToken, Task<ImportSummary>> work)
    {
        job.State = ImportState.Running;
        try
        {
            using var scope = scopes.CreateScope();
            job.Summary = await work(scope.ServiceProvider, CancellationToken.None);
            job.Processed = job.Total ?? job.Processed;
            job.State = ImportState.Done;
        }
        catch (SotkanetFormatException ex)
        {
            job.FormatError = ex;
            job.State = ImportState.Failed;
            LogRefused(logger, job.Source, ex.Row, ex.Field, ex.Problem);
        }
        catch (SotkanetUnavailableException ex)
        {
            job.Unavailable = true;
            job.State = ImportState.Failed;
            LogUnavailable(logger, ex, job.Source);
        }
#pragma warning disable CA1031 // a background job must record any failure for its progress page instead of dying unseen
        catch (Exception ex)
#pragma warning restore CA1031
        {
            job.State = ImportState.Failed;
            LogFailed(logger, ex, job.Source);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indicator import {Source} refused: row {Row}, field {Field}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string source, int row, string field, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sotkanet unavailable for import {Source}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indicator import {Source} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string source);
}
