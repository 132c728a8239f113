using System.Text;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Imports one Sotkanet file (indicator metadata, regions, or values as JSON or CSV) as one transaction: the upload
/// page's background job and the <c>import</c> command both come here. The file is read in full first
/// (<see cref="IndicatorFile.Read"/>, no database), so a bad line anywhere is reported before anything is written.
/// </summary>
public static class IndicatorFileImport
{
    public static async Task<ImportSummary> ImportAsync(IndicatorImporter importer, byte[] content, string fileName,
        Action<int> reportTotal, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(reportTotal);
        var file = IndicatorFile.Read(content, fileName);
        reportTotal(file.Count);
        return await WriteAsync(importer, file, progress, cancellationToken);
    }

    /// <summary>Writes what a file held, in one transaction.</summary>
    public static Task<ImportSummary> WriteAsync(IndicatorImporter importer, IndicatorFile file, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(file);
        return file.Kind switch
        {
            SotkanetFileKind.Indicators => importer.InOneTransactionAsync(token => importer.ImportIndicatorsAsync(file.Indicators, token), cancellationToken),
            SotkanetFileKind.Regions => importer.InOneTransactionAsync(token => importer.ImportRegionsAsync(file.Regions, token), cancellationToken),
            _ => importer.ImportValuesAsync(file.Values, file.FirstRow, progress, cancellationToken),
        };
    }
}

/// <summary>
/// What one Sotkanet file holds, read in full: indicator metadata, regions, or values (from JSON or from the semicolon
/// CSV). Reading touches no database; a bad row throws <see cref="SotkanetFormatException"/> naming its row and field.
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
