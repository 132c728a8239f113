using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Loads the SAMPLE indicator files (Sotkanet's formats, invented numbers) through the real importer, once: later
/// starts find the catalogue filled and leave it alone.
/// </summary>
public sealed class DemoIndicatorSeeder(ValfardDbContext db, IndicatorImporter importer, IWebHostEnvironment environment, TimeProvider clock)
{
    public string Directory => Path.Combine(environment.ContentRootPath, "SampleData", "sotkanet");

    /// <summary>
    /// Sample standard sets with the sample catalogue's invented ids: SAMPLE in their names and marked as samples, so
    /// nobody takes them for THL's lists. No real list is shipped (ADR 0018): a system admin loads those. Only the
    /// minimum data content is for municipalities: the completeness checklist reads a set of the organisation's kind as
    /// minimum content (ADR 0033), so the sample HYTE coefficient is for any organisation.
    /// </summary>
    private static readonly (string Fi, string Sv, string En, StandardSetKind Kind, int[] Members)[] SampleStandardSets =
    [
        ("Vähimmäistietosisältö – kunta (NÄYTE / SAMPLE)", "Minimidatainnehåll – kommun (EXEMPEL / SAMPLE)", "Minimum data content – municipality (SAMPLE)",
            StandardSetKind.Municipalities, [90002, 90003, 90004, 90005, 90006, 90007, 90009, 90010, 90012, 90013, 90018, 90021, 90022, 90032]),
        ("HYTE-kerroin (NÄYTE / SAMPLE)", "HYTE-koefficient (EXEMPEL / SAMPLE)", "HYTE coefficient (SAMPLE)", StandardSetKind.Any,
            [90039, 90038, 90040, 90026, 90014]),
        ("TEAviisari (NÄYTE / SAMPLE)", "TEAviisari (EXEMPEL / SAMPLE)", "TEAviisari (SAMPLE)", StandardSetKind.Any, [90038]),
    ];

    /// <summary>The indicator Demokommun leaves out of the sample minimum data content, to show the report's appendix.</summary>
    public const int DemoLeftOutIndicator = 90013;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(cancellationToken))
        {
            // A database seeded before standard sets existed gets the sample ones at its next start.
            await SeedStandardSetsAsync(cancellationToken);
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
            indicator.ChangeDirection(directions.GetValueOrDefault(indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) switch
            {
                "higher" => IndicatorDirection.HigherIsBetter,
                "lower" => IndicatorDirection.LowerIsBetter,
                _ => IndicatorDirection.Neutral,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await SeedStandardSetsAsync(cancellationToken);
        await ShowInDemoReportAsync(cancellationToken);
    }

    /// <summary>
    /// The sample standard sets, once, with Demokommun's copies of them and one indicator it leaves out with a reason
    /// (so the report's appendix, the PDF and the public page have something to list).
    /// </summary>
    private async Task SeedStandardSetsAsync(CancellationToken cancellationToken)
    {
        if (await db.StandardSets.AnyAsync(cancellationToken))
        {
            return;
        }
        var all = new[] { ValfardDbContext.TenantFilter };
        var known = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var coordinator = await db.Users.IgnoreQueryFilters(all).Where(u => u.Email == "coordinator@demo.test").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var ownNames = (await db.IndicatorSets.IgnoreQueryFilters(all).Where(s => s.OrganisationId == DemoSeeder.DemokommunId)
            .Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet();
        StandardSet? minimum = null;
        foreach (var (fi, sv, en, kind, members) in SampleStandardSets)
        {
            var set = new StandardSet(Guid.NewGuid(), fi, sv, en, kind,
                "SAMPLE: keksityt tunnisteet Valfardin esittelyä varten / påhittade id:n för Valfards demo / invented ids for the Valfard demo.");
            set.MarkAsSample();
            set.ReplaceMembers(members.Where(known.Contains));
            db.StandardSets.Add(set);
            minimum ??= set;
            if (!ownNames.Contains(fi))
            {
                var copy = new IndicatorSet(Guid.NewGuid(), DemoSeeder.DemokommunId, fi);
                foreach (var id in members.Where(known.Contains))
                {
                    copy.Add(id);
                }
                db.IndicatorSets.Add(copy);
            }
        }
        if (minimum is not null && minimum.Contains(DemoLeftOutIndicator) && coordinator != Guid.Empty)
        {
            db.LeftOutIndicators.Add(new LeftOutIndicator(Guid.NewGuid(), DemoSeeder.DemokommunId, minimum.Id, DemoLeftOutIndicator,
                "Kunnan ikäluokat ovat niin pieniä, että luvut vaihtelevat satunnaisesti vuodesta toiseen. Seuraamme nuorten mielenterveyttä kouluterveyskyselyn avulla.",
                "Kommunens åldersklasser är så små att talen varierar slumpmässigt från år till år. Vi följer ungas psykiska hälsa genom enkäten Hälsa i skolan.",
                coordinator, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Charts in the life-stage sections of Demokommun's report in progress.</summary>
    private async Task ShowInDemoReportAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
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
