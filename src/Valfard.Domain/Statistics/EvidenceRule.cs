using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Statistics;

/// <summary>Why an indicator's analysis suggests nothing, or cannot say whether it still supports an observation.</summary>
public enum EvidenceGap
{
    /// <summary>The indicator has no latest value for the own area.</summary>
    NoData = 1,

    /// <summary>
    /// Nobody has said which way is good: "higher" and "lower" are facts, not joys or concerns, so the rule does not
    /// guess a direction.
    /// </summary>
    NoDirection = 2,

    /// <summary>The small-number rule kept the value from being compared.</summary>
    SmallNumbers = 3,

    /// <summary>No benchmark could be compared (no interval, no benchmark value).</summary>
    NotCompared = 4,

    /// <summary>The trend could not be tested (too few years, no counts).</summary>
    NoTrend = 5,

    /// <summary>Compared and tested, but no benchmark differs and the trend agrees in the same direction.</summary>
    NoSignal = 6,
}

/// <summary>Whether the current data still support a saved joy or concern.</summary>
public enum EvidenceSupport
{
    StillSupports = 1,
    NoLongerSupports = 2,
    CannotTell = 3,
}

/// <summary>
/// What the rule read from one analysis. <see cref="Kind"/> is the suggested observation, or null with
/// <see cref="Gap"/> saying why none; <see cref="Benchmarks"/> are the benchmark kinds ("county", "country",
/// "peers") that were significantly worse (for a concern) or better (for a joy).
/// </summary>
public sealed record EvidenceReading(ObservationKind? Kind, EvidenceGap? Gap, IReadOnlyList<string> Benchmarks, SignificantTrendOutcome Trend)
{
    public bool IsCandidate => Kind is not null;
}

/// <summary>
/// The suggestion rule for joys and concerns (issue 15 §5, ADR 0022). A candidate concern is an indicator that is
/// significantly worse than at least one benchmark (county, country or the peers' median) AND whose tested trend is
/// worsening; a candidate joy is significantly better than at least one benchmark AND improving. Both halves are
/// needed: a value worse than the county but improving is a municipality catching up, and a worsening trend that is
/// still better than everyone is not yet a concern. Pure: it reads only the analysis and the direction.
/// </summary>
public static class EvidenceRule
{
    public static EvidenceReading Read(IndicatorAnalysis? analysis, IndicatorDirection direction)
    {
        if (analysis?.Year is null || analysis.Value is null)
        {
            return None(EvidenceGap.NoData, analysis);
        }
        if (direction is not (IndicatorDirection.HigherIsBetter or IndicatorDirection.LowerIsBetter))
        {
            return None(EvidenceGap.NoDirection, analysis);
        }
        if (analysis.SmallNumbers)
        {
            return None(EvidenceGap.SmallNumbers, analysis);
        }
        if (!analysis.Comparisons.Any(c => c.Result.IsCompared))
        {
            return None(EvidenceGap.NotCompared, analysis);
        }
        var worse = Kinds(analysis, ComparisonOutcome.Worse);
        var better = Kinds(analysis, ComparisonOutcome.Better);
        var trend = analysis.Trend.Outcome;
        if (worse.Count > 0 && IsWorsening(trend))
        {
            return new EvidenceReading(ObservationKind.Concern, null, worse, trend);
        }
        if (better.Count > 0 && IsImproving(trend))
        {
            return new EvidenceReading(ObservationKind.Joy, null, better, trend);
        }
        // A difference with an untested trend is not a signal either way, but the page should say the trend is why.
        if ((worse.Count > 0 || better.Count > 0) && trend == SignificantTrendOutcome.CannotBeCalculated)
        {
            return None(EvidenceGap.NoTrend, analysis);
        }
        return None(EvidenceGap.NoSignal, analysis);
    }

    /// <summary>
    /// Whether today's analysis still supports a saved observation of <paramref name="kind"/>: the same test as the
    /// suggestion (a difference in the observation's way against a benchmark and a trend the same way). Cannot tell
    /// when the rule cannot be applied at all (no direction, small numbers, no data, nothing compared, no trend).
    /// </summary>
    public static (EvidenceSupport Support, EvidenceGap? Gap) Supports(ObservationKind kind, IndicatorAnalysis? analysis, IndicatorDirection direction)
    {
        var reading = Read(analysis, direction);
        if (reading.Kind == kind)
        {
            return (EvidenceSupport.StillSupports, null);
        }
        return reading.Gap is EvidenceGap.NoData or EvidenceGap.NoDirection or EvidenceGap.SmallNumbers or EvidenceGap.NotCompared or EvidenceGap.NoTrend
            ? (EvidenceSupport.CannotTell, reading.Gap)
            : (EvidenceSupport.NoLongerSupports, null);
    }

    public static bool IsWorsening(SignificantTrendOutcome trend) =>
        trend is SignificantTrendOutcome.IncreasingAndWorsening or SignificantTrendOutcome.DecreasingAndWorsening;

    public static bool IsImproving(SignificantTrendOutcome trend) =>
        trend is SignificantTrendOutcome.IncreasingAndImproving or SignificantTrendOutcome.DecreasingAndImproving;

    private static List<string> Kinds(IndicatorAnalysis analysis, ComparisonOutcome outcome) =>
        analysis.Comparisons.Where(c => c.Result.Outcome == outcome).Select(c => c.Kind).ToList();

    private static EvidenceReading None(EvidenceGap gap, IndicatorAnalysis? analysis) =>
        new(null, gap, [], analysis?.Trend.Outcome ?? SignificantTrendOutcome.CannotBeCalculated);
}
