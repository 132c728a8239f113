namespace Valfard.Domain.Statistics;

public enum IntervalMethod
{
    /// <summary>Wilson score interval for a proportion.</summary>
    Wilson = 0,

    /// <summary>Byar's approximation to the Poisson interval (10 events or more).</summary>
    Byar = 1,

    /// <summary>The exact Poisson interval from chi-square quantiles (fewer than 10 events).</summary>
    ExactPoisson = 2,
}

/// <summary>Why no interval was computed. An interval is never invented.</summary>
public enum NoIntervalReason
{
    /// <summary>No value for the year.</summary>
    MissingValue = 0,

    /// <summary>Sotkanet gives no numerator (absValue) for the value.</summary>
    MissingNumerator = 1,

    /// <summary>The denominator could not be derived (value 0, or no scale).</summary>
    DenominatorNotDerivable = 2,

    /// <summary>The value is an index; it has no sampling interval.</summary>
    Index = 3,

    /// <summary>An age-standardised value without its age-specific counts.</summary>
    AgeStandardisedWithoutCounts = 4,

    /// <summary>A survey estimate without the number of respondents.</summary>
    SurveyWithoutSampleSize = 5,

    /// <summary>The numbers contradict each other (a negative count, more events than the population of a proportion…).</summary>
    InconsistentNumbers = 6,

    /// <summary>A kind of value for which no interval method is set (means, euros, standardised ratios without expected counts).</summary>
    UnsupportedValueKind = 7,
}

/// <summary>A value with its lower and upper confidence limits, on the value's own scale (e.g. per cent, per 1,000).</summary>
public sealed record ConfidenceInterval(double Value, double Lower, double Upper, ConfidenceLevel Level, IntervalMethod Method)
{
    public bool Contains(double x) => Lower <= x && x <= Upper;
}

/// <summary>Either an interval or the reason why there is none.</summary>
public sealed record IntervalResult
{
    private IntervalResult(ConfidenceInterval? interval, NoIntervalReason? reason)
    {
        Interval = interval;
        Reason = reason;
    }

    public ConfidenceInterval? Interval { get; }

    /// <summary>Set exactly when <see cref="Interval"/> is null.</summary>
    public NoIntervalReason? Reason { get; }

    public bool HasInterval => Interval is not null;

    /// <summary>The resource key explaining why there is no interval; null when there is one.</summary>
    public string? ResourceKey => Reason is { } reason ? StatisticsResourceKeys.ForNoInterval(reason) : null;

    public static IntervalResult Of(ConfidenceInterval interval) => new(interval ?? throw new ArgumentNullException(nameof(interval)), null);

    public static IntervalResult None(NoIntervalReason reason) => new(null, reason);
}
