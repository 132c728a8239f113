using MathNet.Numerics;

namespace Valfard.Domain.Statistics;

/// <summary>
/// Confidence intervals for indicator values (docs/decisions/0016-statistics-methods.md): Wilson for proportions;
/// for counts and crude rates the exact Poisson interval below 10 events and Byar's method from 10 events, as in
/// PHE's indicator methods. Checked against PHEindicatormethods' test data and R output
/// (tests/Valfard.Domain.Tests/Statistics).
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>Counts below this use the exact Poisson interval, counts from it up Byar's method.</summary>
    public const double ExactPoissonBelow = 10;

    /// <summary>
    /// Wilson score interval for <paramref name="numerator"/> events of <paramref name="denominator"/>, multiplied by
    /// <paramref name="multiplier"/> (100 for per cent). 0 events give a lower limit of 0, all events an upper limit of
    /// the multiplier. The numerator need not be a whole number (weighted data).
    /// </summary>
    public static ConfidenceInterval Wilson(double numerator, double denominator, ConfidenceLevel level, double multiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (!(denominator > 0) || !(numerator >= 0) || numerator > denominator || double.IsInfinity(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"Wilson needs 0 ≤ numerator ≤ denominator and denominator > 0 (got {numerator} of {denominator}).");
        }
        CheckMultiplier(multiplier);
        var value = numerator / denominator * multiplier;
        if (double.IsPositiveInfinity(level.Z))
        {
            return new ConfidenceInterval(value, 0, multiplier, level, IntervalMethod.Wilson);
        }
        var z2 = level.Z * level.Z;
        var root = level.Z * Math.Sqrt(z2 + (4 * numerator * (1 - (numerator / denominator))));
        var divisor = 2 * (denominator + z2);
        var lower = numerator == 0 ? 0 : ((2 * numerator) + z2 - root) / divisor;
        var upper = numerator == denominator ? 1 : ((2 * numerator) + z2 + root) / divisor;
        return new ConfidenceInterval(value, lower * multiplier, upper * multiplier, level, IntervalMethod.Wilson);
    }

    /// <summary>
    /// Byar's limits for a count: lower = O(1 − 1/(9O) − z/(3√O))³, upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    /// The lower limit is <see cref="double.NaN"/> where the formula goes below zero (1 event at 99.8 %), as PHE
    /// returns NA; 0 events give 0. Use <see cref="Count"/> for the PHE rule that switches to exact limits below 10.
    /// </summary>
    public static (double Lower, double Upper) ByarLimits(double count, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        CheckCount(count);
        var z = level.Z;
        double lower;
        if (count == 0)
        {
            lower = 0;
        }
        else
        {
            lower = count * Math.Pow(1 - (1 / (9 * count)) - (z / (3 * Math.Sqrt(count))), 3);
            if (lower < 0)
            {
                lower = double.NaN;
            }
        }
        var next = count + 1;
        var upper = next * Math.Pow(1 - (1 / (9 * next)) + (z / (3 * Math.Sqrt(next))), 3);
        return (lower, upper);
    }

    /// <summary>
    /// The exact Poisson limits for a count: lower = χ²(α/2; 2O)/2 (0 for 0 events), upper = χ²(1 − α/2; 2O + 2)/2,
    /// i.e. Excel's CHIINV(0.5 + cl/200, 2O)/2 and CHIINV(0.5 − cl/200, 2O + 2)/2.
    /// </summary>
    public static (double Lower, double Upper) ExactPoissonLimits(double count, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        CheckCount(count);
        var tail = level.TailProbability;
        var lower = count == 0 || tail == 0 ? 0 : GammaQuantile(count, tail);
        var upper = tail == 0 ? double.PositiveInfinity : GammaQuantile(count + 1, 1 - tail);
        return (lower, upper);
    }

    /// <summary>The quantile of a gamma distribution with the given shape and scale 1 (half a chi-square quantile with 2·shape degrees of freedom).</summary>
    internal static double GammaQuantile(double shape, double probability) =>
        SpecialFunctions.GammaLowerRegularizedInv(shape, probability);

    /// <summary>An interval for a count of events: exact below 10 events, Byar from 10 (PHE).</summary>
    public static ConfidenceInterval Count(double count, ConfidenceLevel level)
    {
        CheckCount(count);
        var exact = count < ExactPoissonBelow;
        var (lower, upper) = exact ? ExactPoissonLimits(count, level) : ByarLimits(count, level);
        return new ConfidenceInterval(count, lower, upper, level, exact ? IntervalMethod.ExactPoisson : IntervalMethod.Byar);
    }

    /// <summary>
    /// A crude rate: <paramref name="count"/> events per <paramref name="denominator"/> population, times
    /// <paramref name="multiplier"/> (1,000, 10,000, 100,000…); the count's interval divided by the denominator
    /// and multiplied. The rate may exceed the multiplier (more events than people).
    /// </summary>
    public static ConfidenceInterval Rate(double count, double denominator, ConfidenceLevel level, double multiplier = 1)
    {
        if (!(denominator > 0) || double.IsInfinity(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be positive.");
        }
        CheckMultiplier(multiplier);
        var limits = Count(count, level);
        var factor = multiplier / denominator;
        return limits with { Value = count * factor, Lower = limits.Lower * factor, Upper = limits.Upper * factor };
    }

    /// <summary>
    /// The interval for a value as Sotkanet gives it: <paramref name="value"/> on a known <paramref name="scale"/>
    /// (100 for per cent, 1,000 for per mille or per 1,000 inhabitants…) with the numerator
    /// <paramref name="absValue"/>. The denominator is derived as absValue / value × scale and rounded to a whole
    /// number (populations are whole; the value itself is rounded, so the derived denominator is approximate). A
    /// <see cref="ValueKind.Count"/> uses absValue (or the value) as the count. Kinds without a method, and missing
    /// or contradictory numbers, give a reason and no interval.
    /// </summary>
    public static IntervalResult ForSotkanetValue(double? value, double? absValue, ValueKind kind, double scale, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        switch (kind)
        {
            case ValueKind.Index:
                return IntervalResult.None(NoIntervalReason.Index);
            case ValueKind.AgeStandardisedRate:
                return IntervalResult.None(NoIntervalReason.AgeStandardisedWithoutCounts);
            case ValueKind.SurveyEstimate:
                return IntervalResult.None(NoIntervalReason.SurveyWithoutSampleSize);
            case ValueKind.IndirectlyStandardisedRatio or ValueKind.Other:
                return IntervalResult.None(NoIntervalReason.UnsupportedValueKind);
        }
        if (value is not { } v || double.IsNaN(v))
        {
            return IntervalResult.None(NoIntervalReason.MissingValue);
        }
        if (kind == ValueKind.Count)
        {
            var count = absValue ?? v;
            return count >= 0 && !double.IsInfinity(count)
                ? IntervalResult.Of(Count(count, level))
                : IntervalResult.None(NoIntervalReason.InconsistentNumbers);
        }
        if (absValue is not { } numerator || double.IsNaN(numerator))
        {
            return IntervalResult.None(NoIntervalReason.MissingNumerator);
        }
        if (!(scale > 0) || double.IsInfinity(scale) || !(v > 0))
        {
            return v < 0 ? IntervalResult.None(NoIntervalReason.InconsistentNumbers) : IntervalResult.None(NoIntervalReason.DenominatorNotDerivable);
        }
        if (numerator <= 0)
        {
            return IntervalResult.None(numerator < 0 ? NoIntervalReason.InconsistentNumbers : NoIntervalReason.DenominatorNotDerivable);
        }
        var denominator = DerivedDenominator(v, numerator, scale);
        if (denominator < 1)
        {
            return IntervalResult.None(NoIntervalReason.DenominatorNotDerivable);
        }
        if (kind == ValueKind.Proportion)
        {
            if (numerator > denominator)
            {
                return IntervalResult.None(NoIntervalReason.InconsistentNumbers);
            }
            // Keep the published value as the point estimate; the limits come from the counts.
            return IntervalResult.Of(Wilson(numerator, denominator, level, scale) with { Value = v });
        }
        return IntervalResult.Of(Rate(numerator, denominator, level, scale) with { Value = v });
    }

    /// <summary>A survey proportion (per cent when <paramref name="scale"/> is 100) with the number of respondents: Wilson on respondents × share.</summary>
    public static IntervalResult ForSurveyProportion(double? value, double? respondents, double scale, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (value is not { } v || double.IsNaN(v))
        {
            return IntervalResult.None(NoIntervalReason.MissingValue);
        }
        if (respondents is not { } n || !(n > 0))
        {
            return IntervalResult.None(NoIntervalReason.SurveyWithoutSampleSize);
        }
        if (!(scale > 0) || v < 0 || v > scale)
        {
            return IntervalResult.None(NoIntervalReason.InconsistentNumbers);
        }
        return IntervalResult.Of(Wilson(v / scale * n, n, level, scale) with { Value = v });
    }

    private static void CheckCount(double count)
    {
        if (!(count >= 0) || double.IsInfinity(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count must be zero or more.");
        }
    }

    /// <summary>
    /// The population behind a Sotkanet value: numerator / value × scale, rounded to a whole number because
    /// populations are whole (the published value is rounded, so this is approximate). 0 when it cannot be derived.
    /// </summary>
    public static double DerivedDenominator(double value, double numerator, double scale) =>
        value > 0 && numerator > 0 && scale > 0 && !double.IsInfinity(scale)
            ? Math.Round(numerator / value * scale, MidpointRounding.AwayFromZero)
            : 0;

    private static void CheckMultiplier(double multiplier)
    {
        if (!(multiplier > 0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        }
    }
}
