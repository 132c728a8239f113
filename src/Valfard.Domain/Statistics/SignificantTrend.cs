using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

public enum SignificantTrendOutcome
{
    CannotBeCalculated = 0,
    NoSignificantChange = 1,

    /// <summary>Significantly increasing; the indicator has no direction.</summary>
    Increasing = 2,

    /// <summary>Significantly decreasing; the indicator has no direction.</summary>
    Decreasing = 3,
    IncreasingAndImproving = 4,
    IncreasingAndWorsening = 5,
    DecreasingAndImproving = 6,
    DecreasingAndWorsening = 7,
}

public enum TrendNotCalculatedReason
{
    /// <summary>Fewer than five points in an unbroken run back from the latest.</summary>
    TooFewPoints = 0,

    /// <summary>The counts (events and denominator) are missing.</summary>
    MissingCounts = 1,

    /// <summary>A point has no events or only events (a logit cannot be taken).</summary>
    AllOrNoEvents = 2,

    /// <summary>A point has no usable confidence interval (missing or zero width).</summary>
    MissingIntervals = 3,

    /// <summary>The kind of value is not one the test applies to (indices, standardised ratios…).</summary>
    UnsupportedValueKind = 4,
}

/// <summary>One year of a series. Only what the chosen test needs must be set; missing is null.</summary>
public sealed record TrendPoint(int Year, double? Count, double? Denominator, double? Value = null, double? Lower95 = null, double? Upper95 = null);

public sealed record SignificantTrendResult(
    SignificantTrendOutcome Outcome,
    TrendNotCalculatedReason? Reason,
    double ChiSquare,
    int PointsUsed,
    int FromYear,
    int ToYear)
{
    public bool IsSignificant => Outcome is not (SignificantTrendOutcome.CannotBeCalculated or SignificantTrendOutcome.NoSignificantChange);

    /// <summary>+1 increasing, −1 decreasing, 0 otherwise.</summary>
    public int Sign => Outcome switch
    {
        SignificantTrendOutcome.Increasing or SignificantTrendOutcome.IncreasingAndImproving or SignificantTrendOutcome.IncreasingAndWorsening => 1,
        SignificantTrendOutcome.Decreasing or SignificantTrendOutcome.DecreasingAndImproving or SignificantTrendOutcome.DecreasingAndWorsening => -1,
        _ => 0,
    };

    public string ResourceKey => Outcome switch
    {
        SignificantTrendOutcome.Increasing => StatisticsResourceKeys.TrendIncreasing,
        SignificantTrendOutcome.Decreasing => StatisticsResourceKeys.TrendDecreasing,
        SignificantTrendOutcome.IncreasingAndImproving => StatisticsResourceKeys.TrendIncreasingImproving,
        SignificantTrendOutcome.IncreasingAndWorsening => StatisticsResourceKeys.TrendIncreasingWorsening,
        SignificantTrendOutcome.DecreasingAndImproving => StatisticsResourceKeys.TrendDecreasingImproving,
        SignificantTrendOutcome.DecreasingAndWorsening => StatisticsResourceKeys.TrendDecreasingWorsening,
        SignificantTrendOutcome.NoSignificantChange => StatisticsResourceKeys.TrendNoSignificantChange,
        _ => Reason switch
        {
            TrendNotCalculatedReason.MissingCounts => StatisticsResourceKeys.TrendMissingCounts,
            TrendNotCalculatedReason.AllOrNoEvents => StatisticsResourceKeys.TrendAllOrNoEvents,
            TrendNotCalculatedReason.MissingIntervals => StatisticsResourceKeys.TrendMissingIntervals,
            TrendNotCalculatedReason.UnsupportedValueKind => StatisticsResourceKeys.TrendUnsupportedValueKind,
            _ => StatisticsResourceKeys.TrendTooFewPoints,
        },
    };

    internal static SignificantTrendResult NotCalculated(TrendNotCalculatedReason reason) =>
        new(SignificantTrendOutcome.CannotBeCalculated, reason, 0, 0, 0, 0);
}

