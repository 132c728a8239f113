using Valfard.Domain.Indicators;

namespace Valfard.Domain.Tests.Indicators;

public sealed class TrendRuleTests
{
    private static IEnumerable<(int, double?)> Series(params double?[] values) => values.Select((v, i) => (2020 + i, v));

    [Fact]
    public void A_falling_share_of_social_assistance_recipients_is_improving() =>
        Assert.Equal(TrendKind.Improving, TrendRule.Evaluate(Series(8.0, 7.6, 7.1, 6.8, 6.4), IndicatorDirection.LowerIsBetter).Kind);

    [Fact]
    public void A_falling_share_of_children_in_early_education_is_worsening() =>
        Assert.Equal(TrendKind.Worsening, TrendRule.Evaluate(Series(80.0, 78.0, 75.0, 73.0, 70.0), IndicatorDirection.HigherIsBetter).Kind);

    [Fact]
    public void A_change_under_five_percent_of_the_mean_is_stable()
    {
        var result = TrendRule.Evaluate(Series(100.0, 101.0, 99.5, 100.5, 101.5), IndicatorDirection.LowerIsBetter);

        Assert.Equal(TrendKind.Stable, result.Kind);
        Assert.Equal(2020, result.FromYear);
        Assert.Equal(2024, result.ToYear);
    }

    [Fact]
    public void Without_a_direction_the_trend_only_says_rising_or_falling() =>
        Assert.Equal(TrendKind.Rising, TrendRule.Evaluate(Series(20.0, 21.0, 22.0, 23.5, 24.0), IndicatorDirection.Neutral).Kind);

    [Fact]
    public void Missing_years_are_skipped_not_read_as_zero()
    {
        var result = TrendRule.Evaluate([(2018, 10.0), (2019, null), (2020, 10.2), (2021, null), (2022, 10.1), (2023, 10.3)], IndicatorDirection.LowerIsBetter);

        Assert.Equal(TrendKind.Stable, result.Kind);
        Assert.Equal(4, result.Points);
    }

    [Fact]
    public void Fewer_than_three_values_is_not_enough_for_a_trend() =>
        Assert.Equal(TrendKind.NotEnoughData, TrendRule.Evaluate(Series(5.0, null, 9.0), IndicatorDirection.LowerIsBetter).Kind);

    [Fact]
    public void Only_the_last_five_years_with_values_count()
    {
        var result = TrendRule.Evaluate(Series(50.0, 40.0, 30.0, 10.0, 10.0, 10.1, 10.0, 10.05), IndicatorDirection.LowerIsBetter);

        Assert.Equal(2023, result.FromYear);
        Assert.Equal(TrendKind.Stable, result.Kind);
    }
}
