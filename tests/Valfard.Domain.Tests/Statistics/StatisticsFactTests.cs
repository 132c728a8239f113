using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>Hard-coded published figures, so the core is checked without ../shared/stats-worked-examples.</summary>
public sealed class StatisticsFactTests
{
    private static void Close(double expected, double actual, double relative = 1e-8) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void The_z_values_are_those_of_PHEindicatormethods()
    {
        Assert.Equal(1.959963985, ConfidenceLevel.Percent95.Z, 1e-9);
        Assert.Equal(3.090232306, ConfidenceLevel.Percent998.Z, 1e-9);
        Assert.Equal(ConfidenceLevel.Percent95.Z, ConfidenceLevel.FromConfidence(95).Z);
    }

    [Fact]
    public void Wilson_PHEindicatormethods_testdata_Proportion_Area1_1_of_100_at_95()
    {
        // PHEindicatormethods testdata_Proportion.xlsx Area1: 1/100 at 95 % → 0.0017674320641406511–0.054486196178705294
        var interval = ConfidenceIntervals.Wilson(1, 100, ConfidenceLevel.Percent95);
        Close(0.0017674320641406511, interval.Lower);
        Close(0.054486196178705294, interval.Upper);
    }

    [Fact]
    public void Wilson_PHEindicatormethods_testdata_Proportion_Area4_65_of_100_at_99_8_per_cent()
    {
        // PHEindicatormethods testdata_Proportion.xlsx Area4: 65/100 at 99.8 % → 0.4954946574070431–0.7783540614089697 (×100 for per cent)
        var interval = ConfidenceIntervals.Wilson(65, 100, ConfidenceLevel.Percent998, 100);
        Close(49.54946574070431, interval.Lower);
        Close(77.83540614089697, interval.Upper);
        Assert.Equal(65, interval.Value, 1e-12);
    }

    [Fact]
    public void Wilson_with_no_events_or_all_events_reaches_0_or_1()
    {
        // statsmodels results_proportion.py (R binom.confint, wilson): 0/30 → 0–0.11351339; 30/30 → 0.8864866–1
        var none = ConfidenceIntervals.Wilson(0, 30, ConfidenceLevel.Percent95);
        var all = ConfidenceIntervals.Wilson(30, 30, ConfidenceLevel.Percent95);
        Assert.Equal(0, none.Lower);
        Assert.Equal(0.11351339, none.Upper, 1e-6);
        Assert.Equal(0.8864866, all.Lower, 1e-6);
        Assert.Equal(1, all.Upper);
    }

    [Fact]
    public void Byar_PHEindicatormethods_testdata_Byars_Wilson_65_at_95()
    {
        // PHEindicatormethods testdata_Byars_Wilson.xlsx row 2: 65 → 50.163187710459454–82.84913854593984
        var (lower, upper) = ConfidenceIntervals.ByarLimits(65, ConfidenceLevel.Percent95);
        Close(50.163187710459454, lower);
        Close(82.84913854593984, upper);
    }

    [Fact]
    public void Byar_lower_limit_below_zero_is_not_a_number_as_PHE_returns_NA()
    {
        // PHEindicatormethods testdata_Byars_Wilson.xlsx row 14: 1 at 99.8 % → NA–9.362180217908362
        var (lower, upper) = ConfidenceIntervals.ByarLimits(1, ConfidenceLevel.Percent998);
        Assert.True(double.IsNaN(lower));
        Close(9.362180217908362, upper);
    }

    [Fact]
    public void Rate_below_10_events_uses_the_exact_interval()
    {
        // PHEindicatormethods testdata_Rate.xlsx Area1: 1 per 100 per 100,000 at 95 % → 25.317807984289896–5571.643390938898 (exact)
        var rate = ConfidenceIntervals.Rate(1, 100, ConfidenceLevel.Percent95, 100_000);
        Assert.Equal(IntervalMethod.ExactPoisson, rate.Method);
        Assert.Equal(1000, rate.Value, 1e-9);
        Close(25.317807984289896, rate.Lower);
        Close(5571.643390938898, rate.Upper);
    }

