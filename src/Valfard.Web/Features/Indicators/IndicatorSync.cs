using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Indicators;

/// <summary>What a live fetch or sync got from Sotkanet: metadata and regions in memory, values staged under the run.</summary>
public sealed class PreparedSync(Guid runId, IReadOnlyList<Indicator> indicators, IReadOnlyList<Region> regions, ImportSummary values)
{
    public Guid RunId { get; } = runId;

    /// <summary>Metadata and regions, in the caller's transaction, before the values; returns the values' counts.</summary>
    public async Task<ImportSummary> ApplyListsAsync(IndicatorImporter importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        await importer.ImportIndicatorsAsync(indicators, cancellationToken);
        await importer.ImportRegionsAsync(regions, cancellationToken);
        return values;
    }
}

/// <summary>
/// Fetches from Sotkanet through <see cref="SotkanetClient"/> (one request at a time, with its pause, User-Agent,
/// cache and retries) for a live fetch of chosen indicators or for the sync of every indicator in use. Nothing is
/// written but staged rows until the run applies them.
/// </summary>
public sealed partial class IndicatorSync(
    ValfardDbContext db,
    SotkanetClient client,
    IndicatorImporter importer,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<IndicatorSync> logger)
{
    /// <summary>
    /// Every indicator any organisation uses (its sets, its report sections' indicator blocks, its plan's follow-up
    /// indicators) and the window of years. National data is the installation's, so this one read crosses
    /// organisations; it reads ids only.
    /// </summary>
    public async Task<(IReadOnlyList<int> Ids, IReadOnlyList<int> Years)> WhatToSyncAsync(CancellationToken cancellationToken)
    {
        var inSets = await db.Set<IndicatorSetMember>().Select(m => m.IndicatorId).ToListAsync(cancellationToken);
        var inSections = await db.SectionIndicators.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).Select(s => s.IndicatorId).ToListAsync(cancellationToken);
        // The members-comparison blocks of regional reports (issue 18 §3) need their indicator's values too.
        inSections.AddRange(await db.ReportSections.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(s => s.MembersIndicatorId != null).Select(s => s.MembersIndicatorId!.Value).ToListAsync(cancellationToken));
        var inPlans = await db.PlanIndicators.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(p => p.IndicatorId != null).Select(p => p.IndicatorId!.Value).ToListAsync(cancellationToken);
        var ids = inSets.Concat(inSections).Concat(inPlans).Distinct().Order().ToList();
        return (ids, Window(clock.GetUtcNow(), options.Value.Years));
    }

    /// <summary>The last <paramref name="count"/> years, the current one included.</summary>
    public static IReadOnlyList<int> Window(DateTimeOffset now, int count) =>
        Enumerable.Range(now.Year - Math.Clamp(count, 1, 100) + 1, Math.Clamp(count, 1, 100)).ToList();

    /// <param name="wholeCatalogue">
    /// The sync keeps the whole /indicators list (titles of every indicator) and skips used ids that Sotkanet no
    /// longer lists (the demo's SAMPLE ids, a withdrawn indicator); a live fetch takes only the ids asked for and
    /// fails if Sotkanet does not know one.
    /// </param>
    public async Task<PreparedSync> FetchAsync(Guid runId, IReadOnlyList<int> indicatorIds, IReadOnlyList<int> years, bool wholeCatalogue,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var list = await client.GetIndicatorsAsync(cancellationToken);
        var regions = await client.GetRegionsAsync(cancellationToken);
        var listed = list.Select(i => i.Id).ToHashSet();
        var ids = wholeCatalogue ? indicatorIds.Where(listed.Contains).ToList() : indicatorIds.Distinct().ToList();
        if (wholeCatalogue && ids.Count < indicatorIds.Count)
        {
            LogNotListed(logger, string.Join(", ", indicatorIds.Where(i => !listed.Contains(i))));
        }
        var indicators = wholeCatalogue ? list.ToList() : list.Where(i => ids.Contains(i.Id)).ToList();
        var known = new StagingIds(ids.Concat(wholeCatalogue ? listed : []).ToHashSet(), regions.Select(r => r.Id).ToHashSet());
        var staged = 0;
        var skipped = 0;
        var unknownRegions = new SortedSet<int>();
        foreach (var id in ids)
        {
            // The list gives only titles and classifications; the rest of the metadata is per indicator.
            indicators.Add(await client.GetIndicatorAsync(id, cancellationToken));
            var values = await client.GetDataAsync(id, years, cancellationToken);
            var result = await importer.StageValuesAsync(runId, values.ToAsyncEnumerable(), 1, known, null, cancellationToken);
            staged += result.Staged;
            skipped += result.Skipped;
            unknownRegions.UnionWith(result.UnknownRegions);
            progress?.Report(staged);
        }
        var counted = await importer.CountStagedAsync(runId, cancellationToken);
        return new PreparedSync(runId, indicators, regions, counted with { Skipped = skipped, UnknownRegions = unknownRegions.ToList() });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indicators in use that Sotkanet does not list were not synced: {Ids}")]
    private static partial void LogNotListed(ILogger logger, string ids);
}

/// <summary>
/// When the scheduled sync runs: <c>Valfard:Sync:IntervalHours</c> (a week) after the last sync was queued, scheduled
/// or pressed; at once when there has never been one. Computed from the database and <see cref="TimeProvider"/>, so a
/// restart neither loses nor repeats a sync.
/// </summary>
public sealed partial class SyncSchedule(
    ValfardDbContext db,
    IndicatorImportJobs jobs,
    IOptions<SyncOptions> options,
    IWebHostEnvironment environment,
    TimeProvider clock,
    ILogger<SyncSchedule> logger)
{
    public bool IsEnabled => options.Value.Enabled ?? !environment.IsDevelopment();

    public static DateTimeOffset Next(DateTimeOffset? lastSyncQueuedAt, DateTimeOffset now, TimeSpan interval) =>
        lastSyncQueuedAt is { } last ? last + interval : now;

    /// <summary>The next scheduled time, or null when the schedule is off.</summary>
    public async Task<DateTimeOffset?> NextAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }
        var last = await db.ImportRuns.Where(r => r.Kind == ImportRunKind.ScheduledSync || r.Kind == ImportRunKind.ManualSync)
            .OrderByDescending(r => r.Sequence).Select(r => (DateTimeOffset?)r.QueuedAt).FirstOrDefaultAsync(cancellationToken);
        return Next(last, clock.GetUtcNow(), TimeSpan.FromHours(Math.Max(1, options.Value.IntervalHours)));
    }

    /// <summary>Queues the scheduled sync when it is due and none is waiting; true when it queued one.</summary>
    public async Task<bool> QueueIfDueAsync(CancellationToken cancellationToken)
    {
        if (await NextAsync(cancellationToken) is not { } next || next > clock.GetUtcNow())
        {
            return false;
        }
        var queued = await jobs.StartSyncAsync(null, cancellationToken) == SyncRequest.Queued;
        if (queued)
        {
            LogScheduled(logger, next);
        }
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled Sotkanet sync queued (due {Due})")]
    private static partial void LogScheduled(ILogger logger, DateTimeOffset due);
}
