using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Features.Indicators;

/// <summary>One age group as the page shows it: its indicator, the range, and the analysis of its latest own value.</summary>
public sealed record AgeGroupRow(int IndicatorId, string Title, AgeRange Range, bool IsWhole, bool IsCurrent, string Unit, int? Decimals,
    IndicatorAnalysis? Analysis)
{
    public BenchmarkVerdict? Verdict => Analysis is { Comparisons.Count: > 0 } a ? a.Comparisons[0] : null;

    public string Format(double value, IFormatProvider culture) => IndicatorNumber.Format(value, Decimals, culture);
}

/// <summary>An indicator's age groups in the own region: the whole (when one covers the others) and each group against it.</summary>
public sealed record AgeGroupsViewModel(IReadOnlyList<AgeGroupRow> Rows, bool HasWhole)
{
    /// <summary>The group furthest from its benchmark among those compared, for the overview.</summary>
    public AgeGroupRow? Furthest => Rows.Where(r => r.Verdict is { Value: not null } && r.Analysis?.Value is not null)
        .MaxBy(r => Math.Abs(r.Analysis!.Value!.Value - r.Verdict!.Value!.Value));

    /// <summary>The lowest and highest latest value among the groups (the whole left out).</summary>
    public (double Low, double High)? Spread
    {
        get
        {
            var values = Rows.Where(r => !r.IsWhole && r.Analysis?.Value is not null).Select(r => r.Analysis!.Value!.Value).ToList();
            return values.Count < 2 ? null : (values.Min(), values.Max());
        }
    }
}

/// <summary>
/// Finds, for indicators of the catalogue, the sibling indicators Sotkanet publishes per age group
/// (<see cref="AgeGrouping"/>) and analyses their latest values in the organisation's own region: one query for the
/// candidates and one for the values, however many indicators are asked about.
/// </summary>
public sealed class AgeGroupService(ValfardDbContext db, ICurrentOrganisation current, IOptions<StatisticsOptions> statistics)
{
    public async Task<IReadOnlyDictionary<int, AgeGroupsViewModel>> ForAsync(IReadOnlyList<int> indicatorIds, string language, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, AgeGroupsViewModel>();
        if (indicatorIds.Count == 0)
        {
            return result;
        }
        // Only titles naming an age can be age groups; the filter keeps the catalogue read small.
        var candidates = (await db.Indicators.AsNoTracking()
                .Where(i => i.Title.Fi.Contains("vuotia") || i.Title.Fi.Contains("vuotta"))
                .Select(i => new { i.Id, TitleFi = i.Title.Fi, i.UnitCode, i.SourceOrganisationId, i.Age })
                .ToListAsync(cancellationToken))
            .Select(c => new AgeCandidate(c.Id, c.TitleFi, c.UnitCode, c.SourceOrganisationId, c.Age.Title.Fi)).ToList();
        var byId = candidates.ToDictionary(c => c.Id);
        // Each title's stem once: a set of 150 indicators would otherwise read every candidate's title 150 times.
        var byStem = candidates.Select(c => (Candidate: c, Stem: AgeGrouping.StemOf(c.TitleFi))).Where(c => c.Stem is not null)
            .ToLookup(c => c.Stem!, c => c.Candidate);
        var groups = indicatorIds.Distinct().Where(byId.ContainsKey)
            .Select(id => (Id: id, Members: AgeGrouping.StemOf(byId[id].TitleFi) is { } stem ? AgeGrouping.GroupOf(byId[id], byStem[stem]) : []))
            .Where(g => g.Members.Count > 0).ToList();
        if (groups.Count == 0)
        {
            return result;
        }
        var regionId = await OwnRegionAsync(cancellationToken);
        if (regionId is null)
        {
            return result;
        }
        var memberIds = groups.SelectMany(g => g.Members.Select(m => m.IndicatorId)).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => memberIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => memberIds.Contains(v.IndicatorId) && v.RegionId == regionId && v.Gender == Gender.Total)
                .ToListAsync(cancellationToken))
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ObservedValue>)g.OrderBy(v => v.Year).Select(v => new ObservedValue(v.Year, v.Value, v.AbsValue)).ToList());
        var scales = indicators.ToDictionary(i => i.Key, i => ValueScale.For(i.Value));
        var rule = statistics.Value.SmallNumberRule;
        foreach (var (id, members) in groups)
        {
            var direction = indicators.TryGetValue(id, out var own) ? own.Direction : IndicatorDirection.Neutral;
            var analysed = AgeGrouping.Compare(members.Where(m => indicators.ContainsKey(m.IndicatorId)).ToList(), values, scales, direction, rule);
            var rows = analysed.Select(r =>
            {
                var indicator = indicators[r.Member.IndicatorId];
                return new AgeGroupRow(indicator.Id, indicator.TitleIn(language), r.Member.Range, r.Member.IsWhole, indicator.Id == id,
                    indicator.Unit.Pick(language), indicator.Decimals, r.Analysis);
            }).ToList();
            result[id] = new AgeGroupsViewModel(rows, rows.Any(r => r.IsWhole));
        }
        return result;
    }

    private async Task<int?> OwnRegionAsync(CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        return await PeerService.OwnRegion(db.Regions.AsNoTracking(), organisation).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
