namespace Valfard.Domain.Statistics;

public enum SmallNumberRuleKind
{
    /// <summary>At least a minimum number of events (default 5).</summary>
    MinimumEvents = 0,

    /// <summary>THL's school health survey rule: at least 15 boys and 15 girls answered.</summary>
    SchoolSurvey = 1,
}

/// <summary>The counts a small-number rule looks at; what is unknown is null.</summary>
public sealed record SmallNumberCounts(double? Events, double? Boys = null, double? Girls = null);

/// <summary>
/// Below the rule's minimum a value is still shown but not compared (verdict "not compared: small numbers"). When the
/// counts the rule needs are unknown the rule cannot apply and the value passes; without counts there is usually no
/// interval either, and then the comparison stops there.
/// </summary>
public sealed record SmallNumberRule
{
    public const int DefaultMinimumEvents = 5;
    public const int SchoolSurveyMinimumPerGender = 15;

    private SmallNumberRule(SmallNumberRuleKind kind, int minimum)
    {
        Kind = kind;
        Minimum = minimum;
    }

    public SmallNumberRuleKind Kind { get; }

    /// <summary>The minimum number of events, or of respondents of each gender for the school survey rule.</summary>
    public int Minimum { get; }

    /// <summary>The default: at least <paramref name="minimum"/> events (5 unless set).</summary>
    public static SmallNumberRule Default { get; } = MinimumEvents();

    public static SmallNumberRule MinimumEvents(int minimum = DefaultMinimumEvents) =>
        minimum >= 0 ? new(SmallNumberRuleKind.MinimumEvents, minimum) : throw new ArgumentOutOfRangeException(nameof(minimum));

    public static SmallNumberRule SchoolSurvey(int minimumPerGender = SchoolSurveyMinimumPerGender) =>
        minimumPerGender >= 0 ? new(SmallNumberRuleKind.SchoolSurvey, minimumPerGender) : throw new ArgumentOutOfRangeException(nameof(minimumPerGender));

    public bool IsTooSmall(SmallNumberCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Kind switch
        {
            SmallNumberRuleKind.SchoolSurvey => counts.Boys < Minimum || counts.Girls < Minimum,
            _ => counts.Events < Minimum,
        };
    }
}
