using System.Text.Json;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>
/// The rule that finds Sotkanet's indicators by age group (docs/decisions/0023-differences-between-groups.md), on
/// constructed titles and on Sotkanet's real catalogue list (indicators.json, 2015) and metadata (indicator-4.json)
/// kept in ../shared/sotkanet-real next to the repository.
/// </summary>
public sealed class AgeGroupingTests
{
    private static AgeCandidate C(int id, string title, string unit = "", int? organisation = 2, string age = "") => new(id, title, unit, organisation, age);

    [Theory]
    [InlineData("Mielenterveyden häiriöihin sairaalahoitoa saaneet 0 - 17-vuotiaat / 1 000 vastaavanikäistä", 0, 17)]
    [InlineData("Kuolleisuus 1 - 4-vuotiailla / 100 000 vastaavanikäistä", 1, 4)]
    [InlineData("Perusterveydenhuollon kouluterveydenhuollon käynnit / 1 000 7 - 18-vuotiasta", 7, 18)]
    [InlineData("Raskaudenkeskeytykset alle 25-vuotiailla / 1 000 15 - 24-vuotiasta naista", 0, 24)]
    [InlineData("Kotona asuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä", 75, null)]
    [InlineData("Yksin asuvat yli 64-vuotiaat", 65, null)]
    public void The_age_range_is_read_from_the_finnish_title(string title, int from, int? to) =>
        Assert.Equal(new AgeRange(from, to), AgeGrouping.RangeIn(title));

    [Fact]
    public void Titles_without_an_age_or_with_nothing_before_it_have_no_stem()
    {
        Assert.Null(AgeGrouping.RangeIn("Huoltosuhde, demografinen"));
        Assert.Null(AgeGrouping.StemOf("Huoltosuhde, demografinen"));
        // A share of the population of an age is not a measure by age group.
        Assert.Null(AgeGrouping.StemOf("0 - 6-vuotiaat, % väestöstä"));
        Assert.Equal("kuolleisuus {ikä} / 100000 vastaavanikäistä", AgeGrouping.StemOf("Kuolleisuus 5 - 9-vuotiailla / 100 000 vastaavanikäistä"));
    }

    [Fact]
    public void Groups_are_matched_by_stem_unit_and_organisation_and_the_covering_range_is_the_whole()
    {
        var catalogue = new[]
        {
            C(390, "Kuolleisuus 1 - 17-vuotiailla / 100 000 vastaavanikäistä", "PER100000"),
            C(400, "Kuolleisuus 1 - 4-vuotiailla / 100 000 vastaavanikäistä", "PER100000"),
            C(401, "Kuolleisuus 5 - 9-vuotiailla / 100 000 vastaavanikäistä", "PER100000"),
            C(999, "Kuolleisuus 10 - 14-vuotiailla / 100 000 vastaavanikäistä", "PERCENT"),
            C(998, "Kuolleisuus 15 - 17-vuotiailla / 100 000 vastaavanikäistä", "PER100000", organisation: 7),
            C(5, "Toimeentulotukea saaneet 25 - 64-vuotiaat, % vastaavanikäisestä väestöstä"),
        };

        var group = AgeGrouping.GroupOf(catalogue[1], catalogue);

        Assert.Equal([390, 400, 401], group.Select(m => m.IndicatorId).Order());
        Assert.Equal([400, 401, 390], group.Select(m => m.IndicatorId));
        Assert.True(group.Single(m => m.IndicatorId == 390).IsWhole);
        Assert.Empty(AgeGrouping.GroupOf(catalogue[5], catalogue));
    }

    [Fact]
    public void Without_a_covering_range_each_group_is_compared_with_the_median_of_the_others()
    {
        var members = new[] { new AgeGroupMember(1, new AgeRange(0, 15), false), new AgeGroupMember(2, new AgeRange(16, 24), false),
            new AgeGroupMember(3, new AgeRange(25, 64), false) };
        var scale = new ValueScale(ValueKind.Proportion, 100);
        // Wilson 95 % for 81/263 (Newcombe 1998) is 25.53–36.62 %; the others' median 20 % lies below it.
        var series = new Dictionary<int, IReadOnlyList<ObservedValue>>
        {
            [1] = [new ObservedValue(2024, 30.8, 81)],
            [2] = [new ObservedValue(2024, 20, 200)],
            [3] = [new ObservedValue(2024, 10, 500)],
        };
        var scales = members.ToDictionary(m => m.IndicatorId, _ => scale);

        var results = AgeGrouping.Compare(members, series, scales, IndicatorDirection.LowerIsBetter, SmallNumberRule.Default);

        var first = results.Single(r => r.Member.IndicatorId == 1);
        Assert.Equal(AgeGroupResult.OthersKind, first.Verdict!.Kind);
        Assert.Equal(15, first.Verdict.Value); // the median of 20 and 10
        Assert.Equal(ComparisonOutcome.Worse, first.Verdict.Result.Outcome);
        Assert.Equal(1, AgeGrouping.Furthest(results)!.Member.IndicatorId);
    }

