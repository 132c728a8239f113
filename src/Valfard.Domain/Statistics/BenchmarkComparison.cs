using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

public enum ComparisonOutcome
{
    NotCompared = 0,
    Similar = 1,
    Better = 2,
    Worse = 3,

    /// <summary>Higher than the benchmark where the indicator has no direction.</summary>
    Higher = 4,

    /// <summary>Lower than the benchmark where the indicator has no direction.</summary>
    Lower = 5,
}

public enum NotComparedReason
{
    NoValue = 0,
    NoInterval = 1,
    SmallNumbers = 2,
    NoBenchmarkValue = 3,
}

/// <summary>
/// The verdict of a comparison. <see cref="SignificantAt"/> is the highest confidence level at which the difference
/// holds (0.95 or 0.998; Fingertips' "Better" vs "Best"); null when similar or not compared.
/// </summary>
public sealed record ComparisonResult(ComparisonOutcome Outcome, double? SignificantAt = null, NotComparedReason? Reason = null)
{
    public bool IsCompared => Outcome != ComparisonOutcome.NotCompared;

    public string ResourceKey => Outcome switch
    {
        ComparisonOutcome.Better => StatisticsResourceKeys.ComparisonBetter,
        ComparisonOutcome.Worse => StatisticsResourceKeys.ComparisonWorse,
        ComparisonOutcome.Similar => StatisticsResourceKeys.ComparisonSimilar,
        ComparisonOutcome.Higher => StatisticsResourceKeys.ComparisonHigher,
        ComparisonOutcome.Lower => StatisticsResourceKeys.ComparisonLower,
        _ => Reason switch
        {
            NotComparedReason.NoValue => StatisticsResourceKeys.NotComparedNoValue,
            NotComparedReason.SmallNumbers => StatisticsResourceKeys.NotComparedSmallNumbers,
            NotComparedReason.NoBenchmarkValue => StatisticsResourceKeys.NotComparedNoBenchmark,
            _ => StatisticsResourceKeys.NotComparedNoInterval,
        },
    };

    public static ComparisonResult NotCompared(NotComparedReason reason) => new(ComparisonOutcome.NotCompared, null, reason);
}

