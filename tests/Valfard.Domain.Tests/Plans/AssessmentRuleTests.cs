using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;

namespace Valfard.Domain.Tests.Plans;

public sealed class AssessmentRuleTests
{
    [Theory]
    [InlineData(10.0, 20.0, 15.0, 0.5)]     // halfway up
    [InlineData(10.0, 5.0, 7.5, 0.5)]       // halfway down toward a lower target
    [InlineData(10.0, 20.0, 20.0, 1.0)]     // reached
    [InlineData(10.0, 20.0, 25.0, 1.5)]     // beyond
    [InlineData(10.0, 20.0, 8.0, -0.2)]     // moved away
    [InlineData(10.0, 5.0, 11.0, -0.2)]     // moved away from a lower target
    public void Progress_is_the_share_of_the_way_from_baseline_to_target(double baseline, double target, double actual, double expected) =>
        Assert.Equal(expected, AssessmentRule.Progress(baseline, target, actual, IndicatorDirection.Neutral)!.Value, 6);

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 10.0, 1.0)]
    [InlineData(IndicatorDirection.HigherIsBetter, 11.0, 1.0)]
    [InlineData(IndicatorDirection.HigherIsBetter, 9.9, -1.0)]
    [InlineData(IndicatorDirection.LowerIsBetter, 9.0, 1.0)]
    [InlineData(IndicatorDirection.LowerIsBetter, 10.1, -1.0)]
    [InlineData(IndicatorDirection.Neutral, 10.0, 1.0)]
    [InlineData(IndicatorDirection.Neutral, 10.5, -1.0)]
    public void A_target_equal_to_the_baseline_means_keeping_the_level(IndicatorDirection direction, double actual, double expected) =>
        Assert.Equal(expected, AssessmentRule.Progress(10, 10, actual, direction));

    [Fact]
    public void Progress_needs_baseline_target_and_actual()
    {
        Assert.Null(AssessmentRule.Progress(null, 20, 15, IndicatorDirection.HigherIsBetter));
        Assert.Null(AssessmentRule.Progress(10, null, 15, IndicatorDirection.HigherIsBetter));
        Assert.Null(AssessmentRule.Progress(10, 20, null, IndicatorDirection.HigherIsBetter));
    }

    [Fact]
    public void The_actual_is_the_latest_value_after_the_baseline_year_and_not_after_the_round_year()
    {
        (int, double)[] values = [(2021, 1), (2023, 3), (2024, 4), (2026, 6)];
        Assert.Equal((2024, 4.0), AssessmentRule.ActualFor(values, 2021, 2025));
        Assert.Equal((2026, 6.0), AssessmentRule.ActualFor(values, 2021, 2026));
        Assert.Null(AssessmentRule.ActualFor(values, 2024, 2025));
        Assert.Equal((2023, 3.0), AssessmentRule.ActualFor(values, null, 2023));
    }

    private static Assessment? Assess(double?[] progress, bool[] late) =>
        AssessmentRule.Assess(progress, late.Select(l => new MeasureInRound(l, Reported: true))).Assessment;

    [Fact]
    public void Nothing_to_assess_gives_no_assessment() =>
        Assert.Null(Assess([null, null], []));

    /// <summary>Issue 17 §10: no reported measure and no indicator data is "not assessable", never "on track".</summary>
    [Fact]
    public void Measures_nobody_reported_on_and_no_indicator_data_are_not_assessable()
    {
        Assert.Null(AssessmentRule.Assess([null], [new MeasureInRound(false, false), new MeasureInRound(false, false)]).Assessment);
        Assert.Equal(Assessment.OnTrack, AssessmentRule.Assess([null], [new MeasureInRound(false, true), new MeasureInRound(false, false)]).Assessment);
        // Indicator data alone is enough to assess.
        Assert.Equal(Assessment.OnTrack, AssessmentRule.Assess([0.3], [new MeasureInRound(false, false)]).Assessment);
    }

    [Theory]
    [InlineData(2027, 2025, true)]
    [InlineData(2025, 2025, false)]
    [InlineData(2024, 2025, false)]
    public void A_measure_scheduled_to_start_later_is_not_counted_in_an_earlier_round(int start, int round, bool later)
    {
        var term = new CouncilTerm(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
        var plan = new WelfarePlan(Guid.NewGuid(), Guid.NewGuid(), term, null, "Hyvinvointisuunnitelma", "Välfärdsplan", Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var measure = new Measure(Guid.NewGuid(), new Goal(Guid.NewGuid(), plan, "T1", 0), "T1.1", 0);
        measure.SetSchedule(start, start + 2, "", null);
        Assert.Equal(later, measure.IsScheduledAfter(round));
    }

    [Fact]
    public void Worsening_exactly_half_is_not_off_track_but_more_than_half_is()
    {
        // 2 of 4 worsening, 2 improving: at least half improve, so on track.
        Assert.Equal(Assessment.OnTrack, Assess([-0.1, -0.1, 0.2, 0.2], []));
        // 3 of 5 worsening: more than half.
        Assert.Equal(Assessment.OffTrack, Assess([-0.1, -0.1, -0.1, 0.2, 0.2], []));
    }

    [Fact]
    public void Improving_exactly_half_is_on_track_and_less_is_at_risk()
    {
        Assert.Equal(Assessment.OnTrack, Assess([0.1, 0, 0.3, 0], []));
        Assert.Equal(Assessment.AtRisk, Assess([0.1, 0, 0, 0], []));
        // Unchanged indicators neither improve nor worsen.
        Assert.Equal(Assessment.AtRisk, Assess([0, 0], []));
    }

    [Fact]
    public void Late_measures_up_to_a_quarter_keep_a_goal_on_track_up_to_half_at_risk_and_beyond_off_track()
    {
        Assert.Equal(Assessment.OnTrack, Assess([0.5], [true, false, false, false]));
        Assert.Equal(Assessment.AtRisk, Assess([0.5], [true, true, false, false, false]));
        Assert.Equal(Assessment.AtRisk, Assess([0.5], [true, true, false, false]));
        Assert.Equal(Assessment.OffTrack, Assess([0.5], [true, true, true, false, false]));
    }

    [Fact]
    public void Without_indicator_data_the_measures_decide()
    {
        Assert.Equal(Assessment.OnTrack, Assess([null], [false, false]));
        Assert.Equal(Assessment.AtRisk, Assess([], [true, false]));
        Assert.Equal(Assessment.OffTrack, Assess([], [true]));
    }

    [Fact]
    public void The_basis_counts_what_the_rule_saw()
    {
        var basis = AssessmentRule.Assess([0.4, -0.2, null, 0], [new(true, true), new(false, true), new(false, false)]);
        Assert.Equal(new AssessmentBasis(Assessment.AtRisk, 3, 1, 1, 3, 1), basis);
    }

    [Theory]
    [InlineData(MeasureStatus.Postponed, 2030, 2025, true)]
    [InlineData(MeasureStatus.InProgress, 2024, 2025, true)]
    [InlineData(MeasureStatus.NotStarted, 2024, 2025, true)]
    [InlineData(MeasureStatus.InProgress, 2025, 2025, false)]
    [InlineData(MeasureStatus.Done, 2024, 2025, false)]
    public void A_measure_is_late_when_postponed_or_unfinished_after_its_schedule(MeasureStatus status, int endYear, int year, bool late) =>
        Assert.Equal(late, Measure.IsLate(status, endYear, year));
}
