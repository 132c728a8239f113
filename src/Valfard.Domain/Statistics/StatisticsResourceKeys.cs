namespace Valfard.Domain.Statistics;

/// <summary>
/// Resource keys of the plain-language explanations (src/Valfard.Web/Resources/SharedResource*.resx); the web layer
/// translates them. Every comparison, trend and no-interval outcome has one.
/// </summary>
public static class StatisticsResourceKeys
{
    public const string ComparisonBetter = "Statistics.Comparison.Better";
    public const string ComparisonWorse = "Statistics.Comparison.Worse";
    public const string ComparisonSimilar = "Statistics.Comparison.Similar";
    public const string ComparisonHigher = "Statistics.Comparison.Higher";
    public const string ComparisonLower = "Statistics.Comparison.Lower";
    public const string NotComparedNoValue = "Statistics.NotCompared.NoValue";
    public const string NotComparedNoInterval = "Statistics.NotCompared.NoInterval";
    public const string NotComparedSmallNumbers = "Statistics.NotCompared.SmallNumbers";
    public const string NotComparedNoBenchmark = "Statistics.NotCompared.NoBenchmark";

    public const string TrendIncreasing = "Statistics.Trend.Increasing";
    public const string TrendDecreasing = "Statistics.Trend.Decreasing";
    public const string TrendIncreasingImproving = "Statistics.Trend.IncreasingImproving";
    public const string TrendIncreasingWorsening = "Statistics.Trend.IncreasingWorsening";
    public const string TrendDecreasingImproving = "Statistics.Trend.DecreasingImproving";
    public const string TrendDecreasingWorsening = "Statistics.Trend.DecreasingWorsening";
    public const string TrendNoSignificantChange = "Statistics.Trend.NoSignificantChange";
    public const string TrendTooFewPoints = "Statistics.Trend.CannotBeCalculated.TooFewPoints";
    public const string TrendMissingCounts = "Statistics.Trend.CannotBeCalculated.MissingCounts";
    public const string TrendAllOrNoEvents = "Statistics.Trend.CannotBeCalculated.AllOrNoEvents";
    public const string TrendMissingIntervals = "Statistics.Trend.CannotBeCalculated.MissingIntervals";
    public const string TrendUnsupportedValueKind = "Statistics.Trend.CannotBeCalculated.UnsupportedValueKind";

    public const string NoIntervalMissingValue = "Statistics.NoInterval.MissingValue";
    public const string NoIntervalMissingNumerator = "Statistics.NoInterval.MissingNumerator";
    public const string NoIntervalDenominatorNotDerivable = "Statistics.NoInterval.DenominatorNotDerivable";
    public const string NoIntervalIndex = "Statistics.NoInterval.Index";
    public const string NoIntervalAgeStandardised = "Statistics.NoInterval.AgeStandardised";
    public const string NoIntervalSurveyWithoutSampleSize = "Statistics.NoInterval.SurveyWithoutSampleSize";
    public const string NoIntervalInconsistentNumbers = "Statistics.NoInterval.InconsistentNumbers";
    public const string NoIntervalUnsupportedValueKind = "Statistics.NoInterval.UnsupportedValueKind";

    /// <summary>Every key, for checking that the resource files define them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ComparisonBetter, ComparisonWorse, ComparisonSimilar, ComparisonHigher, ComparisonLower,
        NotComparedNoValue, NotComparedNoInterval, NotComparedSmallNumbers, NotComparedNoBenchmark,
        TrendIncreasing, TrendDecreasing, TrendIncreasingImproving, TrendIncreasingWorsening, TrendDecreasingImproving,
        TrendDecreasingWorsening, TrendNoSignificantChange, TrendTooFewPoints, TrendMissingCounts, TrendAllOrNoEvents,
        TrendMissingIntervals, TrendUnsupportedValueKind,
        NoIntervalMissingValue, NoIntervalMissingNumerator, NoIntervalDenominatorNotDerivable, NoIntervalIndex,
        NoIntervalAgeStandardised, NoIntervalSurveyWithoutSampleSize, NoIntervalInconsistentNumbers,
        NoIntervalUnsupportedValueKind,
    ];

    public static string ForNoInterval(NoIntervalReason reason) => reason switch
    {
        NoIntervalReason.MissingValue => NoIntervalMissingValue,
        NoIntervalReason.MissingNumerator => NoIntervalMissingNumerator,
        NoIntervalReason.DenominatorNotDerivable => NoIntervalDenominatorNotDerivable,
        NoIntervalReason.Index => NoIntervalIndex,
        NoIntervalReason.AgeStandardisedWithoutCounts => NoIntervalAgeStandardised,
        NoIntervalReason.SurveyWithoutSampleSize => NoIntervalSurveyWithoutSampleSize,
        NoIntervalReason.InconsistentNumbers => NoIntervalInconsistentNumbers,
        _ => NoIntervalUnsupportedValueKind,
    };
}
