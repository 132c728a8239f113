using System.Text.Json.Serialization;
using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

/// <summary>One year of a region's series as Sotkanet gives it: the value and, where published, its numerator.</summary>
public sealed record ObservedValue(int Year, double? Value, double? AbsValue);

/// <summary>A series to compare with: the county, the whole country or a peer group's median.</summary>
/// <param name="Kind">What the benchmark is ("county", "country", "peers"), for the page's wording.</param>
public sealed record BenchmarkSeries(string Kind, string Name, IReadOnlyList<ObservedValue> Values)
{
    public const string PeersKind = "peers";

    /// <summary>For a peer group: the lowest and highest value and how many peers had one, per year.</summary>
    public IReadOnlyList<PeerSpread> Spread { get; init; } = [];

    /// <summary>
    /// The comparison municipalities as one benchmark: each year's median of the peers that have a value (the mean of
    /// the two middle values for an even number), with the range beside it. A median, not a mean, so one unusual
    /// peer does not move the benchmark.
    /// </summary>
    public static BenchmarkSeries PeerMedian(string name, IEnumerable<IReadOnlyList<ObservedValue>> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var byYear = peers.SelectMany(p => p).Where(v => v.Value is { } x && !double.IsNaN(x))
            .GroupBy(v => v.Year).OrderBy(g => g.Key).ToList();
        var medians = new List<ObservedValue>();
        var spread = new List<PeerSpread>();
        foreach (var year in byYear)
        {
            var values = year.Select(v => v.Value!.Value).Order().ToList();
            var middle = values.Count / 2;
            var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
            medians.Add(new ObservedValue(year.Key, median, null));
            spread.Add(new PeerSpread(year.Key, values[0], values[^1], values.Count));
        }
        return new BenchmarkSeries(PeersKind, name, medians) { Spread = spread };
    }
}

/// <summary>The range of the peers' values in one year and how many peers it covers.</summary>
public sealed record PeerSpread(int Year, double Low, double High, int Count);

/// <summary>The verdict against one benchmark, with the benchmark's value in the compared year.</summary>
public sealed record BenchmarkVerdict(string Kind, string Name, double? Value, ComparisonResult Result)
{
    /// <summary>For peers: the lowest and highest peer value in the compared year, and how many peers had one.</summary>
    public PeerSpread? Spread { get; init; }
}

/// <summary>
/// What the numbers say about an area's indicator: its latest value with 95 % and 99.8 % intervals (or why there is
/// none), the verdict against each benchmark in the same year, and the five-point trend test
/// (docs/decisions/0016-statistics-methods.md). It is a plain record so an approved version freezes it in its
/// snapshot with the numbers: the verdicts a council saw do not change when the data does.
/// </summary>
public sealed class IndicatorAnalysis
{
    public required ValueKind Kind { get; init; }
    public required double Multiplier { get; init; }

    /// <summary>The latest year the area has a value for; null when it has none.</summary>
    public int? Year { get; init; }
    public double? Value { get; init; }
    public double? AbsValue { get; init; }
    public double? Lower95 { get; init; }
    public double? Upper95 { get; init; }
    public double? Lower998 { get; init; }
    public double? Upper998 { get; init; }

    /// <summary>Why there is no interval; null when there is one.</summary>
    public NoIntervalReason? NoInterval { get; init; }

    /// <summary>True when the small-number rule kept the value from being compared.</summary>
    public bool SmallNumbers { get; init; }

    /// <summary>The small-number rule's minimum in force when this was analysed, for the page's explanation.</summary>
    public int MinimumEvents { get; init; } = SmallNumberRule.DefaultMinimumEvents;

    public IReadOnlyList<BenchmarkVerdict> Comparisons { get; init; } = [];
    public required SignificantTrendResult Trend { get; init; }

    [JsonIgnore]
    public bool HasInterval => Lower95 is not null && Upper95 is not null;

