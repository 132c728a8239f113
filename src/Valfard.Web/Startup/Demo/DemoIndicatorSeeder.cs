using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Startup.Demo;

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
        await ShowInDemoReportAsync(cancellationToken);
    }

    /// <summary>Demokommun's standard sets, and charts in the life-stage sections of its report in progress.</summary>
    private async Task ShowInDemoReportAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
        var known = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        db.IndicatorSets.AddRange(IndicatorSetService.StandardSets(DemoSeeder.DemokommunId, known));
        var sections = await db.ReportSections.IgnoreQueryFilters(all)
            .Where(s => s.OrganisationId == DemoSeeder.DemokommunId).ToListAsync(cancellationToken);
        var charts = new Dictionary<string, int[]>
        {
            ["Lapset ja lapsiperheet"] = [90012, 90010],
            ["Nuoret"] = [90006, 90021],
            ["Ikääntyneet"] = [90009, 90016],
        };
        foreach (var (title, indicatorIds) in charts)
        {
            var section = sections.FirstOrDefault(s => s.TitleFi == title);
            if (section is null)
            {
                continue;
            }
            for (var i = 0; i < indicatorIds.Length; i++)
            {
                db.SectionIndicators.Add(new SectionIndicator(section.Id, section.OrganisationId, indicatorIds[i], i));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
