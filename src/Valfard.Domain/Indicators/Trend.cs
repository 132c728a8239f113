namespace Valfard.Domain.Indicators;

public enum TrendKind
{
    NotEnoughData,
    Stable,
    Improving,
    Worsening,
    Rising,
    Falling,
}

public sealed record TrendResult(TrendKind Kind, int FromYear, int ToYear, int Points, decimal RelativeChangePercent);

/// <summary>
/// The trend rule: a least-squares line through the last five years that have a value (at least three). If the line
/// changes less than 5 % of the series' mean over those years, the trend is stable; otherwise it is improving or
/// worsening according to the indicator's direction, or rising or falling when no direction is set.
/// To be replaced by <see cref="Valfard.Domain.Statistics.SignificantTrend"/> (a significance test at 99.8 %,
/// docs/decisions/0016-statistics-methods.md); the pages still use this rule until they are switched over.
/// </summary>
public static class TrendRule
{
    public const int Years = 5;
    public const int MinimumPoints = 3;
    public const decimal StableThresholdPercent = 5m;

    public static TrendResult Evaluate(IEnumerable<(int Year, double? Value)> series, IndicatorDirection direction)
    {
        var points = series.Where(p => p.Value is not null).OrderBy(p => p.Year).TakeLast(Years)
            .Select(p => (X: (double)p.Year, Y: (double)p.Value!.Value)).ToList();
        if (points.Count < MinimumPoints)
        {
            return new TrendResult(TrendKind.NotEnoughData, 0, 0, points.Count, 0);
        }
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var span = points[^1].X - points[0].X;
        var change = meanY == 0 ? 0 : slope * span / Math.Abs(meanY) * 100;
        var percent = (decimal)Math.Round(change, 1);
        var kind = Math.Abs(percent) < StableThresholdPercent
            ? TrendKind.Stable
            : direction switch
            {
                IndicatorDirection.HigherIsBetter => percent > 0 ? TrendKind.Improving : TrendKind.Worsening,
                IndicatorDirection.LowerIsBetter => percent < 0 ? TrendKind.Improving : TrendKind.Worsening,
                _ => percent > 0 ? TrendKind.Rising : TrendKind.Falling,
            };
        return new TrendResult(kind, (int)points[0].X, (int)points[^1].X, points.Count, percent);
    }
}
