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

/// <summary>
/// Writes Sotkanet data into the catalogue. A whole import is one transaction (<see cref="InOneTransactionAsync"/>):
/// a failure, a cancellation or a killed process midway leaves nothing of it behind, and importing the same file again
/// changes nothing. Values are compared and written in batches with prepared ADO.NET commands rather than change
/// tracking, because a full import is millions of rows.
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

    /// <param name="firstRow">The row number of the first value, for messages: 1 for JSON, 2 for CSV (after the header).</param>
    public Task<ImportSummary> ImportValuesAsync(IEnumerable<IndicatorValue> values, int firstRow, IProgress<int>? progress,
        CancellationToken cancellationToken) =>
        InOneTransactionAsync(token => WriteValuesAsync(values, firstRow, progress, token), cancellationToken);

    private async Task<ImportSummary> WriteValuesAsync(IEnumerable<IndicatorValue> values, int firstRow, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var indicators = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var regions = (await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var summary = new ImportSummary(0, 0, 0);
        var batch = new List<IndicatorValue>(BatchSize);
        var row = firstRow - 1;
        var processed = 0;
        var skipped = 0;
        var unknownRegions = new SortedSet<int>();
        {
            foreach (var value in values)
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
                batch.Add(value);
                if (batch.Count == BatchSize)
                {
                    summary += await WriteBatchAsync(batch, cancellationToken);
                    processed += batch.Count;
                    batch.Clear();
                    progress?.Report(processed);
                }
            }
            if (batch.Count > 0)
            {
                summary += await WriteBatchAsync(batch, cancellationToken);
                processed += batch.Count;
                progress?.Report(processed);
            }
        }
        summary = summary with { Skipped = skipped, UnknownRegions = unknownRegions.ToList() };
        LogImported(logger, summary.Added, summary.Updated, summary.Unchanged);
        if (skipped > 0)
        {
            LogSkipped(logger, skipped, string.Join(", ", unknownRegions));
        }
        return summary;
    }

    private async Task<ImportSummary> WriteBatchAsync(List<IndicatorValue> batch, CancellationToken cancellationToken)
    {
        // The last of duplicate rows wins, as it would if the rows came in two imports.
        var incoming = new Dictionary<(int, int, int, Gender), IndicatorValue>(batch.Count);
        foreach (var value in batch)
        {
            incoming[(value.IndicatorId, value.RegionId, value.Year, value.Gender)] = value;
        }
        var connection = db.Database.GetDbConnection();
        // Every batch joins the import's one transaction; nothing is committed until the whole import has been written.
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var existing = await ExistingAsync(connection, transaction, incoming.Values, cancellationToken);

        await using var insert = Command(connection, transaction,
            $"INSERT INTO {Persistence.Configurations.IndicatorValueConfiguration.Table} (IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES (@i, @r, @y, @g, @v, @a)");
        await using var update = Command(connection, transaction,
            $"UPDATE {Persistence.Configurations.IndicatorValueConfiguration.Table} SET Value = @v, AbsValue = @a WHERE IndicatorId = @i AND RegionId = @r AND Year = @y AND Gender = @g");
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (key, value) in incoming)
        {
            DbCommand command;
            if (!existing.TryGetValue(key, out var current))
            {
                command = insert;
                added++;
            }
            else if (current.Value == value.Value && current.AbsValue == value.AbsValue)
            {
                unchanged++;
                continue;
            }
            else
            {
                command = update;
                updated++;
            }
            command.Parameters["@i"].Value = value.IndicatorId;
            command.Parameters["@r"].Value = value.RegionId;
            command.Parameters["@y"].Value = value.Year;
            command.Parameters["@g"].Value = (int)value.Gender;
            command.Parameters["@v"].Value = value.Value is { } v ? v : DBNull.Value;
            command.Parameters["@a"].Value = value.AbsValue is { } a ? a : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new ImportSummary(added, updated, unchanged);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "@i", "@r", "@y", "@g", "@v", "@a" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = name is "@v" or "@a" ? System.Data.DbType.Double : System.Data.DbType.Int32;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static async Task<Dictionary<(int, int, int, Gender), (double? Value, double? AbsValue)>> ExistingAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<IndicatorValue> values, CancellationToken cancellationToken)
    {
        var list = values.ToList();
        var indicatorIds = string.Join(',', list.Select(v => v.IndicatorId).Distinct());
        var regionIds = string.Join(',', list.Select(v => v.RegionId).Distinct());
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        // The id lists are integers from parsed input, never text from the file.
        query.CommandText = $"SELECT IndicatorId, RegionId, Year, Gender, Value, AbsValue FROM {Persistence.Configurations.IndicatorValueConfiguration.Table} " +
                            $"WHERE IndicatorId IN ({indicatorIds}) AND RegionId IN ({regionIds}) AND Year BETWEEN {list.Min(v => v.Year)} AND {list.Max(v => v.Year)}";
        var result = new Dictionary<(int, int, int, Gender), (double?, double?)>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), (Gender)reader.GetInt32(3))] =
                (reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5));
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indicator values imported: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, int added, int updated, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Skipped} indicator value rows skipped: regions {Regions} are not in the catalogue")]
    private static partial void LogSkipped(ILogger logger, int skipped, string regions);
}
