using Valfard.Domain.Indicators;

namespace Valfard.Domain.Plans;

/// <summary>A measure as the rule sees it in a round: late or not, and whether its owner has reported on it.</summary>
public sealed record MeasureInRound(bool Late, bool Reported);

/// <summary>What the rule saw for one goal, so that the page can show the numbers behind the assessment.</summary>
public sealed record AssessmentBasis(Assessment? Assessment, int IndicatorsWithData, int Improving, int Worsening, int Measures, int Late);

/// <summary>
/// The assessment rule for a goal in a follow-up round of year Y.
/// <para>
/// Indicators: every follow-up indicator of the goal and of its measures that has a baseline, a target and a value
/// in a year after the baseline year and no later than Y (the latest such value counts). Its progress is the share of
/// the way from the baseline to the target: (actual − baseline) / (target − baseline); 1 means the target is reached,
/// below 0 means it moved away. When the target equals the baseline (keep the level), progress is 1 if the value is
/// at the baseline or on its better side by the indicator's direction, otherwise −1. An indicator is improving when
/// its progress is above 0 and worsening when it is below 0.
/// </para>
/// <para>
/// Measures: a measure is late when it is postponed, or when it is not done although its schedule ended before Y. A
/// measure scheduled to start after Y is not counted in the round of Y.
/// </para>
/// <para>
/// Off track when more than half of the indicators with data are worsening or more than half of the measures are
/// late. On track when at least half of the indicators with data are improving (or none has data) and at most a
/// quarter of the measures are late. At risk otherwise. Not assessable when no indicator has data and no measure has
/// been reported on: silence is not progress.
/// </para>
/// </summary>
public static class AssessmentRule
{
    public const double OffTrackShare = 0.5;
    public const double OnTrackImprovingShare = 0.5;
    public const double OnTrackLateShare = 0.25;

    /// <summary>Share of the way from baseline to target, or null when something is missing.</summary>
    public static double? Progress(double? baseline, double? target, double? actual, IndicatorDirection direction)
    {
        if (baseline is not { } from || target is not { } to || actual is not { } now)
        {
            return null;
        }
        if (to != from)
        {
            return (now - from) / (to - from);
        }
        var kept = direction switch
        {
            IndicatorDirection.HigherIsBetter => now >= from,
            IndicatorDirection.LowerIsBetter => now <= from,
            _ => now == from,
        };
        return kept ? 1 : -1;
    }

    public static AssessmentBasis Assess(IEnumerable<double?> indicatorProgress, IEnumerable<MeasureInRound> measures)
    {
        ArgumentNullException.ThrowIfNull(indicatorProgress);
        ArgumentNullException.ThrowIfNull(measures);
        var progress = indicatorProgress.OfType<double>().ToList();
        var counted = measures.ToList();
        var late = counted.Select(m => m.Late).ToList();
        var improving = progress.Count(p => p > 0);
        var worsening = progress.Count(p => p < 0);
        var lateCount = late.Count(l => l);
        if (progress.Count == 0 && !counted.Any(m => m.Reported))
        {
            return new AssessmentBasis(null, 0, 0, 0, late.Count, lateCount);
        }
        var worseningShare = progress.Count == 0 ? 0 : (double)worsening / progress.Count;
        var improvingShare = progress.Count == 0 ? 1 : (double)improving / progress.Count;
        var lateShare = late.Count == 0 ? 0 : (double)lateCount / late.Count;
        Assessment assessment;
        if (worseningShare > OffTrackShare || lateShare > OffTrackShare)
        {
            assessment = Assessment.OffTrack;
        }
        else if (improvingShare >= OnTrackImprovingShare && lateShare <= OnTrackLateShare)
        {
            assessment = Assessment.OnTrack;
        }
        else
        {
            assessment = Assessment.AtRisk;
        }
        return new AssessmentBasis(assessment, progress.Count, improving, worsening, late.Count, lateCount);
    }

    /// <summary>The value that counts for year Y: the latest one after the baseline year and no later than Y.</summary>
    public static (int Year, double Value)? ActualFor(IEnumerable<(int Year, double Value)> values, int? baselineYear, int year) =>
        values.Where(v => v.Year <= year && (baselineYear is null || v.Year > baselineYear))
            .OrderByDescending(v => v.Year).Select(v => ((int, double)?)v).FirstOrDefault();
}