/// <summary>
/// The recent-trend test over the five most recent points at 99.8 % (χ² with 1 degree of freedom above
/// 9.5495), as Fingertips' recent-trend marker (docs/decisions/0016-statistics-methods.md). It replaces the "5 %
/// rule" of <see cref="TrendRule"/>, which the pages still use until they are switched over.
/// <list type="bullet">
/// <item><see cref="ForProportions"/>: the chi-square test for trend in proportions on counts and denominators,
/// with the rule that the logit slope must keep its sign when any one point is left out.</item>
/// <item><see cref="ForIntervals"/>: for rates, counts and other values with 95 % intervals: a weighted
/// regression (weights 1/SE², SE from the interval width) with the same leave-one-out rule.</item>
/// <item><see cref="ForCountsExpandingWindow"/>: the 2016–2019 Fingertips variant (no leave-one-out rule; when five
/// points are not significant it tries six, seven…), kept to reproduce its published cases; not the default.</item>
/// </list>
/// Points are taken as an unbroken run back from the latest year; a point missing what the test needs ends the run.
/// </summary>
public static class SignificantTrend
{
    public const int Points = 5;

    /// <summary>χ² with 1 degree of freedom at 99.8 % (CHIINV(0.002, 1)).</summary>
    public const double CriticalChiSquare998 = 9.54953570608324;

