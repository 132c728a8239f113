using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

/// <summary>One year of an own indicator in one area: the value and, where entered, the count and the population it is of.</summary>
public sealed record AreaObservation(int Year, double Value, double? Count, double? Denominator);

/// <summary>Why a district was shown but not compared with the whole municipality.</summary>
public enum DistrictNotComparedReason
{
    /// <summary>The whole municipality has no value for the district's year.</summary>
    NoWholeValue = 0,

    /// <summary>The unit is not a share or a rate: a district's count is part of the municipality's count, not comparable with it.</summary>
    NotShareOrRate = 1,

    /// <summary>No count (numerator) was entered, so the value has no interval.</summary>
    NoCount = 2,

    /// <summary>Fewer events than the small-number rule asks for.</summary>
    SmallNumbers = 3,

    /// <summary>The count, denominator and value contradict each other (more events than people in a share).</summary>
    InconsistentNumbers = 4,
}

/// <summary>
/// A district against its whole municipality in the district's latest year (docs/decisions/0023-differences-between-groups.md):
/// the district's 95 % and 99.8 % intervals, from the count and denominator entered with its value, against the whole
/// municipality's value, as the county and the country are judged (<see cref="BenchmarkComparison.Compare"/>). The
/// whole contains the district, which makes the test a little cautious, as it is in Fingertips' area-against-England
/// comparisons; no interval is invented where no count was entered.
/// </summary>
public sealed record DistrictComparison(int Year, double Value, double? Lower95, double? Upper95, double? WholeValue, ComparisonResult Result,
    DistrictNotComparedReason? NotCompared)
{
    public string ResourceKey => NotCompared is { } reason ? $"Districts.NotCompared.{reason}" : Result.ResourceKey;

    /// <summary>Null when the district has no value at all.</summary>
    public static DistrictComparison? Of(IReadOnlyList<AreaObservation> district, IReadOnlyList<AreaObservation> whole, ValueScale scale,
        IndicatorDirection direction, SmallNumberRule rule)
    {
        ArgumentNullException.ThrowIfNull(district);
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(rule);
        var latest = district.Where(v => double.IsFinite(v.Value)).MaxBy(v => v.Year);
        if (latest is null)
        {
            return null;
        }
        var wholeValue = whole.FirstOrDefault(v => v.Year == latest.Year)?.Value;
        var at95 = Interval(latest, scale, ConfidenceLevel.Percent95, out var why);
        var at998 = Interval(latest, scale, ConfidenceLevel.Percent998, out _);
        DistrictComparison Refused(DistrictNotComparedReason reason, NotComparedReason general) =>
            new(latest.Year, latest.Value, at95?.Lower, at95?.Upper, wholeValue, ComparisonResult.NotCompared(general), reason);
        // A small count is said before contradicting numbers: 0 events give no denominator to derive.
        if (why is { } reason && reason != DistrictNotComparedReason.InconsistentNumbers)
        {
            return Refused(reason, NotComparedReason.NoInterval);
        }
        if (rule.IsTooSmall(new SmallNumberCounts(latest.Count)))
        {
            return Refused(DistrictNotComparedReason.SmallNumbers, NotComparedReason.SmallNumbers);
        }
        if (why is { } inconsistent)
        {
            return Refused(inconsistent, NotComparedReason.NoInterval);
        }
        if (wholeValue is null)
        {
            return Refused(DistrictNotComparedReason.NoWholeValue, NotComparedReason.NoBenchmarkValue);
        }
        var result = BenchmarkComparison.AgainstValue(at95!.Lower, at95.Upper, at998!.Lower, at998.Upper, wholeValue, direction);
        return new DistrictComparison(latest.Year, latest.Value, at95.Lower, at95.Upper, wholeValue, result, null);
    }

    /// <summary>
    /// The interval from the entered count and denominator: Wilson for a share, Byar (exact below 10) for a rate. Where
    /// only the count was entered the denominator follows from the value and the scale, as for Sotkanet's numerators.
    /// </summary>
    private static ConfidenceInterval? Interval(AreaObservation point, ValueScale scale, ConfidenceLevel level, out DistrictNotComparedReason? why)
    {
        why = null;
        if (scale.Kind is not (ValueKind.Proportion or ValueKind.CrudeRate))
        {
            why = DistrictNotComparedReason.NotShareOrRate;
            return null;
        }
        if (point.Count is not { } count)
        {
            why = DistrictNotComparedReason.NoCount;
            return null;
        }
        var denominator = point.Denominator ?? ConfidenceIntervals.DerivedDenominator(point.Value, count, scale.Multiplier);
        if (!(denominator >= 1) || count < 0 || (scale.Kind == ValueKind.Proportion && count > denominator))
        {
            why = DistrictNotComparedReason.InconsistentNumbers;
            return null;
        }
        var interval = scale.Kind == ValueKind.Proportion
            ? ConfidenceIntervals.Wilson(count, denominator, level, scale.Multiplier)
            : ConfidenceIntervals.Rate(count, denominator, level, scale.Multiplier);
        // The value as entered stays the point estimate; the limits come from the counts.
        return interval with { Value = point.Value };
    }
}