    [Fact]
    public void Against_a_whole_the_whole_itself_is_not_judged_and_a_group_without_values_says_so()
    {
        var members = new[] { new AgeGroupMember(1, new AgeRange(0, 17), true), new AgeGroupMember(2, new AgeRange(0, 6), false),
            new AgeGroupMember(3, new AgeRange(7, 17), false) };
        var scale = new ValueScale(ValueKind.Proportion, 100);
        var series = new Dictionary<int, IReadOnlyList<ObservedValue>>
        {
            [1] = [new ObservedValue(2024, 40, 4000)],
            [2] = [new ObservedValue(2024, 30.8, 81)],
        };

        var results = AgeGrouping.Compare(members, series, members.ToDictionary(m => m.IndicatorId, _ => scale), IndicatorDirection.HigherIsBetter,
            SmallNumberRule.Default);

        Assert.Empty(results.Single(r => r.Member.IsWhole).Analysis!.Comparisons);
        Assert.Equal(ComparisonOutcome.Worse, results.Single(r => r.Member.IndicatorId == 2).Verdict!.Result.Outcome);
        Assert.Equal(AgeGroupResult.WholeKind, results.Single(r => r.Member.IndicatorId == 2).Verdict!.Kind);
        Assert.Null(results.Single(r => r.Member.IndicatorId == 3).Analysis);
    }

    [RealSotkanetFact]
    public void In_the_real_catalogue_child_mortality_by_age_groups_under_1_to_17_and_unrelated_titles_stay_apart()
    {
        var catalogue = RealCatalogue();
        var byId = catalogue.ToDictionary(c => c.Id);

        var mortality = AgeGrouping.GroupOf(byId[401], catalogue);
        Assert.Equal([400, 401, 402, 403, 390], mortality.Select(m => m.IndicatorId));
        Assert.Equal(390, mortality.Single(m => m.IsWhole).IndicatorId);
        Assert.Equal(mortality, AgeGrouping.GroupOf(byId[390], catalogue));
        // Mortality at 65 and over (322) has the same title: it is compared with the children's 1–17, not its parts.
        var old = AgeGrouping.GroupOf(byId[322], catalogue);
        Assert.Equal([390, 322], old.Select(m => m.IndicatorId));
        Assert.DoesNotContain(old, m => m.IsWhole);

        // "/ 1 000" and "/ 1000" are the same unit: 0–15, 16–24 and 25–64 injuries in hospital go together, no whole.
        var injuries = AgeGrouping.GroupOf(byId[320], catalogue);
        Assert.Equal([320, 321, 308], injuries.Select(m => m.IndicatorId));
        Assert.DoesNotContain(injuries, m => m.IsWhole);

        // Mental disorders in hospital: 0–17 (indicator 4) and 18–24 (indicator 240).
        Assert.Equal([4, 240], AgeGrouping.GroupOf(byId[4], catalogue).Select(m => m.IndicatorId).Take(2));

        // Shares of the population by age ("0 - 6-vuotiaat, % väestöstä") are not one indicator by age.
        Assert.Empty(AgeGrouping.GroupOf(byId[7], catalogue));
    }

    [RealSotkanetFact]
    public void The_age_classification_of_real_metadata_gives_the_range()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(RealFiles.PathOf("indicator-4.json")));
        var age = json.RootElement.GetProperty("classifications").GetProperty("age").GetProperty("title").GetProperty("fi").GetString()!;

        Assert.Equal("0 - 17-vuotiaat", age);
        Assert.Equal(new AgeRange(0, 17), AgeGrouping.RangeOf(C(4, "Mielenterveyden häiriöt", age: age)));
    }

    private static List<AgeCandidate> RealCatalogue()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(RealFiles.PathOf("indicators.json")));
        return json.RootElement.EnumerateArray().Select(i => C(
            i.GetProperty("id").GetInt32(),
            i.GetProperty("title").GetProperty("fi").GetString() ?? string.Empty,
            organisation: i.TryGetProperty("organization", out var o) && o.TryGetProperty("id", out var oid) ? oid.GetInt32() : null)).ToList();
    }
}

/// <summary>The real Sotkanet answers in ../shared/sotkanet-real next to the folder holding Valfard.sln; absent on some machines.</summary>
internal static class RealFiles
{
    public static string? Folder { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Folder ?? throw new InvalidOperationException("No sotkanet-real folder."), name);

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Valfard.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "sotkanet-real"));
                return Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
    }
}

/// <summary>A fact over the real Sotkanet files, reported as skipped with the reason when the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RealSotkanetFactAttribute : FactAttribute
{
    public RealSotkanetFactAttribute()
    {
        if (RealFiles.Folder is null)
        {
            Skip = "Skipped: the real Sotkanet files were not found at ../shared/sotkanet-real/ next to the repository holding Valfard.sln.";
        }
    }
}
