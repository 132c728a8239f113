using System.Globalization;
using System.Text.RegularExpressions;
using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

/// <summary>An age group in years: from <see cref="From"/> to <see cref="To"/> inclusive; no upper end for "75 vuotta täyttäneet".</summary>
public sealed record AgeRange(int From, int? To)
{
    /// <summary>True when <paramref name="other"/> lies wholly inside this range.</summary>
    public bool Covers(AgeRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From <= other.From && (To is null || (other.To is { } end && end <= To));
    }

    public override string ToString() => To is { } to
        ? $"{From.ToString(CultureInfo.InvariantCulture)}–{to.ToString(CultureInfo.InvariantCulture)}"
        : $"{From.ToString(CultureInfo.InvariantCulture)}+";
}

/// <summary>What the age rule needs to know of a catalogue indicator.</summary>
/// <param name="AgeTitleFi">Sotkanet's age classification title from /indicators/{id} ("0 - 17-vuotiaat"); empty when not read.</param>
public sealed record AgeCandidate(int Id, string TitleFi, string UnitCode, int? OrganisationId, string AgeTitleFi);

/// <summary>One indicator of an age grouping, with its age range; <see cref="IsWhole"/> for the one that covers all the others.</summary>
public sealed record AgeGroupMember(int IndicatorId, AgeRange Range, bool IsWhole);

/// <summary>
/// Sotkanet publishes an indicator by age group as separate indicators, one per group ("Kuolleisuus 1 - 4-vuotiailla /
/// 100 000 vastaavanikäistä", "… 5 - 9-vuotiailla …"), each with its age in the title and, in /indicators/{id}, in the
/// classification <c>age</c>. The rule (docs/decisions/0023-differences-between-groups.md): indicators are age groups
/// of one another when their Finnish titles are the same once the age phrase is taken out (the "stem"), something
/// comes before the age phrase (so "0 - 6-vuotiaat, % väestöstä" — a share of the population, not a measure by age —
/// is not grouped), and they share the unit and the producing organisation where both are known. The widest range
/// around the indicator is the whole, with the ranges inside it; an indicator that is inside no wider range and holds
/// none is compared with the other such ranges.
/// </summary>
public static partial class AgeGrouping
{
    public const string AgePlaceholder = "{ikä}";

    /// <summary>The age range an indicator is about: from its age classification when read, else from its title.</summary>
    public static AgeRange? RangeOf(AgeCandidate indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return RangeIn(indicator.AgeTitleFi) ?? RangeIn(indicator.TitleFi);
    }

    /// <summary>The first age phrase in a Finnish text: "0 - 17-vuotiaat", "alle 25-vuotiailla", "75 vuotta täyttäneet", "yli 64-vuotiaat".</summary>
    public static AgeRange? RangeIn(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = AgePhrase().Match(text);
        if (!match.Success)
        {
            return null;
        }
        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        if (match.Groups["from"].Success && match.Groups["to"].Success)
        {
            return Number("from") <= Number("to") ? new AgeRange(Number("from"), Number("to")) : null;
        }
        if (match.Groups["under"].Success)
        {
            return Number("under") > 0 ? new AgeRange(0, Number("under") - 1) : null;
        }
        if (match.Groups["over"].Success)
        {
            return new AgeRange(Number("over") + 1, null);
        }
        if (match.Groups["from2"].Success)
        {
            return new AgeRange(Number("from2"), null);
        }
        return null;
    }

    /// <summary>
    /// The title with every age phrase replaced by <see cref="AgePlaceholder"/>, spaces collapsed and thousands written
    /// without a space ("/ 1 000" and "/ 1000" are the same unit in Sotkanet's titles); null when the title names no
    /// age or nothing comes before the age.
    /// </summary>
    public static string? StemOf(string titleFi)
    {
        if (string.IsNullOrWhiteSpace(titleFi) || !AgePhrase().IsMatch(titleFi))
        {
            return null;
        }
        var stem = AgePhrase().Replace(titleFi, AgePlaceholder);
        stem = Thousands().Replace(stem, "$1$2");
        stem = Spaces().Replace(stem, " ").Trim().ToLowerInvariant();
        return stem.StartsWith(AgePlaceholder, StringComparison.Ordinal) ? null : stem;
    }