    /// <summary>The chi-square test for trend in proportions on the five most recent points (counts and denominators).</summary>
    public static SignificantTrendResult ForProportions(IEnumerable<TrendPoint> series, IndicatorDirection direction)
    {
        var run = RecentRun(series, HasCounts);
        if (run.Count < Points)
        {
            return SignificantTrendResult.NotCalculated(run.Count == 0 && series.Any() ? TrendNotCalculatedReason.MissingCounts : TrendNotCalculatedReason.TooFewPoints);
        }
        var points = run.TakeLast(Points).ToList();
        if (points.Any(p => p.Count <= 0 || p.Count >= p.Denominator))
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.AllOrNoEvents);
        }
        var chiSquare = ChiSquareForTrend(points);
        var logits = points.Select(p => Math.Log(p.Count!.Value / (p.Denominator!.Value - p.Count.Value))).ToList();
        var slope = SlopeWithStableSign(logits, null);
        return Result(points, chiSquare, slope, direction);
    }

    /// <summary>
    /// A weighted regression of the value on time over the five most recent points, weights 1/SE² with
    /// SE = (upper95 − lower95)/3.92; χ² = (b/SE(b))². For proportions, crude rates, counts and age-standardised
    /// rates; other kinds cannot be calculated.
    /// </summary>
    public static SignificantTrendResult ForIntervals(IEnumerable<TrendPoint> series, IndicatorDirection direction, ValueKind kind)
    {
        if (kind is not (ValueKind.Proportion or ValueKind.CrudeRate or ValueKind.Count or ValueKind.AgeStandardisedRate))
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.UnsupportedValueKind);
        }
        var run = RecentRun(series, p => p.Value is { } v && !double.IsNaN(v));
        if (run.Count < Points)
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.TooFewPoints);
        }
        var points = run.TakeLast(Points).ToList();
        if (points.Any(p => !(p.Upper95 - p.Lower95 > 0)))
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.MissingIntervals);
        }
        var values = points.Select(p => p.Value!.Value).ToList();
        var weights = points.Select(p => 1 / Math.Pow((p.Upper95!.Value - p.Lower95!.Value) / 3.92, 2)).ToList();
        var (slope, standardError) = WeightedSlope(values, weights, skip: -1);
        var chiSquare = Math.Pow(slope / standardError, 2);
        return Result(points, chiSquare, SlopeWithStableSign(values, weights), direction);
    }

    /// <summary>
    /// The 2016–2019 Fingertips marker: the chi-square test for trend on the most recent five valid points, then six,
    /// seven… until significant; direction from the slope of logit (proportion) or log (crude rate) of count/denominator.
    /// </summary>
    public static SignificantTrendResult ForCountsExpandingWindow(IEnumerable<TrendPoint> series, IndicatorDirection direction, ValueKind kind)
    {
        if (kind is not (ValueKind.Proportion or ValueKind.CrudeRate))
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.UnsupportedValueKind);
        }
        var run = RecentRun(series, HasCounts);
        if (run.Count < Points)
        {
            return SignificantTrendResult.NotCalculated(TrendNotCalculatedReason.TooFewPoints);
        }
        SignificantTrendResult? last = null;
        for (var length = Points; length <= run.Count; length++)
        {
            var points = run.TakeLast(length).ToList();
            var chiSquare = ChiSquareForTrend(points);
            var transformed = points.Select(p =>
            {
                var share = p.Count!.Value / p.Denominator!.Value;
                return kind == ValueKind.Proportion ? Math.Log(share / (1 - share)) : Math.Log(share);
            }).ToList();
            last = Result(points, chiSquare, Slope(transformed, null, -1), direction);
            if (last.IsSignificant)
            {
                break;
            }
        }
        return last!;
    }

    /// <summary>
    /// χ² = N(N·ΣOᵢtᵢ − O·Σnᵢtᵢ)² / (O(N − O)(N·Σnᵢtᵢ² − (Σnᵢtᵢ)²)) with t = 1… from the oldest point.
    /// </summary>
    public static double ChiSquareForTrend(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double total = 0, events = 0, eventsT = 0, totalT = 0, totalT2 = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var t = i + 1.0;
            var o = points[i].Count!.Value;
            var n = points[i].Denominator!.Value;
            total += n;
            events += o;
            eventsT += o * t;
            totalT += n * t;
            totalT2 += n * t * t;
        }
        var numerator = total * Math.Pow((total * eventsT) - (events * totalT), 2);
        var denominator = events * (total - events) * ((total * totalT2) - (totalT * totalT));
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>Reads a significant rise or fall with the indicator's direction.</summary>
    public static SignificantTrendOutcome Read(int sign, IndicatorDirection direction) => (sign, direction) switch
    {
        (0, _) => SignificantTrendOutcome.NoSignificantChange,
        ( > 0, IndicatorDirection.HigherIsBetter) => SignificantTrendOutcome.IncreasingAndImproving,
        ( > 0, IndicatorDirection.LowerIsBetter) => SignificantTrendOutcome.IncreasingAndWorsening,
        ( > 0, _) => SignificantTrendOutcome.Increasing,
        (_, IndicatorDirection.HigherIsBetter) => SignificantTrendOutcome.DecreasingAndWorsening,
        (_, IndicatorDirection.LowerIsBetter) => SignificantTrendOutcome.DecreasingAndImproving,
        _ => SignificantTrendOutcome.Decreasing,
    };

    private static bool HasCounts(TrendPoint p) =>
        p.Count is { } o && p.Denominator is { } n && o >= 0 && n > 0 && !double.IsNaN(o) && !double.IsInfinity(n);

    private static List<TrendPoint> RecentRun(IEnumerable<TrendPoint> series, Func<TrendPoint, bool> valid)
    {
        ArgumentNullException.ThrowIfNull(series);
        var ordered = series.OrderBy(p => p.Year).ToList();
        var start = ordered.Count;
        while (start > 0 && valid(ordered[start - 1]))
        {
            start--;
        }
        return ordered.GetRange(start, ordered.Count - start);
    }

    private static SignificantTrendResult Result(List<TrendPoint> points, double chiSquare, double slope, IndicatorDirection direction)
    {
        var significant = chiSquare > CriticalChiSquare998 && slope != 0 && !double.IsNaN(slope);
        var outcome = significant ? Read(Math.Sign(slope), direction) : SignificantTrendOutcome.NoSignificantChange;
        return new SignificantTrendResult(outcome, null, double.IsNaN(chiSquare) ? 0 : chiSquare, points.Count, points[0].Year, points[^1].Year);
    }

    /// <summary>The slope over all points when it keeps its sign with each point left out in turn; otherwise 0.</summary>
    private static double SlopeWithStableSign(List<double> y, List<double>? weights)
    {
        var all = Slope(y, weights, -1);
        for (var skip = 0; skip < y.Count; skip++)
        {
            if (Math.Sign(Slope(y, weights, skip)) != Math.Sign(all))
            {
                return 0;
            }
        }
        return all;
    }

    private static double Slope(List<double> y, List<double>? weights, int skip) =>
        WeightedSlope(y, weights ?? Enumerable.Repeat(1.0, y.Count).ToList(), skip).Slope;

    /// <summary>Weighted least squares of y on t = 1…k (point <paramref name="skip"/> left out), with the slope's standard error √(Σw/(Σw·Σwt² − (Σwt)²)).</summary>
    private static (double Slope, double StandardError) WeightedSlope(List<double> y, List<double> weights, int skip)
    {
        double sw = 0, swt = 0, swy = 0, swtt = 0, swty = 0;
        for (var i = 0; i < y.Count; i++)
        {
            if (i == skip)
            {
                continue;
            }
            var t = i + 1.0;
            var w = weights[i];
            sw += w;
            swt += w * t;
            swy += w * y[i];
            swtt += w * t * t;
            swty += w * t * y[i];
        }
        var determinant = (sw * swtt) - (swt * swt);
        return (((sw * swty) - (swt * swy)) / determinant, Math.Sqrt(sw / determinant));
    }
}
