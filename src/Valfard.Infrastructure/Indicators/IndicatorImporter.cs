using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

namespace Valfard.Infrastructure.Indicators;

/// <summary>
/// What an import did. Rows naming a region the catalogue lacks are skipped, not refused: their count and the
/// regions' ids are reported here.
/// </summary>
public sealed record ImportSummary(int Added, int Updated, int Unchanged)
{
    public int Total => Added + Updated + Unchanged;

    public int Skipped { get; init; }

    /// <summary>The ids of the regions the skipped rows named, in order.</summary>
    public IReadOnlyList<int> UnknownRegions { get; init; } = [];

    public static ImportSummary operator +(ImportSummary a, ImportSummary b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.Unchanged + b.Unchanged)
        {
            Skipped = a.Skipped + b.Skipped,
            UnknownRegions = a.UnknownRegions.Union(b.UnknownRegions).Order().ToList(),
        };

    public bool Equals(ImportSummary? other) =>
        other is not null && (Added, Updated, Unchanged, Skipped) == (other.Added, other.Updated, other.Unchanged, other.Skipped)
        && UnknownRegions.SequenceEqual(other.UnknownRegions);

    public override int GetHashCode() => HashCode.Combine(Added, Updated, Unchanged, Skipped);
}

/// <summary>What staging read: rows staged, and rows skipped for regions the catalogue lacks.</summary>
public sealed record StagingResult(int Staged, int Skipped, IReadOnlyList<int> UnknownRegions);

/// <summary>Indicator and region ids that a run adds itself, so its values may name them before they are applied.</summary>
public sealed record StagingIds(IReadOnlySet<int> Indicators, IReadOnlySet<int> Regions)
{
    public static readonly StagingIds None = new(new HashSet<int>(), new HashSet<int>());
}

/// <summary>
/// Writes Sotkanet data into the catalogue. Values are first staged in short transactions (a table keyed by the run,
/// written with prepared ADO.NET commands rather than change tracking, because a full import is millions of rows),
/// then applied set-based in one short transaction together with the run's metadata and regions
/// (<see cref="InOneTransactionAsync"/>): a failure, a cancellation or a killed process midway leaves nothing of it
/// visible, and importing the same file again changes nothing. See ADR 0019.
/// </summary>
public sealed partial class IndicatorImporter(ValfardDbContext db, RichTextSanitizer sanitizer, ILogger<IndicatorImporter> logger)
{
    public const int BatchSize = 5000;