    [Fact]
    public void Rate_from_10_events_uses_Byar()
    {
        // PHEindicatormethods testdata_Rate.xlsx testdata_Rate_g Area2: 10 per 200 per 100,000 → 2393.7249569837822–9195.729302878237 (Byar)
        var rate = ConfidenceIntervals.Rate(10, 200, ConfidenceLevel.Percent95, 100_000);
        Assert.Equal(IntervalMethod.Byar, rate.Method);
        Close(2393.7249569837822, rate.Lower);
        Close(9195.729302878237, rate.Upper);
    }

    [Fact]
    public void Exact_interval_for_no_events_starts_at_zero()
    {
        // epitools pois.exact docs: x = 0 → upper 3.689
        var (lower, upper) = ConfidenceIntervals.ExactPoissonLimits(0, ConfidenceLevel.Percent95);
        Assert.Equal(0, lower);
        Assert.Equal(3.689, upper, 5e-4);
    }

    [Fact]
    public void A_Sotkanet_per_cent_with_its_numerator_gets_a_Wilson_interval_on_the_derived_denominator()
    {
        // 65 of 100 shown as 65.0 % → denominator 100; same limits as PHE Area4 at 95 %: 55.25444329688797–73.63575175690247
        var result = ConfidenceIntervals.ForSotkanetValue(65.0, 65, ValueKind.Proportion, 100, ConfidenceLevel.Percent95);
        Assert.True(result.HasInterval);
        Close(55.25444329688797, result.Interval!.Lower);
        Close(73.63575175690247, result.Interval.Upper);
    }

    [Fact]
    public void A_Sotkanet_rate_per_1000_with_its_numerator_gets_a_Poisson_interval()
    {
        // 20 events shown as 200 per 1,000 → denominator 100; PHE Area3 20/100 per 100,000: 12211.428834875936–30889.880369197064
        var result = ConfidenceIntervals.ForSotkanetValue(200, 20, ValueKind.CrudeRate, 1000, ConfidenceLevel.Percent95);
        Close(122.11428834875936, result.Interval!.Lower);
        Close(308.89880369197064, result.Interval.Upper);
    }