    /// <summary>
    /// The age groups <paramref name="indicator"/> belongs to, itself included, ordered by age with the whole last; empty when it has no
    /// siblings in <paramref name="catalogue"/>. Two indicators with the same range (e.g. a renamed copy) keep the lower id.
    /// </summary>
    public static IReadOnlyList<AgeGroupMember> GroupOf(AgeCandidate indicator, IEnumerable<AgeCandidate> catalogue)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalogue);
        var stem = StemOf(indicator.TitleFi);
        if (stem is null || RangeOf(indicator) is null)
        {
            return [];
        }
        var siblings = catalogue
            .Where(c => c.Id == indicator.Id || (Same(c.UnitCode, indicator.UnitCode) && Same(c.OrganisationId, indicator.OrganisationId)
                                                 && StemOf(c.TitleFi) == stem))
            .Select(c => (Candidate: c, Range: RangeOf(c)))
            .Where(c => c.Range is not null)
            .GroupBy(c => c.Range)
            .Select(g => g.OrderBy(c => c.Candidate.Id == indicator.Id ? 0 : 1).ThenBy(c => c.Candidate.Id).First())
            .ToList();
        if (siblings.Count < 2)
        {
            return [];
        }
        // Sotkanet often has a wide range beside its parts (1–17 beside 1–4, 5–9, 10–14, 15–17) and, with the same
        // title, ages elsewhere (65+). The widest range around the indicator is the whole, with the ranges inside
        // it; an indicator inside no wider range and holding none is compared with the other widest ranges.
        bool Inside(AgeRange inner, AgeRange outer) => outer != inner && outer.Covers(inner);
        var tops = siblings.Where(s => !siblings.Any(o => Inside(s.Range!, o.Range!))).ToList();
        var own = siblings.First(s => s.Candidate.Id == indicator.Id);
        var around = tops.FirstOrDefault(t => t.Candidate.Id != indicator.Id && Inside(own.Range!, t.Range!));
        var holds = siblings.Any(o => Inside(o.Range!, own.Range!));
        var whole = around.Candidate is not null ? around : holds ? own : default;
        var members = whole.Candidate is not null
            ? siblings.Where(s => s.Candidate.Id == whole.Candidate.Id || Inside(s.Range!, whole.Range!)).ToList()
            : tops;
        if (members.Count < 2)
        {
            return [];
        }
        var wholeId = whole.Candidate?.Id;
        return members
            .OrderBy(s => s.Candidate.Id == wholeId ? 1 : 0).ThenBy(s => s.Range!.From).ThenBy(s => s.Range!.To ?? int.MaxValue)
            .Select(s => new AgeGroupMember(s.Candidate.Id, s.Range!, s.Candidate.Id == wholeId))
            .ToList();
    }

    /// <summary>
    /// Every group's latest value analysed against the whole, or, where no member covers the others, against the
    /// median of the other groups in the same year (so two groups are compared with each other). The direction is the
    /// indicator's: the groups measure the same thing.
    /// </summary>
    public static IReadOnlyList<AgeGroupResult> Compare(IReadOnlyList<AgeGroupMember> members,
        IReadOnlyDictionary<int, IReadOnlyList<ObservedValue>> series, IReadOnlyDictionary<int, ValueScale> scales,
        IndicatorDirection direction, SmallNumberRule rule)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(scales);
        IReadOnlyList<ObservedValue> SeriesOf(int id) => series.TryGetValue(id, out var s) ? s : [];
        var whole = members.FirstOrDefault(m => m.IsWhole);
        var results = new List<AgeGroupResult>();
        foreach (var member in members)
        {
            var own = SeriesOf(member.IndicatorId);
            if (!own.Any(v => v.Value is not null))
            {
                results.Add(new AgeGroupResult(member, null));
                continue;
            }
            BenchmarkSeries benchmark = whole is not null
                ? new BenchmarkSeries(AgeGroupResult.WholeKind, string.Empty, SeriesOf(whole.IndicatorId))
                : BenchmarkSeries.PeerMedian(string.Empty, members.Where(o => o.IndicatorId != member.IndicatorId).Select(o => SeriesOf(o.IndicatorId)))
                    with
                { Kind = AgeGroupResult.OthersKind };
            var scale = scales.GetValueOrDefault(member.IndicatorId, ValueScale.Unknown);
            IReadOnlyList<BenchmarkSeries> benchmarks = member.IsWhole ? [] : [benchmark];
            results.Add(new AgeGroupResult(member, IndicatorAnalysis.Analyse(own, benchmarks, scale, direction, rule)));
        }
        return results;
    }

    /// <summary>The group whose latest value lies furthest from its benchmark, among those compared; null when none was.</summary>
    public static AgeGroupResult? Furthest(IReadOnlyList<AgeGroupResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Where(r => r.Verdict is { Value: not null } && r.Analysis?.Value is not null)
            .MaxBy(r => Math.Abs(r.Analysis!.Value!.Value - r.Verdict!.Value!.Value));
    }

    private static bool Same(string a, string b) => a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Same(int? a, int? b) => a is null || b is null || a == b;

    // "0 - 17-vuotiaat", "25-64-vuotiaiden", "7 - 18-vuotiasta", "alle 25-vuotiailla", "yli 64-vuotiaat", "75 vuotta täyttäneet".
    [GeneratedRegex(@"(?:(?<from>\d{1,3})\s*[-–]\s*(?<to>\d{1,3})\s*-?\s*vuotia\w*|alle\s+(?<under>\d{1,3})\s*-?\s*vuotia\w*|yli\s+(?<over>\d{1,3})\s*-?\s*vuotia\w*|(?<from2>\d{1,3})\s+vuotta\s+täyttäne\w*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePhrase();

    [GeneratedRegex(@"(\d)\s(\d{3})(?!\d)")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>One age group's analysis: its interval and the verdict against the whole or the other groups; null without values.</summary>
public sealed record AgeGroupResult(AgeGroupMember Member, IndicatorAnalysis? Analysis)
{
    public const string WholeKind = "whole";
    public const string OthersKind = "agegroups";

    public BenchmarkVerdict? Verdict => Analysis is { Comparisons.Count: > 0 } a ? a.Comparisons[0] : null;
}