/// <summary>
/// Compares an area's value with a benchmark (the county, the whole country, a peer group) the way Fingertips and
/// PHE do (docs/decisions/0016-statistics-methods.md). The rule Valfard uses is <see cref="Compare"/>: the area's
/// 95 % and 99.8 % intervals against the benchmark's point value; a benchmark outside an interval (strictly) is a
/// difference at that level. The other methods reproduce the published alternatives and serve peer groups with
/// intervals of their own and funnel plots.
/// </summary>
public static class BenchmarkComparison
{
    /// <summary>
    /// Valfard's comparison: a value shown but not compared when the small-number rule says so, when there is no
    /// interval or no benchmark; otherwise the area's intervals against the benchmark value at 95 % and 99.8 %.
    /// </summary>
    public static ComparisonResult Compare(
        IntervalResult at95,
        IntervalResult at998,
        double? benchmark,
        IndicatorDirection direction,
        SmallNumberCounts counts,
        SmallNumberRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(at95);
        ArgumentNullException.ThrowIfNull(at998);
        ArgumentNullException.ThrowIfNull(counts);
        if (at95.Reason == NoIntervalReason.MissingValue)
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoValue);
        }
        if ((rule ?? SmallNumberRule.Default).IsTooSmall(counts))
        {
            return ComparisonResult.NotCompared(NotComparedReason.SmallNumbers);
        }
        return AgainstValue(at95.Interval?.Lower, at95.Interval?.Upper, at998.Interval?.Lower, at998.Interval?.Upper, benchmark, direction);
    }

    /// <summary>One level: the benchmark value against the area's interval (Fingertips' single overlapping CIs, FingertipsNext).</summary>
    public static ComparisonResult AgainstValue(double? lower, double? upper, double? benchmark, IndicatorDirection direction, double level = 0.95)
    {
        if (benchmark is null || double.IsNaN(benchmark.Value))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoBenchmarkValue);
        }
        if (!IsInterval(lower, upper))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        return Verdict(Side(lower!.Value, upper!.Value, benchmark.Value), direction, level);
    }

    /// <summary>Two levels: as <see cref="AgainstValue(double?, double?, double?, IndicatorDirection, double)"/> at 95 %, and marked significant at 99.8 % when the wider interval also excludes the benchmark.</summary>
    public static ComparisonResult AgainstValue(
        double? lower95,
        double? upper95,
        double? lower998,
        double? upper998,
        double? benchmark,
        IndicatorDirection direction)
    {
        var at95 = AgainstValue(lower95, upper95, benchmark, direction);
        if (at95.Outcome is ComparisonOutcome.NotCompared or ComparisonOutcome.Similar)
        {
            return at95;
        }
        return IsInterval(lower998, upper998) && Side(lower998!.Value, upper998!.Value, benchmark!.Value) != 0
            ? at95 with { SignificantAt = 0.998 }
            : at95;
    }

    /// <summary>Two intervals (Fingertips' double overlapping CIs): different only when they do not overlap.</summary>
    public static ComparisonResult IntervalsOverlap(
        double? areaLower,
        double? areaUpper,
        double? benchmarkLower,
        double? benchmarkUpper,
        IndicatorDirection direction,
        double level = 0.95)
    {
        if (!IsInterval(areaLower, areaUpper) || !IsInterval(benchmarkLower, benchmarkUpper))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        var side = areaLower > benchmarkUpper ? 1 : areaUpper < benchmarkLower ? -1 : 0;
        return Verdict(side, direction, level);
    }

    /// <summary>
    /// Fingertips' "SPC for proportions": Wilson control limits around the expected count E = n × p₀ of the area's
    /// denominator, (2E + z² ∓ z√(z² + 4E(1 − E/n))) / (2(n + z²)); the area's proportion outside them differs.
    /// Proportions as fractions (0–1).
    /// </summary>
    public static ComparisonResult ProportionControlLimits(double proportion, double denominator, double benchmarkProportion, ConfidenceLevel level, IndicatorDirection direction)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (double.IsNaN(benchmarkProportion))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoBenchmarkValue);
        }
        if (!(denominator > 0) || benchmarkProportion is < 0 or > 1)
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        var limits = ConfidenceIntervals.Wilson(denominator * benchmarkProportion, denominator, level);
        return Verdict(Outside(proportion, limits.Lower, limits.Upper), direction, level.Confidence);
    }

    /// <summary>
    /// PHE's funnel plot for proportions: limits p₀ ± z√(p₀(1 − p₀)/n) at 95 % and 99.8 % around the benchmark
    /// (e.g. the pooled average); the area's proportion numerator/denominator outside them differs.
    /// </summary>
    public static ComparisonResult ProportionFunnel(double numerator, double denominator, double benchmarkProportion, IndicatorDirection direction)
    {
        if (double.IsNaN(benchmarkProportion))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoBenchmarkValue);
        }
        if (!(denominator > 0) || benchmarkProportion is < 0 or > 1)
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        var proportion = numerator / denominator;
        var spread = Math.Sqrt(benchmarkProportion * (1 - benchmarkProportion) / denominator);
        int SideAt(ConfidenceLevel level) =>
            Outside(proportion, benchmarkProportion - (level.Z * spread), benchmarkProportion + (level.Z * spread));
        return TwoLevels(SideAt(ConfidenceLevel.Percent95), SideAt(ConfidenceLevel.Percent998), direction);
    }

    /// <summary>
    /// Control limits for a crude rate around the benchmark: the exact Poisson limits of the expected count
    /// E = benchmark × denominator / multiplier (chi-square form, E need not be whole), divided by the denominator
    /// and multiplied (Fingertips' SPC for rates).
    /// </summary>
    public static ComparisonResult RateControlLimits(double rate, double denominator, double benchmarkRate, double multiplier, ConfidenceLevel level, IndicatorDirection direction)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (double.IsNaN(benchmarkRate))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoBenchmarkValue);
        }
        if (!(denominator > 0) || !(multiplier > 0) || !(benchmarkRate >= 0))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        var expected = benchmarkRate * denominator / multiplier;
        var (lower, upper) = ConfidenceIntervals.ExactPoissonLimits(expected, level);
        var factor = multiplier / denominator;
        return Verdict(Outside(rate, lower * factor, upper * factor), direction, level.Confidence);
    }

    /// <summary>
    /// An observed count against an expected count (a ratio against 1, e.g. a standardised ratio against 100): the
    /// observed count's interval (exact below 10, Byar from 10) divided by the expected count, at 95 % and 99.8 %
    /// (PHE's funnel significance for ratios).
    /// </summary>
    public static ComparisonResult ObservedAgainstExpected(double observed, double expected, IndicatorDirection direction)
    {
        if (!(expected > 0))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoBenchmarkValue);
        }
        if (!(observed >= 0))
        {
            return ComparisonResult.NotCompared(NotComparedReason.NoInterval);
        }
        int SideAt(ConfidenceLevel level)
        {
            var interval = ConfidenceIntervals.Count(observed, level);
            return Side(interval.Lower / expected, interval.Upper / expected, 1);
        }
        return TwoLevels(SideAt(ConfidenceLevel.Percent95), SideAt(ConfidenceLevel.Percent998), direction);
    }

    /// <summary>Reads a side (+1 above, −1 below, 0 neither) with the indicator's direction.</summary>
    public static ComparisonOutcome Read(int side, IndicatorDirection direction) => (side, direction) switch
    {
        (0, _) => ComparisonOutcome.Similar,
        ( > 0, IndicatorDirection.HigherIsBetter) => ComparisonOutcome.Better,
        ( > 0, IndicatorDirection.LowerIsBetter) => ComparisonOutcome.Worse,
        ( > 0, _) => ComparisonOutcome.Higher,
        (_, IndicatorDirection.HigherIsBetter) => ComparisonOutcome.Worse,
        (_, IndicatorDirection.LowerIsBetter) => ComparisonOutcome.Better,
        _ => ComparisonOutcome.Lower,
    };

    private static ComparisonResult TwoLevels(int side95, int side998, IndicatorDirection direction)
    {
        if (side998 != 0)
        {
            return Verdict(side998, direction, 0.998);
        }
        return Verdict(side95, direction, 0.95);
    }

    private static ComparisonResult Verdict(int side, IndicatorDirection direction, double level) =>
        side == 0 ? new ComparisonResult(ComparisonOutcome.Similar) : new ComparisonResult(Read(side, direction), level);

    /// <summary>+1 when the interval lies above the benchmark, −1 below it, 0 when it contains it (strict).</summary>
    private static int Side(double lower, double upper, double benchmark) => lower > benchmark ? 1 : upper < benchmark ? -1 : 0;

    /// <summary>+1 when the value is above the limits, −1 below, 0 within (strict).</summary>
    private static int Outside(double value, double lower, double upper) => value > upper ? 1 : value < lower ? -1 : 0;

    private static bool IsInterval(double? lower, double? upper) =>
        lower is { } l && upper is { } u && !double.IsNaN(l) && !double.IsNaN(u) && l <= u;
}
