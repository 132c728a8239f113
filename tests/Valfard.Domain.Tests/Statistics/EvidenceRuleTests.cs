using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;
using Valfard.Domain.Statistics;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>The suggestion rule for joys and concerns (issue 15 §5, ADR 0022).</summary>
public sealed class EvidenceRuleTests
{
    private static readonly SignificantTrendResult Worsening = new(SignificantTrendOutcome.IncreasingAndWorsening, null, 20, 5, 2019, 2023);
    private static readonly SignificantTrendResult Improving = new(SignificantTrendOutcome.DecreasingAndImproving, null, 20, 5, 2019, 2023);
    private static readonly SignificantTrendResult Flat = new(SignificantTrendOutcome.NoSignificantChange, null, 1, 5, 2019, 2023);
    private static readonly SignificantTrendResult Untested = new(SignificantTrendOutcome.CannotBeCalculated, TrendNotCalculatedReason.TooFewPoints, 0, 0, 0, 0);

    private static BenchmarkVerdict Verdict(string kind, ComparisonOutcome outcome) =>
        new(kind, kind, 10, outcome == ComparisonOutcome.Similar ? new ComparisonResult(outcome) : new ComparisonResult(outcome, 0.95));

    private static IndicatorAnalysis Analysis(SignificantTrendResult trend, params BenchmarkVerdict[] verdicts) => new()
    {
        Kind = ValueKind.CrudeRate,
        Multiplier = 1000,
        Year = 2023,
        Value = 12.5,
        AbsValue = 250,
        Lower95 = 11,
        Upper95 = 14,
        Comparisons = verdicts,
        Trend = trend,
    };

    [Fact]
    public void Worse_than_a_benchmark_and_worsening_is_a_candidate_concern_naming_the_benchmarks()
    {
        var analysis = Analysis(Worsening, Verdict("county", ComparisonOutcome.Worse), Verdict("country", ComparisonOutcome.Similar),
            Verdict(BenchmarkSeries.PeersKind, ComparisonOutcome.Worse));

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter);

