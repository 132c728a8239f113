using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Features.County;

/// <summary>
/// The block "Member municipalities compared" of a regional report (issue 18 §3): for one indicator's latest year,
/// each member municipality, the county and the whole country with value, 95 % interval and the verdicts against the
/// county and the whole country. Indicator values are national data (no tenant filter), so no gateway is needed:
/// the signed-in county's own comparison regions (its Sotkanet members) are what <see cref="IndicatorService"/> reads.
/// </summary>
public sealed class MembersComparison(ValfardDbContext db, IndicatorService indicators, IOptions<StatisticsOptions> statistics)
{
    /// <summary>The block in a language for the signed-in county; null when the indicator is not in the catalogue.</summary>
    public async Task<DocumentMembers?> ForAsync(int indicatorId, string language, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        var page = await indicators.PagesAsync([indicatorId], language, cancellationToken) is { Count: > 0 } pages ? pages[0] : null;
        return indicator is null || page is null ? null : Build(page, ValueScale.For(indicator), statistics.Value.SmallNumberRule);
    }

    /// <summary>
    /// Members first (by name), then the county and the whole country. The latest year is the latest any of them has;
    /// each row is analysed at that year only, so a member without a value that year shows "–", never an older number.
    /// </summary>
    public static DocumentMembers Build(IndicatorPageViewModel page, ValueScale scale, SmallNumberRule rule)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(rule);
        var totals = page.Series.Where(s => s.Gender == Gender.Total).ToList();
        // For a county the "own" series is the county itself; its members are "member".
        var county = totals.FirstOrDefault(s => s.RegionKind == "own");
        var country = totals.FirstOrDefault(s => s.RegionKind == "country");
        var members = totals.Where(s => s.RegionKind == "member").ToList();
        var year = totals.SelectMany(s => s.Points).Where(p => p.Value is not null).Select(p => (int?)p.Year).Max();
        var rows = new List<DocumentMemberRow>();
        if (year is { } y)
        {
            List<ObservedValue> At(IndicatorSeries s) => s.Points.Where(p => p.Year <= y).Select(p => new ObservedValue(p.Year, p.Value, p.AbsValue)).ToList();
            BenchmarkSeries? Benchmark(IndicatorSeries? s, string kind) => s is null ? null : new BenchmarkSeries(kind, s.Region, At(s));
            var countyBenchmark = Benchmark(county, "county");
            var countryBenchmark = Benchmark(country, "country");
            DocumentMemberRow Row(IndicatorSeries s, string kind, IReadOnlyList<BenchmarkSeries> benchmarks)
            {
                var own = At(s).Where(v => v.Year == y).ToList();
                var analysis = IndicatorAnalysis.Analyse(own, benchmarks, scale, page.Direction, rule);
                ComparisonResult? Against(string k) => analysis.Comparisons.FirstOrDefault(c => c.Kind == k)?.Result;
                return new DocumentMemberRow(s.Region, kind, analysis.Value, analysis.Lower95, analysis.Upper95,
                    Against("county"), Against("country"));
            }
            rows.AddRange(members.Select(m => Row(m, "member", [.. new[] { countyBenchmark, countryBenchmark }.OfType<BenchmarkSeries>()])));
            if (county is not null)
            {
                rows.Add(Row(county, "county", [.. new[] { countryBenchmark }.OfType<BenchmarkSeries>()]));
            }
            if (country is not null)
            {
                rows.Add(Row(country, "country", []));
            }
        }
        return new DocumentMembers(page.Id, page.Title, page.Unit, page.Decimals, page.Source, year, rows);
    }
}
