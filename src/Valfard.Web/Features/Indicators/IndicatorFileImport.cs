using System.Text;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Imports one Sotkanet file (indicator metadata, regions, or values as JSON or CSV): the run worker and the
/// <c>import</c> command both come here. Values are read one row at a time and staged in short transactions; a bad
/// row anywhere refuses the file before anything is applied. Lists of indicators or regions (a few megabytes) are
/// read whole. Then <see cref="PreparedImport.ApplyAsync"/> makes it visible in one short transaction.
/// </summary>
public static class IndicatorFileImport
{
    /// <summary>Stages and applies a file in one go, for callers without a run record (the command, tests).</summary>
    public static Task<ImportSummary> ImportAsync(IndicatorImporter importer, string path, IProgress<int>? progress,
        CancellationToken cancellationToken) =>
        ImportAsync(importer, () => OpenFile(path), Path.GetFileName(path), progress, cancellationToken);

    /// <summary>As above, from bytes already in memory (small files in tests).</summary>
    public static async Task<ImportSummary> ImportAsync(IndicatorImporter importer, byte[] content, string fileName,
        Action<int> reportTotal, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportTotal);
        var summary = await ImportAsync(importer, () => new MemoryStream(content, writable: false), fileName, progress, cancellationToken);
        reportTotal(summary.Total + summary.Skipped);
        return summary;
    }

    private static async Task<ImportSummary> ImportAsync(IndicatorImporter importer, Func<Stream> open, string fileName,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        var runId = Guid.NewGuid();
        try
        {
            var prepared = await PrepareAsync(importer, open, fileName, runId, progress, cancellationToken);
            return await importer.InOneTransactionAsync(token => prepared.ApplyAsync(importer, token), cancellationToken);
        }
        finally
        {
            await importer.DiscardStagedAsync(runId, CancellationToken.None);
        }
    }

    public static Stream OpenFile(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Reads and checks the whole file; values go to the staging table under <paramref name="runId"/> (the caller
    /// discards them if anything later fails). Nothing is visible yet.
    /// </summary>
    public static async Task<PreparedImport> PrepareAsync(IndicatorImporter importer, Func<Stream> open, string fileName, Guid runId,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(fileName);
        var start = Start(open);
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || LooksLikeCsv(start))
        {
            await using var stream = open();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await StageAsync(importer, SotkanetCsvReader.Read(reader).ToAsyncEnumerable(), 2, runId, progress, cancellationToken);
        }
        var kind = SotkanetFileKind.Indicators;
        if (start.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith('['))
        {
            await using var peek = open();
            await foreach (var first in SotkanetJsonReader.StreamItems(peek, cancellationToken))
            {
                kind = SotkanetJsonReader.DetectItem(first);
                break;
            }
        }
        if (kind == SotkanetFileKind.Data)
        {
            await using var stream = open();
            return await StageAsync(importer, SotkanetJsonReader.StreamData(stream, cancellationToken), 1, runId, progress, cancellationToken);
        }
        await using (var stream = open())
        {
            // A metadata object, an indicator list or a region list: a few megabytes at most, read whole.
            using var document = SotkanetJsonReader.Open(stream);
            return SotkanetJsonReader.Detect(document) switch
            {
                SotkanetFileKind.Indicators => new PreparedImport(runId, SotkanetFileKind.Indicators) { Indicators = SotkanetJsonReader.ReadIndicators(document) },
                SotkanetFileKind.Regions => new PreparedImport(runId, SotkanetFileKind.Regions) { Regions = SotkanetJsonReader.ReadRegions(document) },
                _ => throw new SotkanetFormatException(1, "json", "UnknownFormat"),
            };
        }
    }

    private static async Task<PreparedImport> StageAsync(IndicatorImporter importer, IAsyncEnumerable<IndicatorValue> values, int firstRow,
        Guid runId, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var staged = await importer.StageValuesAsync(runId, values, firstRow, StagingIds.None, progress, cancellationToken);
        var counted = await importer.CountStagedAsync(runId, cancellationToken);
        return new PreparedImport(runId, SotkanetFileKind.Data)
        {
            Values = counted with { Skipped = staged.Skipped, UnknownRegions = staged.UnknownRegions },
        };
    }

    private static string Start(Func<Stream> open)
    {
        using var stream = open();
        var buffer = new byte[200];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static bool LooksLikeCsv(string start)
    {
        start = start.TrimStart('\uFEFF', ' ', '\r', '\n');
        return start.Length > 0 && start[0] != '[' && start[0] != '{' && start.Contains(';', StringComparison.Ordinal);
    }
}

/// <summary>A file read and checked, its values staged: what applying it will do, in one short transaction.</summary>
public sealed class PreparedImport(Guid runId, SotkanetFileKind kind)
{
    public Guid RunId { get; } = runId;
    public SotkanetFileKind Kind { get; } = kind;
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public IReadOnlyList<Region> Regions { get; init; } = [];

    /// <summary>For values: what the apply will add, update and leave, counted before it.</summary>
    public ImportSummary? Values { get; init; }

    /// <summary>
    /// What a run applies before its values: the indicator or region list itself (returning its counts), or nothing
    /// for a values file (returning the values' counts, taken before the apply).
    /// </summary>
    public async Task<ImportSummary> ApplyListsAsync(IndicatorImporter importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        return Kind switch
        {
            SotkanetFileKind.Indicators => await importer.ImportIndicatorsAsync(Indicators, cancellationToken),
            SotkanetFileKind.Regions => await importer.ImportRegionsAsync(Regions, cancellationToken),
            _ => Values!,
        };
    }

    /// <summary>All of it in the caller's one transaction (<see cref="IndicatorImporter.InOneTransactionAsync"/>).</summary>
    public async Task<ImportSummary> ApplyAsync(IndicatorImporter importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        switch (Kind)
        {
            case SotkanetFileKind.Indicators:
                return await importer.ImportIndicatorsAsync(Indicators, cancellationToken);
            case SotkanetFileKind.Regions:
                return await importer.ImportRegionsAsync(Regions, cancellationToken);
            default:
                await importer.ApplyStagedAsync(RunId, cancellationToken);
                return Values!;
        }
    }
}

/// <summary>
/// What one small Sotkanet file holds, read in full into memory: indicator metadata, regions, or values (from JSON or
/// from the semicolon CSV). For checks and tests of the readers; imports stream instead (<see cref="IndicatorFileImport"/>).
/// Reading touches no database; a bad row throws <see cref="SotkanetFormatException"/> naming its row and field.
/// </summary>
public sealed class IndicatorFile
{
    private IndicatorFile(SotkanetFileKind kind, int firstRow)
    {
        Kind = kind;
        FirstRow = firstRow;
    }

    public SotkanetFileKind Kind { get; }

    /// <summary>The number of the first data row, for the row numbers of the importer's errors: a CSV starts after its header.</summary>
    public int FirstRow { get; }

    public IReadOnlyList<Indicator> Indicators { get; private init; } = [];
    public IReadOnlyList<Region> Regions { get; private init; } = [];
    public IReadOnlyList<IndicatorValue> Values { get; private init; } = [];

    /// <summary>How many items the file holds: what the progress page counts to.</summary>
    public int Count => Kind switch
    {
        SotkanetFileKind.Indicators => Indicators.Count,
        SotkanetFileKind.Regions => Regions.Count,
        _ => Values.Count,
    };

    public static IndicatorFile Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || LooksLikeCsv(content))
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
            return new IndicatorFile(SotkanetFileKind.Data, 2) { Values = SotkanetCsvReader.Read(reader).ToList() };
        }
        using var document = SotkanetJsonReader.Open(new MemoryStream(content));
        return SotkanetJsonReader.Detect(document) switch
        {
            SotkanetFileKind.Indicators => new IndicatorFile(SotkanetFileKind.Indicators, 1) { Indicators = SotkanetJsonReader.ReadIndicators(document) },
            SotkanetFileKind.Regions => new IndicatorFile(SotkanetFileKind.Regions, 1) { Regions = SotkanetJsonReader.ReadRegions(document) },
            _ => new IndicatorFile(SotkanetFileKind.Data, 1) { Values = SotkanetJsonReader.ReadData(document).ToList() },
        };
    }

    private static bool LooksLikeCsv(byte[] content)
    {
        var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 200)).TrimStart('\uFEFF', ' ', '\r', '\n');
        return start.Length > 0 && start[0] != '[' && start[0] != '{' && start.Contains(';', StringComparison.Ordinal);
    }
}