    [Theory]
    [InlineData(ValueKind.Index, 100.0, 5.0, NoIntervalReason.Index)]
    [InlineData(ValueKind.AgeStandardisedRate, 100.0, 5.0, NoIntervalReason.AgeStandardisedWithoutCounts)]
    [InlineData(ValueKind.SurveyEstimate, 20.0, null, NoIntervalReason.SurveyWithoutSampleSize)]
    [InlineData(ValueKind.Proportion, 20.0, null, NoIntervalReason.MissingNumerator)]
    [InlineData(ValueKind.Proportion, null, 5.0, NoIntervalReason.MissingValue)]
    [InlineData(ValueKind.Proportion, 0.0, 0.0, NoIntervalReason.DenominatorNotDerivable)]
    [InlineData(ValueKind.Proportion, -1.0, 5.0, NoIntervalReason.InconsistentNumbers)]
    [InlineData(ValueKind.Other, 12.0, 5.0, NoIntervalReason.UnsupportedValueKind)]
    public void Where_no_interval_can_be_computed_the_result_says_why(ValueKind kind, double? value, double? absValue, NoIntervalReason reason)
    {
        var result = ConfidenceIntervals.ForSotkanetValue(value, absValue, kind, 100, ConfidenceLevel.Percent95);
        Assert.False(result.HasInterval);
        Assert.Equal(reason, result.Reason);
        Assert.StartsWith("Statistics.NoInterval.", result.ResourceKey, StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_proportion_needs_the_number_of_respondents()
    {
        Assert.Equal(NoIntervalReason.SurveyWithoutSampleSize, ConfidenceIntervals.ForSurveyProportion(20, null, 100, ConfidenceLevel.Percent95).Reason);
        // 20 % of 100 respondents: as PHE Area3 20/100 → 13.33669333310325–28.882916559315885 per cent
        var interval = ConfidenceIntervals.ForSurveyProportion(20, 100, 100, ConfidenceLevel.Percent95).Interval!;
        Close(13.33669333310325, interval.Lower);
        Close(28.882916559315885, interval.Upper);
    }

    [Fact]
    public void A_benchmark_below_the_areas_interval_is_worse_when_lower_is_better()
    {
        // fingertips-open SingleOverlappingCIsForOneCILevelComparatorTest TestHigher: 3.2–3.5 against 3.0, low is good → Worse
        var result = BenchmarkComparison.AgainstValue(3.2, 3.5, 3.0, IndicatorDirection.LowerIsBetter);
        Assert.Equal(ComparisonOutcome.Worse, result.Outcome);
        Assert.Equal(StatisticsResourceKeys.ComparisonWorse, result.ResourceKey);
        Assert.Equal(ComparisonOutcome.Higher, BenchmarkComparison.AgainstValue(3.2, 3.5, 3.0, IndicatorDirection.Neutral).Outcome);
        Assert.Equal(ComparisonOutcome.Similar, BenchmarkComparison.AgainstValue(2.7, 3.1, 3.0, IndicatorDirection.Neutral).Outcome);
    }

    [Fact]
    public void Two_levels_mark_a_difference_that_holds_at_99_8_per_cent()
    {
        // fingertips-open SingleOverlappingCIsForTwoCILevelsComparerTest: 2.3 (2.5–2.7) 2.9 against 3.0, low is good → Best; against 2.8 → Better
        Assert.Equal(new ComparisonResult(ComparisonOutcome.Better, 0.998), BenchmarkComparison.AgainstValue(2.5, 2.7, 2.3, 2.9, 3.0, IndicatorDirection.LowerIsBetter));
        Assert.Equal(new ComparisonResult(ComparisonOutcome.Better, 0.95), BenchmarkComparison.AgainstValue(2.5, 2.7, 2.3, 2.9, 2.8, IndicatorDirection.LowerIsBetter));
    }

    [Fact]
    public void Small_numbers_are_shown_but_not_compared()
    {
        var at95 = IntervalResult.Of(ConfidenceIntervals.Wilson(4, 10, ConfidenceLevel.Percent95, 100));
        var at998 = IntervalResult.Of(ConfidenceIntervals.Wilson(4, 10, ConfidenceLevel.Percent998, 100));

        var result = BenchmarkComparison.Compare(at95, at998, 90, IndicatorDirection.HigherIsBetter, new SmallNumberCounts(4));

        Assert.Equal(ComparisonResult.NotCompared(NotComparedReason.SmallNumbers), result);
        Assert.Equal(StatisticsResourceKeys.NotComparedSmallNumbers, result.ResourceKey);
        Assert.Equal(ComparisonOutcome.Worse, BenchmarkComparison.Compare(at95, at998, 90, IndicatorDirection.HigherIsBetter, new SmallNumberCounts(4), SmallNumberRule.MinimumEvents(3)).Outcome);
    }

    [Fact]
    public void The_school_survey_rule_needs_15_boys_and_15_girls()
    {
        var rule = SmallNumberRule.SchoolSurvey();
        Assert.True(rule.IsTooSmall(new SmallNumberCounts(null, 14, 40)));
        Assert.True(rule.IsTooSmall(new SmallNumberCounts(null, 40, 14)));
        Assert.False(rule.IsTooSmall(new SmallNumberCounts(3, 15, 15)));
        Assert.True(SmallNumberRule.Default.IsTooSmall(new SmallNumberCounts(3, 15, 15)));
    }

    [Fact]
    public void No_interval_or_no_benchmark_is_not_compared_with_the_reason()
    {
        var none = IntervalResult.None(NoIntervalReason.Index);
        Assert.Equal(NotComparedReason.NoInterval, BenchmarkComparison.Compare(none, none, 100, IndicatorDirection.Neutral, new SmallNumberCounts(null)).Reason);
        var at95 = IntervalResult.Of(ConfidenceIntervals.Count(50, ConfidenceLevel.Percent95));
        Assert.Equal(NotComparedReason.NoBenchmarkValue, BenchmarkComparison.Compare(at95, at95, null, IndicatorDirection.Neutral, new SmallNumberCounts(50)).Reason);
        var missing = IntervalResult.None(NoIntervalReason.MissingValue);
        Assert.Equal(NotComparedReason.NoValue, BenchmarkComparison.Compare(missing, missing, 100, IndicatorDirection.Neutral, new SmallNumberCounts(null)).Reason);
    }

    private static readonly TrendPoint[] FingertipsSet1 =
    [
        new(2014, 994, 40299, 24.67, 23.16, 26.25),
        new(2015, 1023, 41527, 24.6, 23.15, 26.19),
        new(2016, 1199, 42811, 28, 26.44, 29.64),
        new(2017, 1332, 44064, 30.2, 28.63, 31.9),
        new(2018, 1367, 44701, 30.6, 28.98, 32.25),
    ];

    [Fact]
    public void Chi_square_test_for_trend_fingertips_open_set1_is_47_9()
    {
        // fingertips-open TrendMarkerCalculatorTest TestIsSignificantForProportionsReturnsTrue: Math.Round(ChiSquare, 2) == 47.9
        var result = SignificantTrend.ForProportions(FingertipsSet1, IndicatorDirection.LowerIsBetter);
        Assert.Equal(47.9, Math.Round(result.ChiSquare, 2));
        Assert.Equal(SignificantTrendOutcome.IncreasingAndWorsening, result.Outcome);
        Assert.Equal((5, 2014, 2018), (result.PointsUsed, result.FromYear, result.ToYear));
        Assert.Equal(StatisticsResourceKeys.TrendIncreasingWorsening, result.ResourceKey);
    }

    [Fact]
    public void Weighted_trend_fingertips_open_set1_is_46_77()
    {
        // fingertips-open TrendMarkerCalculatorTest TestIsSignificantReturnsTrue: Math.Round(ChiSquare, 2) == 46.77
        var result = SignificantTrend.ForIntervals(FingertipsSet1, IndicatorDirection.HigherIsBetter, ValueKind.Proportion);
        Assert.Equal(46.77, Math.Round(result.ChiSquare, 2));
        Assert.Equal(SignificantTrendOutcome.IncreasingAndImproving, result.Outcome);
    }

    [Fact]
    public void A_trend_needs_five_points_with_counts_and_no_point_with_all_events()
    {
        Assert.Equal(TrendNotCalculatedReason.TooFewPoints, SignificantTrend.ForProportions(FingertipsSet1.Take(4), IndicatorDirection.Neutral).Reason);
        var gap = FingertipsSet1.Select(p => p.Year == 2015 ? p with { Count = null } : p);
        Assert.Equal(TrendNotCalculatedReason.TooFewPoints, SignificantTrend.ForProportions(gap, IndicatorDirection.Neutral).Reason);
        // fingertips-open TestIsSignificantForProportionsCannotBeCalculated: 5/5 in one year → cannot be calculated, χ² 0
        TrendPoint[] all = [new(2012, 5, 5), new(2013, 3, 5), new(2014, 1, 5), new(2015, 1, 4), new(2016, 2, 4)];
        var result = SignificantTrend.ForProportions(all, IndicatorDirection.Neutral);
        Assert.Equal((SignificantTrendOutcome.CannotBeCalculated, TrendNotCalculatedReason.AllOrNoEvents, 0.0), (result.Outcome, result.Reason, result.ChiSquare));
    }

    [Fact]
    public void Every_outcome_has_its_own_resource_key()
    {
        Assert.Equal(StatisticsResourceKeys.All.Count, StatisticsResourceKeys.All.Distinct().Count());
        Assert.All(Enum.GetValues<NoIntervalReason>(), r => Assert.Contains(StatisticsResourceKeys.ForNoInterval(r), StatisticsResourceKeys.All));
        Assert.All(Enum.GetValues<NotComparedReason>(), r => Assert.Contains(ComparisonResult.NotCompared(r).ResourceKey, StatisticsResourceKeys.All));
    }
}
