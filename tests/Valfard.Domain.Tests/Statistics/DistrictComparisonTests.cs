using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>A district of the municipality against the whole municipality (docs/decisions/0023-differences-between-groups.md).</summary>
public sealed class DistrictComparisonTests
{
    private static readonly ValueScale Percent = new(ValueKind.Proportion, 100);
    private static readonly ValueScale Per1000 = new(ValueKind.CrudeRate, 1000);

    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17:857–872,
    // example 81/263: Wilson 95 % interval 0.2553–0.3662.
    private static readonly AreaObservation Newcombe = new(2025, 30.8, 81, 263);

    [Fact]
    public void A_district_share_gets_the_wilson_interval_of_its_count_and_population_Newcombe_81_of_263()
    {
        var result = DistrictComparison.Of([Newcombe], [new AreaObservation(2025, 30, null, null)], Percent, IndicatorDirection.LowerIsBetter,
            SmallNumberRule.Default)!;

        Assert.Equal(25.53, result.Lower95!.Value, 2);
        Assert.Equal(36.62, result.Upper95!.Value, 2);
        Assert.Equal(30.8, result.Value);
        Assert.Equal(ComparisonOutcome.Similar, result.Result.Outcome);
        Assert.Null(result.NotCompared);
    }

    [Theory]
    [InlineData(IndicatorDirection.LowerIsBetter, ComparisonOutcome.Better)]
    [InlineData(IndicatorDirection.HigherIsBetter, ComparisonOutcome.Worse)]
    [InlineData(IndicatorDirection.Neutral, ComparisonOutcome.Lower)]
    public void The_verdict_follows_the_direction_when_the_whole_lies_outside_the_interval(IndicatorDirection direction, ComparisonOutcome expected)
    {
        // 40 % is above the district's upper limit 36.62 %.
        var result = DistrictComparison.Of([Newcombe], [new AreaObservation(2025, 40, 400, 1000)], Percent, direction, SmallNumberRule.Default)!;

        Assert.Equal(expected, result.Result.Outcome);
        Assert.Equal(40, result.WholeValue);
        Assert.Equal("Districts.Verdict." + expected, "Districts.Verdict." + result.Result.Outcome);
    }

    [Fact]
    public void Only_the_count_is_enough_for_a_rate_the_population_follows_from_the_value()
    {
        // 30 events at 12.0 per 1,000 → 2,500 people; the whole municipality's 6.0 is below the district's interval.
        var result = DistrictComparison.Of([new AreaObservation(2024, 12.0, 30, null)], [new AreaObservation(2024, 6.0, null, null)], Per1000,
            IndicatorDirection.LowerIsBetter, SmallNumberRule.Default)!;

        var expected = ConfidenceIntervals.Rate(30, 2500, ConfidenceLevel.Percent95, 1000);
        Assert.Equal(expected.Lower, result.Lower95!.Value, 10);
        Assert.Equal(ComparisonOutcome.Worse, result.Result.Outcome);
    }

    [Fact]
    public void A_count_unit_is_never_compared_a_districts_count_is_part_of_the_whole()
    {
        var result = DistrictComparison.Of([new AreaObservation(2024, 40, 40, null)], [new AreaObservation(2024, 300, null, null)],
            new ValueScale(ValueKind.Count, 1), IndicatorDirection.HigherIsBetter, SmallNumberRule.Default)!;

        Assert.Equal(DistrictNotComparedReason.NotShareOrRate, result.NotCompared);
        Assert.False(result.Result.IsCompared);
        Assert.Equal("Districts.NotCompared.NotShareOrRate", result.ResourceKey);
    }

    [Fact]
    public void Without_a_count_small_numbers_or_a_whole_value_the_district_is_shown_but_not_compared()
    {
        var whole = new[] { new AreaObservation(2024, 20, null, null) };
        Assert.Equal(DistrictNotComparedReason.NoCount,
            DistrictComparison.Of([new AreaObservation(2024, 25, null, 200)], whole, Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default)!.NotCompared);
        var small = DistrictComparison.Of([new AreaObservation(2024, 2, 4, 200)], whole, Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default)!;
        Assert.Equal(DistrictNotComparedReason.SmallNumbers, small.NotCompared);
        Assert.Equal(ComparisonOutcome.NotCompared, small.Result.Outcome);
        Assert.Equal(DistrictNotComparedReason.NoWholeValue,
            DistrictComparison.Of([new AreaObservation(2025, 25, 50, 200)], whole, Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default)!.NotCompared);
        Assert.Equal(DistrictNotComparedReason.InconsistentNumbers,
            DistrictComparison.Of([new AreaObservation(2024, 25, 300, 200)], whole, Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default)!.NotCompared);
        Assert.Null(DistrictComparison.Of([], whole, Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default));
    }

    [Fact]
    public void The_latest_year_of_the_district_is_compared_with_the_same_year_of_the_whole()
    {
        var result = DistrictComparison.Of([new AreaObservation(2023, 50, 100, 200), Newcombe],
            [new AreaObservation(2023, 10, null, null), new AreaObservation(2025, 31, null, null)], Percent, IndicatorDirection.LowerIsBetter,
            SmallNumberRule.Default)!;

        Assert.Equal(2025, result.Year);
        Assert.Equal(31, result.WholeValue);
        Assert.Equal(ComparisonOutcome.Similar, result.Result.Outcome);
    }
}
