using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Startup;

/// <summary>
/// Loads the SAMPLE indicator files (Sotkanet's formats, invented numbers) through the real importer, once: later
/// starts find the catalogue filled and leave it alone.
/// </summary>
public sealed class DemoIndicatorSeeder(ValfardDbContext db, IndicatorImporter importer, IWebHostEnvironment environment)
{
    public string Directory => Path.Combine(environment.ContentRootPath, "SampleData", "sotkanet");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(cancellationToken))
        {
            return;
        }
        using (var indicators = SotkanetJsonReader.Open(File.OpenRead(Path.Combine(Directory, "indicators.json"))))
        {
            await importer.ImportIndicatorsAsync(SotkanetJsonReader.ReadIndicators(indicators), cancellationToken);
        }
        using (var regions = SotkanetJsonReader.Open(File.OpenRead(Path.Combine(Directory, "regions.json"))))
        {
            await importer.ImportRegionsAsync(SotkanetJsonReader.ReadRegions(regions), cancellationToken);
        }
        using (var data = SotkanetJsonReader.Open(File.OpenRead(Path.Combine(Directory, "data.json"))))
        {
            await importer.ImportValuesAsync(SotkanetJsonReader.ReadData(data), 1, null, cancellationToken);
        }
        await using var directionsFile = File.OpenRead(Path.Combine(Directory, "directions.json"));
        var directions = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(directionsFile, cancellationToken: cancellationToken) ?? [];
        foreach (var indicator in await db.Indicators.ToListAsync(cancellationToken))
        {
            indicator.Direction = directions.GetValueOrDefault(indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) switch
            {
                "higher" => IndicatorDirection.HigherIsBetter,
                "lower" => IndicatorDirection.LowerIsBetter,
                _ => IndicatorDirection.Neutral,
            };
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