        Assert.Equal(ObservationKind.Concern, reading.Kind);
        Assert.Null(reading.Gap);
        Assert.Equal(["county", BenchmarkSeries.PeersKind], reading.Benchmarks);
        Assert.Equal(SignificantTrendOutcome.IncreasingAndWorsening, reading.Trend);
    }

    [Fact]
    public void Better_than_a_benchmark_and_improving_is_a_candidate_joy()
    {
        var analysis = Analysis(Improving, Verdict("county", ComparisonOutcome.Similar), Verdict("country", ComparisonOutcome.Better));

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter);

        Assert.Equal(ObservationKind.Joy, reading.Kind);
        Assert.Equal(["country"], reading.Benchmarks);
    }

    [Fact]
    public void Without_a_direction_there_is_no_candidate_and_the_reason_says_so()
    {
        // Without a direction the analysis says higher/lower and increasing/decreasing, never better or worse.
        var analysis = Analysis(new SignificantTrendResult(SignificantTrendOutcome.Increasing, null, 20, 5, 2019, 2023),
            Verdict("county", ComparisonOutcome.Higher));

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.Neutral);

        Assert.Null(reading.Kind);
        Assert.Equal(EvidenceGap.NoDirection, reading.Gap);
        Assert.Empty(reading.Benchmarks);
    }

    [Fact]
    public void Small_numbers_give_no_candidate()
    {
        var analysis = Analysis(Worsening, Verdict("county", ComparisonOutcome.Worse)) with { SmallNumbers = true };

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter);

        Assert.Null(reading.Kind);
        Assert.Equal(EvidenceGap.SmallNumbers, reading.Gap);
    }

    [Fact]
    public void Nothing_compared_gives_no_candidate()
    {
        var analysis = Analysis(Worsening, new BenchmarkVerdict("county", "county", null, ComparisonResult.NotCompared(NotComparedReason.NoInterval)));

        Assert.Equal(EvidenceGap.NotCompared, EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter).Gap);
    }

    [Fact]
    public void Similar_to_every_benchmark_gives_no_candidate_even_when_worsening()
    {
        var analysis = Analysis(Worsening, Verdict("county", ComparisonOutcome.Similar), Verdict("country", ComparisonOutcome.Similar));

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter);

        Assert.Null(reading.Kind);
        Assert.Equal(EvidenceGap.NoSignal, reading.Gap);
    }

    [Fact]
    public void Worse_but_improving_is_no_candidate_a_municipality_catching_up()
    {
        var analysis = Analysis(Improving, Verdict("county", ComparisonOutcome.Worse), Verdict("country", ComparisonOutcome.Worse));

        var reading = EvidenceRule.Read(analysis, IndicatorDirection.LowerIsBetter);

        Assert.Null(reading.Kind);
        Assert.Equal(EvidenceGap.NoSignal, reading.Gap);
    }

    [Fact]
    public void Better_but_worsening_and_worse_but_flat_are_no_candidates()
    {
        Assert.Null(EvidenceRule.Read(Analysis(Worsening, Verdict("county", ComparisonOutcome.Better)), IndicatorDirection.LowerIsBetter).Kind);
        Assert.Null(EvidenceRule.Read(Analysis(Flat, Verdict("county", ComparisonOutcome.Worse)), IndicatorDirection.LowerIsBetter).Kind);
    }

    [Fact]
    public void A_difference_with_an_untested_trend_says_the_trend_is_why()
    {
        var reading = EvidenceRule.Read(Analysis(Untested, Verdict("county", ComparisonOutcome.Worse)), IndicatorDirection.LowerIsBetter);

        Assert.Null(reading.Kind);
        Assert.Equal(EvidenceGap.NoTrend, reading.Gap);
    }

    [Fact]
    public void No_value_is_no_data()
    {
        Assert.Equal(EvidenceGap.NoData, EvidenceRule.Read(null, IndicatorDirection.LowerIsBetter).Gap);
        Assert.Equal(EvidenceGap.NoData, EvidenceRule.Read(Analysis(Worsening) with { Year = null, Value = null }, IndicatorDirection.LowerIsBetter).Gap);
    }

    [Fact]
    public void The_rule_works_through_a_real_analysis_of_a_rising_rate()
    {
        // Counts 200, 240, 280, 320, 360 per 10,000 people (per 1,000 rates 20…36) against a county at 20: clearly
        // higher, clearly rising; with lower better that is a concern, with higher better it is a joy.
        var own = Enumerable.Range(0, 5).Select(i => new ObservedValue(2019 + i, 20 + (4 * i), 200 + (40 * i))).ToList();
        var county = new BenchmarkSeries("county", "Maakunta", Enumerable.Range(0, 5).Select(i => new ObservedValue(2019 + i, 20, null)).ToList());
        var scale = new ValueScale(ValueKind.CrudeRate, 1000);

        var lowerBetter = IndicatorAnalysis.Analyse(own, [county], scale, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);
        var higherBetter = IndicatorAnalysis.Analyse(own, [county], scale, IndicatorDirection.HigherIsBetter, SmallNumberRule.Default);

        Assert.Equal(ObservationKind.Concern, EvidenceRule.Read(lowerBetter, IndicatorDirection.LowerIsBetter).Kind);
        Assert.Equal(ObservationKind.Joy, EvidenceRule.Read(higherBetter, IndicatorDirection.HigherIsBetter).Kind);
    }

    [Theory]
    [InlineData(ObservationKind.Concern, EvidenceSupport.StillSupports)]
    [InlineData(ObservationKind.Joy, EvidenceSupport.NoLongerSupports)]
    public void Support_is_the_same_test_read_for_the_saved_kind(ObservationKind kind, EvidenceSupport expected)
    {
        var analysis = Analysis(Worsening, Verdict("county", ComparisonOutcome.Worse));

        Assert.Equal(expected, EvidenceRule.Supports(kind, analysis, IndicatorDirection.LowerIsBetter).Support);
    }

    [Fact]
    public void Support_cannot_be_told_without_a_direction_small_numbers_or_data()
    {
        var analysis = Analysis(Worsening, Verdict("county", ComparisonOutcome.Worse));

        Assert.Equal((EvidenceSupport.CannotTell, EvidenceGap.NoDirection), EvidenceRule.Supports(ObservationKind.Concern, analysis, IndicatorDirection.Neutral));
        Assert.Equal((EvidenceSupport.CannotTell, EvidenceGap.SmallNumbers),
            EvidenceRule.Supports(ObservationKind.Concern, analysis with { SmallNumbers = true }, IndicatorDirection.LowerIsBetter));
        Assert.Equal((EvidenceSupport.CannotTell, EvidenceGap.NoData), EvidenceRule.Supports(ObservationKind.Concern, null, IndicatorDirection.LowerIsBetter));
    }

    [Fact]
    public void An_observation_links_an_indicator_once()
    {
        var observation = new Observation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ObservationKind.Concern, LifeStage.Youth, "Huoli", "", "",
            Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var capture = new EvidenceCapture(4, "Fi", "Sv", "/1000", "/1000", 1, IndicatorDirection.LowerIsBetter, "Kunta", "Kommun", 2023, 12.5, "{}");

        observation.LinkIndicator(capture, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var again = Assert.Throws<Common.DomainException>(() => observation.LinkIndicator(capture, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

        Assert.Equal("Validation.ObservationIndicatorLinked", again.Message);
        Assert.Single(observation.Indicators);
    }

    [Fact]
    public void A_rejection_covers_its_year_and_older_but_not_a_newer_year()
    {
        var rejection = new CandidateRejection(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 4, ObservationKind.Concern, 2023, " ei nyt ", Guid.NewGuid(),
            DateTimeOffset.UnixEpoch);

        Assert.True(rejection.Covers(4, ObservationKind.Concern, 2023));
        Assert.False(rejection.Covers(4, ObservationKind.Concern, 2024));
        Assert.False(rejection.Covers(4, ObservationKind.Joy, 2023));
        Assert.Equal("ei nyt", rejection.Reason);
    }
}