    [JsonIgnore]
    public string? NoIntervalResourceKey => NoInterval is { } reason ? StatisticsResourceKeys.ForNoInterval(reason) : null;

    /// <summary>
    /// Analyses the area's series: the interval of its latest value, the comparisons with each benchmark's value in
    /// that year, and the trend over the five most recent years. For proportions with numerators the trend is the
    /// chi-square test on the counts; for rates and counts a regression weighted by each year's interval.
    /// </summary>
    public static IndicatorAnalysis Analyse(
        IReadOnlyList<ObservedValue> own,
        IReadOnlyList<BenchmarkSeries> benchmarks,
        ValueScale scale,
        IndicatorDirection direction,
        SmallNumberRule rule)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(benchmarks);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(rule);
        var latest = own.Where(v => v.Value is { } x && !double.IsNaN(x)).MaxBy(v => v.Year);
        var at95 = Interval(latest, scale, ConfidenceLevel.Percent95);
        var at998 = Interval(latest, scale, ConfidenceLevel.Percent998);
        var counts = new SmallNumberCounts(Events(latest, scale));
        var comparisons = benchmarks.Select(b =>
        {
            var value = latest is null ? null : b.Values.FirstOrDefault(v => v.Year == latest.Year)?.Value;
            return new BenchmarkVerdict(b.Kind, b.Name, value, BenchmarkComparison.Compare(at95, at998, value, direction, counts, rule))
            {
                Spread = latest is null ? null : b.Spread.FirstOrDefault(s => s.Year == latest.Year),
            };
        }).ToList();
        return new IndicatorAnalysis
        {
            Kind = scale.Kind,
            Multiplier = scale.Multiplier,
            Year = latest?.Year,
            Value = latest?.Value,
            AbsValue = latest?.AbsValue,
            Lower95 = at95.Interval?.Lower is { } l95 && !double.IsNaN(l95) ? l95 : null,
            Upper95 = at95.Interval?.Upper,
            Lower998 = at998.Interval?.Lower is { } l998 && !double.IsNaN(l998) ? l998 : null,
            Upper998 = at998.Interval?.Upper,
            NoInterval = at95.Reason,
            SmallNumbers = latest is not null && rule.IsTooSmall(counts),
            MinimumEvents = rule.Minimum,
            Comparisons = comparisons,
            Trend = TrendOf(own, scale, direction),
        };
    }

    private static IntervalResult Interval(ObservedValue? point, ValueScale scale, ConfidenceLevel level) =>
        ConfidenceIntervals.ForSotkanetValue(point?.Value, point?.AbsValue, scale.Kind, scale.Multiplier, level);

    /// <summary>The number of events behind a value: the numerator, or the value itself for a plain count.</summary>
    private static double? Events(ObservedValue? point, ValueScale scale) =>
        point is null ? null : scale.Kind == ValueKind.Count ? point.AbsValue ?? point.Value : point.AbsValue;

    private static SignificantTrendResult TrendOf(IReadOnlyList<ObservedValue> own, ValueScale scale, IndicatorDirection direction)
    {
        var series = own.Where(v => v.Value is not null).OrderBy(v => v.Year).ToList();
        if (scale.Kind == ValueKind.Proportion)
        {
            // The chi-square test for trend needs the events and the population of each year.
            return SignificantTrend.ForProportions(series.Select(v => new TrendPoint(v.Year, v.AbsValue,
                v.AbsValue is { } a ? NullIfZero(ConfidenceIntervals.DerivedDenominator(v.Value!.Value, a, scale.Multiplier)) : null)), direction);
        }
        return SignificantTrend.ForIntervals(series.Select(v =>
        {
            var interval = Interval(v, scale, ConfidenceLevel.Percent95).Interval;
            return new TrendPoint(v.Year, null, null, v.Value, interval?.Lower, interval?.Upper);
        }), direction, scale.Kind);
    }

    private static double? NullIfZero(double value) => value > 0 ? value : null;
}
