using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Plans;

public sealed class PlanTests
{
    private static readonly CouncilTerm Term = new(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
    private static readonly Guid Someone = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static (WelfarePlan Plan, Goal Goal, Measure Measure) NewPlan()
    {
        var plan = new WelfarePlan(Guid.NewGuid(), Guid.NewGuid(), Term, null, "Hyvinvointisuunnitelma", "Välfärdsplan", Someone, Now);
        var goal = new Goal(Guid.NewGuid(), plan, "T1", 0);
        goal.Update("T1", "Tavoite", "Mål", "", "", LifeStage.Youth, "");
        var measure = new Measure(Guid.NewGuid(), goal, "T1.1", 0);
        return (plan, goal, measure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("T 1")]
    [InlineData("T1;")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Codes_are_short_and_plain(string code) =>
        Assert.Equal(code.Length == 0 ? "Plan.Validation.CodeRequired" : "Plan.Validation.CodeInvalid",
            Assert.Throws<DomainException>(() => PlanLimits.RequireCode(code)).Message);

    [Theory]
    [InlineData("T1", true)]
    [InlineData("T1.2-a_B", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRST", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(" T1", false)]
    [InlineData("T 1", false)]
    [InlineData("T1;", false)]
    [InlineData("Tä1", false)]
    public void A_code_is_recognised_exactly_as_given(string? code, bool expected)
    {
        Assert.Equal(expected, PlanLimits.IsCode(code));
        if (expected)
        {
            Assert.Equal(code, PlanLimits.RequireCode(code));
        }
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void Years_are_those_of_the_limits_and_the_schedule_takes_the_same(int year, bool expected)
    {
        Assert.Equal(expected, PlanLimits.IsYear(year));
        var (_, _, measure) = NewPlan();
        var refusal = Record.Exception(() => measure.SetSchedule(year, null, "", null));
        Assert.Equal(expected, refusal is null);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("1000000000", true)]
    [InlineData("1000000000.01", false)]
    [InlineData("-0.01", false)]
    [InlineData("10.005", false)]
    public void Budgets_are_in_whole_cents_up_to_the_limit_and_the_schedule_takes_the_same(string text, bool expected)
    {
        var euros = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, PlanLimits.IsBudget(euros));
        var (_, _, measure) = NewPlan();
        Assert.Equal(expected, Record.Exception(() => measure.SetSchedule(null, null, "", euros)) is null);
    }

    [Fact]
    public void Titles_and_lengths_are_judged_after_trimming()
    {
        Assert.False(PlanLimits.HasTitle(" ", null));
        Assert.True(PlanLimits.HasTitle(null, "Mål"));
        Assert.True(PlanLimits.Fits(null, 0));
        Assert.True(PlanLimits.Fits("  abc  ", 3));
        Assert.False(PlanLimits.Fits("abcd", 3));
        var (_, goal, _) = NewPlan();
        var longest = new string('a', PlanLimits.TitleMaxLength);
        goal.Update("T1", $" {longest} ", "", "", "", LifeStage.Youth, "");
        Assert.Equal(longest, goal.TitleFi);
        Assert.Equal("Plan.Validation.TooLong",
            Assert.Throws<DomainException>(() => goal.Update("T1", longest + "a", "", "", "", LifeStage.Youth, "")).Message);
    }

    [Fact]
    public void A_goal_needs_a_title_in_one_language_and_a_swedish_only_title_serves_as_finnish()
    {
        var (_, goal, _) = NewPlan();
        Assert.Equal("Plan.Validation.TitleRequired", Assert.Throws<DomainException>(() => goal.Update("T1", " ", "", "", "", LifeStage.Youth, "")).Message);
        goal.Update("T1", "", "Mål", "", "", LifeStage.Youth, "");
        Assert.Equal(("Mål", "Mål"), (goal.TitleFi, goal.TitleSv));
    }

    [Fact]
    public void A_measure_schedule_and_budget_are_checked()
    {
        var (_, _, measure) = NewPlan();
        Assert.Equal("Plan.Validation.EndBeforeStart", Assert.Throws<DomainException>(() => measure.SetSchedule(2027, 2026, "", null)).Message);
        Assert.Equal("Plan.Validation.BudgetInvalid", Assert.Throws<DomainException>(() => measure.SetSchedule(2026, 2027, "", -1m)).Message);
        Assert.Equal("Plan.Validation.BudgetInvalid", Assert.Throws<DomainException>(() => measure.SetSchedule(2026, 2027, "", 10.005m)).Message);
        Assert.Equal("Plan.Validation.YearRange", Assert.Throws<DomainException>(() => measure.SetSchedule(1999, 2027, "", null)).Message);
        measure.SetSchedule(2026, 2026, "Työaika", 12500.5m);
        Assert.Equal(("2026", 12500.5m), (measure.Schedule, measure.BudgetEuros));
        measure.SetSchedule(2025, 2029, "", null);
        Assert.Equal("2025–2029", measure.Schedule);
    }

    [Fact]
    public void A_round_is_for_a_year_of_the_plans_term()
    {
        var (plan, _, _) = NewPlan();
        Assert.Equal("Plan.Validation.RoundYearOutsideTerm",
            Assert.Throws<DomainException>(() => new FollowUpRound(Guid.NewGuid(), plan, 2031, Term.Years, Someone, Now)).Message);
        Assert.Equal(2025, new FollowUpRound(Guid.NewGuid(), plan, 2025, Term.Years, Someone, Now).Year);
    }

    [Fact]
    public void Recording_follow_up_checks_status_against_progress_and_moves_the_measures_status()
    {
        var (plan, _, measure) = NewPlan();
        var round = new FollowUpRound(Guid.NewGuid(), plan, 2025, Term.Years, Someone, Now);
        var entry = new MeasureFollowUp(Guid.NewGuid(), round, measure);
        Assert.False(entry.IsRecorded);

        string Refusal(MeasureStatus status, int? progress, string account) =>
            Assert.Throws<DomainException>(() => entry.Record(round, measure, status, progress, account, Someone, Now)).Message;
        Assert.Equal("Plan.Validation.ProgressRange", Refusal(MeasureStatus.InProgress, 101, ""));
        Assert.Equal("Plan.Validation.ProgressRange", Refusal(MeasureStatus.InProgress, -1, ""));
        Assert.Equal("Plan.Validation.DoneIsComplete", Refusal(MeasureStatus.Done, 99, ""));
        Assert.Equal("Plan.Validation.NotStartedHasNoProgress", Refusal(MeasureStatus.NotStarted, 10, ""));
        Assert.Equal("Plan.Validation.PostponedNeedsAccount", Refusal(MeasureStatus.Postponed, 0, "  "));
        Assert.False(entry.IsRecorded);

        entry.Record(round, measure, MeasureStatus.Done, null, "Valmis.", Someone, Now);
        Assert.Equal((MeasureStatus.Done, (int?)100, MeasureStatus.Done), (entry.Status, entry.ProgressPercent, measure.Status));
        Assert.True(entry.IsRecorded);

        round.Close(Now);
        Assert.Equal("Plan.FollowUp.Closed.Refused", Refusal(MeasureStatus.InProgress, 50, ""));
        Assert.Throws<DomainException>(() => round.Close(Now));
        round.Reopen();
        entry.Record(round, measure, MeasureStatus.InProgress, 50, "", Someone, Now);
        Assert.Equal(MeasureStatus.InProgress, measure.Status);
    }

    [Fact]
    public void An_override_needs_a_reason()
    {
        var (plan, goal, _) = NewPlan();
        var round = new FollowUpRound(Guid.NewGuid(), plan, 2025, Term.Years, Someone, Now);
        Assert.Equal("Plan.Validation.ReasonRequired",
            Assert.Throws<DomainException>(() => new GoalAssessmentOverride(Guid.NewGuid(), round, goal, Assessment.OnTrack, " ", Someone, Now)).Message);
        var own = new GoalAssessmentOverride(Guid.NewGuid(), round, goal, Assessment.OnTrack, "Syy", Someone, Now);
        Assert.Equal((Assessment.OnTrack, "Syy", Someone), (own.Assessment, own.Reason, own.ById));
    }

    [Fact]
    public void A_follow_up_indicator_belongs_to_one_owner_and_its_target_follows_its_direction()
    {
        var (_, goal, measure) = NewPlan();
        Assert.Equal("Plan.Validation.IndicatorRequired",
            Assert.Throws<DomainException>(() => FollowUpIndicator.ForGoal(Guid.NewGuid(), goal, 90010, Guid.NewGuid(), 0)).Message);
        var indicator = FollowUpIndicator.ForMeasure(Guid.NewGuid(), measure, 90010, null, 0);
        Assert.Equal((measure.Id, (Guid?)null), (indicator.MeasureId!.Value, indicator.GoalId));
        string Refusal(double? baseline, int? baselineYear, double? target, int? targetYear, IndicatorDirection direction) =>
            Assert.Throws<DomainException>(() => indicator.SetTarget(baseline, baselineYear, target, targetYear, direction)).Message;
        Assert.Equal("Plan.Validation.TargetAgainstDirection", Refusal(8, 2023, 9, 2028, IndicatorDirection.LowerIsBetter));
        Assert.Equal("Plan.Validation.TargetAgainstDirection", Refusal(8, 2023, 7, 2028, IndicatorDirection.HigherIsBetter));
        Assert.Equal("Plan.Validation.TargetBeforeBaseline", Refusal(8, 2028, 7, 2028, IndicatorDirection.LowerIsBetter));
        Assert.Equal("Plan.Validation.ValueNeedsYear", Refusal(8, null, 7, 2028, IndicatorDirection.LowerIsBetter));
        Assert.Equal("Plan.Validation.ValueNotNumber", Refusal(double.NaN, 2023, 7, 2028, IndicatorDirection.LowerIsBetter));
        indicator.SetTarget(8, 2023, 7, 2028, IndicatorDirection.LowerIsBetter);
        indicator.SetTarget(8, 2023, 9, 2028, IndicatorDirection.Neutral);
        Assert.Equal(9, indicator.Target);
    }

    [Fact]
    public void A_goal_answers_each_concern_once()
    {
        var (_, goal, _) = NewPlan();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        goal.AnswerConcerns([a, b, a]);
        Assert.Equal(2, goal.Concerns.Count);
        goal.AnswerConcerns([b]);
        Assert.Equal(b, Assert.Single(goal.Concerns).ObservationId);
        Assert.Equal(goal.OrganisationId, goal.Concerns.Single().OrganisationId);
    }
}
