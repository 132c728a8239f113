using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>
/// The analysis an indicator page shows, fed with Sotkanet-shaped numbers (a value and its numerator) built from
/// published worked examples, so the page's figures are the published ones.
/// </summary>
public sealed class IndicatorAnalysisTests
{
    private static readonly ValueScale Per100000 = new(ValueKind.CrudeRate, 100_000);
    private static readonly ValueScale Percent = new(ValueKind.Proportion, 100);

    private static void Close(double expected, double? actual, double relative = 1e-8) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    /// <summary>PHEindicatormethods testdata (rate, Area8): 999 events in 3,456 people per 100,000 = 28,906.25.</summary>
    private static ObservedValue Area8(int year) => new(year, 28906.25, 999);

    [Fact]
    public void The_rate_interval_is_derived_from_the_value_and_its_numerator_PHE_Area8()
    {
        // PHEindicatormethods phe_rate, Area8 (999/3456 ×100,000): 95 % 27141.30493609052–30755.833237378414,
        // 99.8 % 26162.147596445768–31845.604819822653. Sotkanet gives only the value and the numerator; the
        // denominator 3,456 follows from them and the per-100,000 scale.
        var analysis = IndicatorAnalysis.Analyse([Area8(2024)], [], Per100000, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        Assert.Equal(2024, analysis.Year);
        Close(27141.30493609052, analysis.Lower95);
        Close(30755.833237378414, analysis.Upper95);
        Close(26162.147596445768, analysis.Lower998);
        Close(31845.604819822653, analysis.Upper998);
        Assert.Null(analysis.NoInterval);
        Assert.False(analysis.SmallNumbers);
    }

    [Fact]
    public void Each_benchmark_gets_its_verdict_in_the_same_year_and_the_verdict_follows_the_direction()
    {
        // 25,000 lies below the 99.8 % interval (26,162–31,846), 30,000 inside the 95 % one (27,141–30,756).
        BenchmarkSeries[] benchmarks =
        [
            new("county", "County", [new(2023, 1, 1), new(2024, 25000, null)]),
            new("country", "Finland", [new(2024, 30000, null)]),
            new("peers", "Peers", [new(2023, 30000, null)]),
        ];

        var lowerIsBetter = IndicatorAnalysis.Analyse([Area8(2024)], benchmarks, Per100000, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);
        var higherIsBetter = IndicatorAnalysis.Analyse([Area8(2024)], benchmarks, Per100000, IndicatorDirection.HigherIsBetter, SmallNumberRule.Default);
        var noDirection = IndicatorAnalysis.Analyse([Area8(2024)], benchmarks, Per100000, IndicatorDirection.Neutral, SmallNumberRule.Default);

        Assert.Equal(ComparisonOutcome.Worse, lowerIsBetter.Comparisons[0].Result.Outcome);
        Assert.Equal(0.998, lowerIsBetter.Comparisons[0].Result.SignificantAt);
        Assert.Equal(25000, lowerIsBetter.Comparisons[0].Value);
        Assert.Equal(ComparisonOutcome.Better, higherIsBetter.Comparisons[0].Result.Outcome);
        Assert.Equal(ComparisonOutcome.Higher, noDirection.Comparisons[0].Result.Outcome);
        Assert.Equal(ComparisonOutcome.Similar, lowerIsBetter.Comparisons[1].Result.Outcome);
        // The peers have no value for 2024: not compared, and said why.
        Assert.Equal(ComparisonOutcome.NotCompared, lowerIsBetter.Comparisons[2].Result.Outcome);
        Assert.Equal(NotComparedReason.NoBenchmarkValue, lowerIsBetter.Comparisons[2].Result.Reason);
    }

    [Fact]
    public void A_small_number_is_shown_with_its_interval_but_not_compared()
    {
        // PHEindicatormethods testdata_Proportion Area1: 1 of 100 → 95 % 0.0017674320641406511–0.054486196178705294 (×100).
        var analysis = IndicatorAnalysis.Analyse([new(2024, 1.0, 1)], [new("country", "Finland", [new(2024, 20, null)])],
            Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        Assert.True(analysis.SmallNumbers);
        Close(0.17674320641406511, analysis.Lower95);
        Close(5.4486196178705294, analysis.Upper95);
        Assert.Equal(NotComparedReason.SmallNumbers, analysis.Comparisons[0].Result.Reason);
    }

    [Fact]
    public void Without_a_numerator_there_is_no_interval_and_no_verdict_and_the_page_is_told_why()
    {
        var analysis = IndicatorAnalysis.Analyse([new(2024, 12.5, null)], [new("country", "Finland", [new(2024, 20, null)])],
            Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        Assert.False(analysis.HasInterval);
        Assert.Equal(NoIntervalReason.MissingNumerator, analysis.NoInterval);
        Assert.Equal(StatisticsResourceKeys.NoIntervalMissingNumerator, analysis.NoIntervalResourceKey);
        Assert.Equal(NotComparedReason.NoInterval, analysis.Comparisons[0].Result.Reason);
        Assert.Equal(TrendNotCalculatedReason.MissingCounts, analysis.Trend.Reason);
    }

    [Fact]
    public void An_index_is_never_given_an_invented_interval()
    {
        var analysis = IndicatorAnalysis.Analyse([new(2024, 104.2, 3000)], [new("country", "Finland", [new(2024, 100, null)])],
            new ValueScale(ValueKind.Index, 1), IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        Assert.Equal(NoIntervalReason.Index, analysis.NoInterval);
        Assert.Equal(ComparisonOutcome.NotCompared, analysis.Comparisons[0].Result.Outcome);
        Assert.Equal(TrendNotCalculatedReason.UnsupportedValueKind, analysis.Trend.Reason);
    }

    [Fact]
    public void The_trend_of_a_proportion_is_the_chi_square_test_on_the_counts_Fingertips_set1()
    {
        // fingertips-open TrendMarkerCalculatorTest GetTrendDataForProportion_Set1: χ² rounds to 47.9, significant.
        // Sotkanet gives each year's value and numerator; the denominators follow from them.
        (int Year, int Count, int Denominator)[] set1 =
            [(2014, 994, 40299), (2015, 1023, 41527), (2016, 1199, 42811), (2017, 1332, 44064), (2018, 1367, 44701)];
        var own = set1.Select(p => new ObservedValue(p.Year, p.Count * 100.0 / p.Denominator, p.Count)).ToList();

        var worsening = IndicatorAnalysis.Analyse(own, [], Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);
        var improving = IndicatorAnalysis.Analyse(own, [], Percent, IndicatorDirection.HigherIsBetter, SmallNumberRule.Default);

        Assert.Equal(47.9, Math.Round(worsening.Trend.ChiSquare, 2));
        Assert.Equal(SignificantTrendOutcome.IncreasingAndWorsening, worsening.Trend.Outcome);
        Assert.Equal(SignificantTrendOutcome.IncreasingAndImproving, improving.Trend.Outcome);
        Assert.Equal((2014, 2018), (worsening.Trend.FromYear, worsening.Trend.ToYear));
    }

    [Fact]
    public void The_trend_of_a_rate_uses_each_years_interval_and_needs_five_years()
    {
        var four = Enumerable.Range(2021, 4).Select(Area8).ToList();
        var flat = Enumerable.Range(2020, 5).Select(Area8).ToList();

        Assert.Equal(TrendNotCalculatedReason.TooFewPoints,
            IndicatorAnalysis.Analyse(four, [], Per100000, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default).Trend.Reason);
        Assert.Equal(SignificantTrendOutcome.NoSignificantChange,
            IndicatorAnalysis.Analyse(flat, [], Per100000, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default).Trend.Outcome);
    }

    [Fact]
    public void An_area_without_values_is_not_compared_and_has_no_year()
    {
        var analysis = IndicatorAnalysis.Analyse([new(2024, null, null)], [new("country", "Finland", [new(2024, 20, null)])],
            Percent, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        Assert.Null(analysis.Year);
        Assert.Equal(NotComparedReason.NoValue, analysis.Comparisons[0].Result.Reason);
    }

    [Theory]
    [InlineData("PER1000", "Tuhatta asukasta kohden", "Huostassa olleet", ValueKind.CrudeRate, 1000)]
    [InlineData("", "/1000", "Perusterveydenhuollon avohoidon lääkärikäynnit / 1 000 asukasta", ValueKind.CrudeRate, 1000)]
    [InlineData("PER100000", "", "Kuolleet", ValueKind.CrudeRate, 100_000)]
    [InlineData("", "/100000", "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavanikäistä, ikävakioitu", ValueKind.AgeStandardisedRate, 100_000)]
    [InlineData("PER10000", "", "Kaatumiset", ValueKind.CrudeRate, 10_000)]
    [InlineData("PERCENT", "Prosenttia", "Työttömät, % työvoimasta", ValueKind.Proportion, 100)]
    [InlineData("", "%", "Työttömät, % työvoimasta", ValueKind.Proportion, 100)]
    [InlineData("", "%", "Yksinäisyyttä kokevat, % 8. ja 9. luokan oppilaista", ValueKind.SurveyEstimate, 100)]
    [InlineData("", "indeksi", "THL:n sairastavuusindeksi, ikävakioitu", ValueKind.Index, 1)]
    [InlineData("", "indeksi", "Sairastavuusindeksi", ValueKind.Index, 1)]
    [InlineData("", "0-100", "Hyte-kerroin, kunnan pisteet", ValueKind.Index, 1)]
    [InlineData("", "lukumäärä", "Väestö 31.12.", ValueKind.Count, 1)]
    [InlineData("", "suhde", "Huoltosuhde, demografinen", ValueKind.Other, 1)]
    [InlineData("", "l", "Alkoholijuomien myynti asukasta kohden 100 %:n alkoholina, litraa", ValueKind.Other, 1)]
    [InlineData("", "", "Tuntematon", ValueKind.Other, 1)]
    public void The_kind_of_value_is_read_from_the_unit_and_the_title(string unitCode, string unit, string title, ValueKind kind, double multiplier)
    {
        var indicator = new Indicator(1)
        {
            UnitCode = unitCode,
            Unit = new LocalizedText(unit, unit, unit),
            Title = new LocalizedText(title, string.Empty, string.Empty),
        };

        Assert.Equal(new ValueScale(kind, multiplier), ValueScale.For(indicator));
    }

    [Fact]
    public void A_school_health_survey_source_makes_a_survey_estimate()
    {
        var indicator = new Indicator(1)
        {
            Unit = new LocalizedText("%", "%", "%"),
            Title = new LocalizedText("Kokee terveydentilansa keskinkertaiseksi", string.Empty, string.Empty),
            Sources = [new IndicatorSource(1, new LocalizedText("THL", "THL", "THL"), new LocalizedText("Kouluterveyskysely", "Skolhälsoenkäten", "School Health Promotion study"), LocalizedText.Empty)],
        };

        Assert.Equal(ValueKind.SurveyEstimate, ValueScale.For(indicator).Kind);
    }
}

public sealed class PeerTests
{
    [Fact]
    public void The_peer_benchmark_is_each_years_median_with_the_range_and_counts_only_peers_with_a_value()
    {
        IReadOnlyList<ObservedValue>[] peers =
        [
            [new(2023, 10, null), new(2024, 10, null)],
            [new(2023, 20, null), new(2024, 30, null)],
            [new(2023, 40, null), new(2024, null, null)],
            [new(2024, 12, null)],
        ];

        var benchmark = BenchmarkSeries.PeerMedian("Peers", peers);

        Assert.Equal(BenchmarkSeries.PeersKind, benchmark.Kind);
        Assert.Equal([new ObservedValue(2023, 20, null), new ObservedValue(2024, 12, null)], benchmark.Values);
        Assert.Equal([new PeerSpread(2023, 10, 40, 3), new PeerSpread(2024, 10, 30, 3)], benchmark.Spread);
    }

    [Fact]
    public void An_even_number_of_peers_takes_the_mean_of_the_two_middle_values()
    {
        var benchmark = BenchmarkSeries.PeerMedian("Peers", [[new(2024, 1, null)], [new(2024, 3, null)], [new(2024, 10, null)], [new(2024, 100, null)]]);

        Assert.Equal(6.5, benchmark.Values.Single().Value);
    }

    [Fact]
    public void The_verdict_against_the_peers_carries_their_range_in_the_compared_year()
    {
        var peers = BenchmarkSeries.PeerMedian("Peers", [[new(2024, 25000, null)], [new(2024, 24000, null)], [new(2024, 26000, null)]]);

        var analysis = IndicatorAnalysis.Analyse([new(2024, 28906.25, 999)], [peers], new ValueScale(ValueKind.CrudeRate, 100_000),
            IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        var verdict = Assert.Single(analysis.Comparisons);
        Assert.Equal(ComparisonOutcome.Worse, verdict.Result.Outcome);
        Assert.Equal(25000, verdict.Value);
        Assert.Equal(new PeerSpread(2024, 24000, 26000, 3), verdict.Spread);
    }

    [Fact]
    public void The_suggestion_is_the_closest_in_population_of_the_same_category_measured_as_a_ratio()
    {
        var own = new RegionPopulation(1, "KUNTA", 12_000);
        RegionPopulation[] candidates =
        [
            own,
            new(2, "KUNTA", 6_000),        // half: as close as double
            new(3, "KUNTA", 24_000),       // double
            new(4, "KUNTA", 13_000),       // closest
            new(5, "SEUTUKUNTA", 12_000),  // another kind of region
            new(6, "KUNTA", 600_000),
            new(7, "KUNTA", 0),            // no population: not suggested
        ];

        Assert.Equal([4, 2, 3], PeerSuggestion.Closest(own, candidates, 3));
        Assert.Equal([4, 2, 3, 6], PeerSuggestion.Closest(own, candidates));
        Assert.Empty(PeerSuggestion.Closest(own with { Population = 0 }, candidates));
    }

    [Fact]
    public void A_group_refuses_the_own_region_and_more_than_the_maximum()
    {
        var group = new PeerGroup(Guid.NewGuid(), Guid.NewGuid());
        var version = group.Version;

        group.Choose([5, 6, 6], ownRegionId: 1);

        Assert.Equal([5, 6], group.Members.Select(m => m.RegionId));
        Assert.NotEqual(version, group.Version);
        Assert.Equal("Validation.PeerIsOwnRegion", Assert.Throws<Valfard.Domain.Common.DomainException>(() => group.Choose([1, 5], 1)).Message);
        Assert.Throws<Valfard.Domain.Common.DomainException>(() => group.Choose(Enumerable.Range(100, PeerGroup.MaxPeers + 1), 1));
        Assert.Equal([5, 6], group.Members.Select(m => m.RegionId));
    }
}
