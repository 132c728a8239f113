using System.Text;
using Valfard.Infrastructure.Indicators;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Imports one Sotkanet file (indicator metadata, regions, or values as JSON or CSV) as one transaction: the upload
/// page's background job and the <c>import</c> command both come here.
/// </summary>
public static class IndicatorFileImport
{
    public static async Task<ImportSummary> ImportAsync(IndicatorImporter importer, byte[] content, string fileName,
        Action<int> reportTotal, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || LooksLikeCsv(content))
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
            // Read fully first so a bad line anywhere is reported before anything is written.
            var rows = SotkanetCsvReader.Read(reader).ToList();
            reportTotal(rows.Count);
            return await importer.ImportValuesAsync(rows, 2, progress, cancellationToken);
        }
        using var document = SotkanetJsonReader.Open(new MemoryStream(content));
        switch (SotkanetJsonReader.Detect(document))
        {
            case SotkanetFileKind.Indicators:
                var indicators = SotkanetJsonReader.ReadIndicators(document);
                reportTotal(indicators.Count);
                return await importer.InOneTransactionAsync(token => importer.ImportIndicatorsAsync(indicators, token), cancellationToken);
            case SotkanetFileKind.Regions:
                var regions = SotkanetJsonReader.ReadRegions(document);
                reportTotal(regions.Count);
                return await importer.InOneTransactionAsync(token => importer.ImportRegionsAsync(regions, token), cancellationToken);
            default:
                var values = SotkanetJsonReader.ReadData(document).ToList();
                reportTotal(values.Count);
                return await importer.ImportValuesAsync(values, 1, progress, cancellationToken);
        }
    }

    private static bool LooksLikeCsv(byte[] content)
    {
        var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 200)).TrimStart('\uFEFF', ' ', '\r', '\n');
        return start.Length > 0 && start[0] != '[' && start[0] != '{' && start.Contains(';', StringComparison.Ordinal);
    }
}