    /// <summary>
    /// Runs a whole import (catalogue, regions and values) in one database transaction that commits only at the end.
    /// Inside it, the importer's own calls join the transaction instead of starting their own.
    /// </summary>
    public async Task<T> InOneTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }
        // SQL Server's retrying strategy allows a transaction only as one retriable unit; SQLite's strategy runs it once.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>
    /// Adds or updates indicators. Texts are cleaned with the rich-text allow-list first. A list entry (title,
    /// organisation, classifications only) never blanks the fuller metadata already stored; see <see cref="Indicator.MergeFrom"/>.
    /// </summary>
    public async Task<ImportSummary> ImportIndicatorsAsync(IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var ids = indicators.Select(i => i.Id).ToList();
        var existing = await db.Indicators.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var group in indicators.GroupBy(i => i.Id))
        {
            // The same indicator twice (a list entry and its /indicators/{id} metadata) is merged in order.
            var incoming = Clean(group.First());
            foreach (var more in group.Skip(1))
            {
                incoming.MergeFrom(Clean(more));
            }
            if (!existing.TryGetValue(incoming.Id, out var current))
            {
                db.Indicators.Add(incoming);
                added++;
            }
            else if (current.MergeFrom(incoming))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportSummary(added, updated, unchanged);
    }

    /// <summary>Sotkanet's texts are HTML (<c>&lt;p&gt;</c>, <c>&lt;br /&gt;</c>); only the allow-list is kept.</summary>
    private Indicator Clean(Indicator indicator)
    {
        LocalizedText Html(LocalizedText text) =>
            new(sanitizer.Sanitize(text.Fi), sanitizer.Sanitize(text.Sv), sanitizer.Sanitize(text.En));
        LocalizedText Plain(LocalizedText text) =>
            new(PlainText.From(text.Fi).Trim(), PlainText.From(text.Sv).Trim(), PlainText.From(text.En).Trim());
        indicator.Title = Plain(indicator.Title);
        indicator.Unit = Plain(indicator.Unit);
        indicator.SourceOrganisation = Plain(indicator.SourceOrganisation);
        indicator.Description = Html(indicator.Description);
        indicator.Interpretation = Html(indicator.Interpretation);
        indicator.Limits = Html(indicator.Limits);
        indicator.Legislation = Html(indicator.Legislation);
        indicator.Notices = Html(indicator.Notices);
        indicator.Sources = indicator.Sources
            .Select(s => new IndicatorSource(s.OrganisationId, Plain(s.Organisation), Plain(s.Title), Html(s.Description))).ToList();
        indicator.Subjects = indicator.Subjects.Select(Plain).Where(s => !s.IsEmpty).ToList();
        return indicator;
    }

    public async Task<ImportSummary> ImportRegionsAsync(IReadOnlyList<Region> regions, CancellationToken cancellationToken)
    {
        var ids = regions.Select(r => r.Id).ToList();
        var existing = await db.Regions.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var incoming in regions.GroupBy(r => r.Id).Select(g => g.Last()))
        {
            if (!existing.TryGetValue(incoming.Id, out var current))
            {
                db.Regions.Add(incoming);
                added++;
            }
            else if (current.TitleFi == incoming.TitleFi && current.TitleSv == incoming.TitleSv && current.TitleEn == incoming.TitleEn
                     && current.Code == incoming.Code && current.Category == incoming.Category && current.MemberOf == incoming.MemberOf)
            {
                unchanged++;
            }
            else
            {
                (current.TitleFi, current.TitleSv, current.TitleEn) = (incoming.TitleFi, incoming.TitleSv, incoming.TitleEn);
                (current.Code, current.Category, current.MemberOf) = (incoming.Code, incoming.Category, incoming.MemberOf);
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportSummary(added, updated, unchanged);
    }

    /// <summary>
    /// Imports values as one all-or-nothing change, for callers without a run of their own (demo seeding, the
    /// <c>import</c> command, benchmarks): staged in short transactions, then applied in one.
    /// </summary>
    /// <param name="firstRow">The row number of the first value, for messages: 1 for JSON, 2 for CSV (after the header).</param>
    public Task<ImportSummary> ImportValuesAsync(IEnumerable<IndicatorValue> values, int firstRow, IProgress<int>? progress,
        CancellationToken cancellationToken) =>
        ImportValuesAsync(values.ToAsyncEnumerable(), firstRow, progress, cancellationToken);

    public async Task<ImportSummary> ImportValuesAsync(IAsyncEnumerable<IndicatorValue> values, int firstRow, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid();
        try
        {
            var staged = await StageValuesAsync(runId, values, firstRow, StagingIds.None, progress, cancellationToken);
            var summary = await CountStagedAsync(runId, cancellationToken) with { Skipped = staged.Skipped, UnknownRegions = staged.UnknownRegions };
            await InOneTransactionAsync(async token =>
            {
                await ApplyStagedAsync(runId, token);
                return 0;
            }, cancellationToken);
            return summary;
        }
        finally
        {
            await DiscardStagedAsync(runId, CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads, checks and writes values into the staging table in short transactions of <see cref="BatchSize"/> rows,
    /// so other writers (editors' autosaves) get the database between batches. Nothing becomes visible until
    /// <see cref="ApplyStagedAsync"/>. A row naming an unknown indicator refuses the whole import (the caller discards
    /// what was staged); a row naming an unknown region is skipped and reported.
    /// </summary>
    /// <param name="alsoKnown">Indicators and regions that the same run adds before it applies the values.</param>
    public async Task<StagingResult> StageValuesAsync(Guid runId, IAsyncEnumerable<IndicatorValue> values, int firstRow, StagingIds alsoKnown,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(alsoKnown);
        var indicators = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        indicators.UnionWith(alsoKnown.Indicators);
        var regions = (await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        regions.UnionWith(alsoKnown.Regions);
        var key = StagedIndicatorValue.KeyOf(runId);
        var batch = new Dictionary<(int, int, int, Gender), IndicatorValue>(BatchSize);
        var row = firstRow - 1;
        var staged = 0;
        var skipped = 0;
        var unknownRegions = new SortedSet<int>();
        await foreach (var value in values.WithCancellation(cancellationToken))
        {
            row++;
            if (!indicators.Contains(value.IndicatorId))
            {
                throw new SotkanetFormatException(row, "indicator", "UnknownIndicator", value.IndicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (!regions.Contains(value.RegionId))
            {
                // Sotkanet's data can name regions its own region list lacks (730, 456 and 455 in 2015): the
                // row is skipped and reported, and the rest of the file imports.
                skipped++;
                unknownRegions.Add(value.RegionId);
                continue;
            }
            // The last of duplicate rows wins, as it would if the rows came in two imports.
            batch[(value.IndicatorId, value.RegionId, value.Year, value.Gender)] = value;
            if (batch.Count == BatchSize)
            {
                staged += await StageBatchAsync(key, batch.Values, cancellationToken);
                batch.Clear();
                progress?.Report(staged);
            }
        }
        if (batch.Count > 0)
        {
            staged += await StageBatchAsync(key, batch.Values, cancellationToken);
            progress?.Report(staged);
        }
        if (skipped > 0)
        {
            LogSkipped(logger, skipped, string.Join(", ", unknownRegions));
        }
        return new StagingResult(staged, skipped, unknownRegions.ToList());
    }

    private async Task<int> StageBatchAsync(string key, IEnumerable<IndicatorValue> values, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        // A batch is its own short transaction unless the caller holds one (then it joins it).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var table = Persistence.Configurations.StagedIndicatorValueConfiguration.Table;
            await using var write = Command(connection, transaction, sqlite
                ? $"INSERT INTO {table} (RunKey, IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES (@k, @i, @r, @y, @g, @v, @a) " +
                  "ON CONFLICT (RunKey, IndicatorId, RegionId, Year, Gender) DO UPDATE SET Value = excluded.Value, AbsValue = excluded.AbsValue"
                : $"UPDATE {table} SET Value = @v, AbsValue = @a WHERE RunKey = @k AND IndicatorId = @i AND RegionId = @r AND Year = @y AND Gender = @g; " +
                  $"IF @@ROWCOUNT = 0 INSERT INTO {table} (RunKey, IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES (@k, @i, @r, @y, @g, @v, @a);");
            write.Parameters["@k"].Value = key;
            var count = 0;
            foreach (var value in values)
            {
                write.Parameters["@i"].Value = value.IndicatorId;
                write.Parameters["@r"].Value = value.RegionId;
                write.Parameters["@y"].Value = value.Year;
                write.Parameters["@g"].Value = (int)value.Gender;
                write.Parameters["@v"].Value = value.Value is { } v ? v : DBNull.Value;
                write.Parameters["@a"].Value = value.AbsValue is { } a ? a : DBNull.Value;
                await write.ExecuteNonQueryAsync(cancellationToken);
                count++;
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// What applying the staged rows will do: read before the apply, outside its transaction, because only one run
    /// writes values at a time (the run worker) and counting inside would lengthen the write lock.
    /// </summary>
    public async Task<ImportSummary> CountStagedAsync(Guid runId, CancellationToken cancellationToken)
    {
        var values = Persistence.Configurations.IndicatorValueConfiguration.Table;
        var staging = Persistence.Configurations.StagedIndicatorValueConfiguration.Table;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        await using var query = connection.CreateCommand();
        query.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        query.CommandText =
            $"SELECT COUNT(*), SUM(CASE WHEN v.IndicatorId IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN v.IndicatorId IS NOT NULL AND {Same("v", "s")} THEN 1 ELSE 0 END) " +
            $"FROM {staging} s LEFT JOIN {values} v ON v.IndicatorId = s.IndicatorId AND v.RegionId = s.RegionId AND v.Year = s.Year AND v.Gender = s.Gender " +
            "WHERE s.RunKey = @k";
        var parameter = query.CreateParameter();
        parameter.ParameterName = "@k";
        parameter.Value = StagedIndicatorValue.KeyOf(runId);
        query.Parameters.Add(parameter);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        var added = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        var unchanged = reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
        return new ImportSummary(added, total - added - unchanged, unchanged);
    }

    /// <summary>Value and absolute value equal, where two missing values count as equal; written for both providers.</summary>
    private static string Same(string a, string b) =>
        $"({a}.Value = {b}.Value OR ({a}.Value IS NULL AND {b}.Value IS NULL)) AND ({a}.AbsValue = {b}.AbsValue OR ({a}.AbsValue IS NULL AND {b}.AbsValue IS NULL))";

    /// <summary>
    /// Applies a run's staged rows to the values table in one set-based statement. Must run inside the caller's
    /// transaction (<see cref="InOneTransactionAsync"/>), together with whatever else the run changes, so the run
    /// becomes visible whole or not at all. Unchanged rows are not rewritten.
    /// </summary>
    public Task<int> ApplyStagedAsync(Guid runId, CancellationToken cancellationToken) =>
        ApplyStagedAsync(runId, 1, int.MaxValue, cancellationToken);

    /// <summary>
    /// Applies the staged rows in steps of whole indicators, about <paramref name="rowsPerStep"/> rows each, each
    /// step its own short transaction followed by a pause, so a waiting writer (an editor's save) gets the database
    /// between steps instead of waiting for the whole apply. Readers never see half of one indicator's update, but
    /// may see one indicator updated and the next not yet, for the seconds the steps take. Steps are idempotent:
    /// repeating them (a resume after a restart) changes nothing already applied. See ADR 0019.
    /// </summary>
    public async Task<int> ApplyStagedInStepsAsync(Guid runId, int rowsPerStep, TimeSpan pause, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var (from, to) in await StepsAsync(runId, rowsPerStep, cancellationToken))
        {
            changed += await InOneTransactionAsync(token => ApplyStagedAsync(runId, from, to, token), cancellationToken);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }
        }
        return changed;
    }

    /// <summary>Ranges of indicator ids holding about <paramref name="rowsPerStep"/> staged rows each (an indicator is never split).</summary>
    private async Task<List<(int From, int To)>> StepsAsync(Guid runId, int rowsPerStep, CancellationToken cancellationToken)
    {
        var key = StagedIndicatorValue.KeyOf(runId);
        var counts = await db.StagedIndicatorValues.Where(v => v.RunKey == key).GroupBy(v => v.IndicatorId)
            .Select(g => new { Indicator = g.Key, Rows = g.Count() }).OrderBy(g => g.Indicator).ToListAsync(cancellationToken);
        var steps = new List<(int, int)>();
        int? from = null;
        var rows = 0;
        var last = 0;
        foreach (var count in counts)
        {
            from ??= count.Indicator;
            rows += count.Rows;
            last = count.Indicator;
            if (rows >= rowsPerStep)
            {
                steps.Add((from.Value, last));
                (from, rows) = (null, 0);
            }
        }
        if (from is { } start)
        {
            steps.Add((start, last));
        }
        return steps;
    }

    private async Task<int> ApplyStagedAsync(Guid runId, int fromIndicator, int toIndicator, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Staged values are applied inside the run's one transaction.");
        }
        var values = Persistence.Configurations.IndicatorValueConfiguration.Table;
        var staging = Persistence.Configurations.StagedIndicatorValueConfiguration.Table;
        var key = StagedIndicatorValue.KeyOf(runId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
#pragma warning disable EF1003 // the SQL is built from constant table names only; the run's key is a parameter
        var changed = db.Database.IsSqlite()
            ? await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {values} (IndicatorId, RegionId, Year, Gender, Value, AbsValue) " +
                $"SELECT IndicatorId, RegionId, Year, Gender, Value, AbsValue FROM {staging} s WHERE s.RunKey = {{0}} AND s.IndicatorId BETWEEN {{1}} AND {{2}} " +
                "ON CONFLICT (IndicatorId, RegionId, Year, Gender) DO UPDATE SET Value = excluded.Value, AbsValue = excluded.AbsValue " +
                $"WHERE NOT ({Same(values, "excluded")})", [key, fromIndicator, toIndicator], cancellationToken)
            : await db.Database.ExecuteSqlRawAsync(
                $"MERGE {values} WITH (HOLDLOCK) AS v USING (SELECT IndicatorId, RegionId, Year, Gender, Value, AbsValue FROM {staging} WHERE RunKey = {{0}} AND IndicatorId BETWEEN {{1}} AND {{2}}) AS s " +
                "ON v.IndicatorId = s.IndicatorId AND v.RegionId = s.RegionId AND v.Year = s.Year AND v.Gender = s.Gender " +
                $"WHEN MATCHED AND NOT ({Same("v", "s")}) THEN UPDATE SET Value = s.Value, AbsValue = s.AbsValue " +
                "WHEN NOT MATCHED THEN INSERT (IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES (s.IndicatorId, s.RegionId, s.Year, s.Gender, s.Value, s.AbsValue);",
                [key, fromIndicator, toIndicator], cancellationToken);
#pragma warning restore EF1003
        var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogApplied(logger, changed, milliseconds);
        return changed;
    }

    /// <summary>Deletes a run's staged rows in short transactions, so the delete does not hold the write lock either.</summary>
    public async Task DiscardStagedAsync(Guid runId, CancellationToken cancellationToken) =>
        await DiscardAsync(StagedIndicatorValue.KeyOf(runId), cancellationToken);

    /// <summary>At start-up no run is running, so every staged row belongs to a run that was cut off.</summary>
    public Task DiscardAllStagedAsync(CancellationToken cancellationToken) => DiscardAsync(null, cancellationToken);

    private async Task DiscardAsync(string? key, CancellationToken cancellationToken)
    {
        const int Chunk = 50_000;
        var staging = Persistence.Configurations.StagedIndicatorValueConfiguration.Table;
        var where = key is null ? "1 = 1" : "RunKey = {0}";
        object[] parameters = key is null ? [] : [key];
        var sql = db.Database.IsSqlite()
            ? $"DELETE FROM {staging} WHERE rowid IN (SELECT rowid FROM {staging} WHERE {where} LIMIT {Chunk})"
            : $"DELETE TOP ({Chunk}) FROM {staging} WHERE {where}";
#pragma warning disable EF1003 // constant table name and chunk size; the run's key is a parameter
        while (await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken) > 0)
#pragma warning restore EF1003
        {
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "@k", "@i", "@r", "@y", "@g", "@v", "@a" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = name switch
            {
                "@k" => System.Data.DbType.AnsiString,
                "@v" or "@a" => System.Data.DbType.Double,
                _ => System.Data.DbType.Int32,
            };
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staged indicator values applied: {Changed} rows written in {Milliseconds} ms")]
    private static partial void LogApplied(ILogger logger, int changed, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Skipped} indicator value rows skipped: regions {Regions} are not in the catalogue")]
    private static partial void LogSkipped(ILogger logger, int skipped, string regions);
}
