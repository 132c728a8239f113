using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Plans;

/// <summary>The name and values of the indicator behind a follow-up indicator, Sotkanet's or the organisation's own.</summary>
public sealed record FollowUpIndicatorSeries(string NameFi, string NameSv, string Unit, string Link, IReadOnlyList<(int Year, double Value)> Values)
{
    public string NameIn(string language) => language == "sv" && NameSv.Length > 0 ? NameSv : NameFi;
}

/// <summary>
/// One plan with everything its pages, the CSV export and the snapshot need, read in a handful of queries: goals,
/// measures, follow-up indicators with their values, names of sectors and people, and optionally one follow-up round.
/// </summary>
public sealed class PlanData
{
    public required WelfarePlan Plan { get; init; }
    public required CouncilTerm Term { get; init; }
    public required Organisation Organisation { get; init; }
    public required IReadOnlyList<Goal> Goals { get; init; }
    public required IReadOnlyList<Measure> Measures { get; init; }
    public required IReadOnlyList<FollowUpIndicator> Indicators { get; init; }
    public required IReadOnlyDictionary<Guid, FollowUpIndicatorSeries> Series { get; init; }
    public required IReadOnlyDictionary<Guid, Sector> Sectors { get; init; }
    public required IReadOnlyDictionary<Guid, (string Name, string Email)> Users { get; init; }
    public FollowUpRound? Round { get; init; }
    public IReadOnlyDictionary<Guid, MeasureFollowUp> Entries { get; init; } = new Dictionary<Guid, MeasureFollowUp>();
    public IReadOnlyDictionary<Guid, GoalAssessmentOverride> Overrides { get; init; } = new Dictionary<Guid, GoalAssessmentOverride>();

    public IEnumerable<Measure> MeasuresOf(Guid goalId) => Measures.Where(m => m.GoalId == goalId).OrderBy(m => m.Position).ThenBy(m => m.Code, StringComparer.Ordinal);

    public IEnumerable<FollowUpIndicator> IndicatorsOfGoal(Guid goalId) => Indicators.Where(i => i.GoalId == goalId).OrderBy(i => i.Position);

    public IEnumerable<FollowUpIndicator> IndicatorsOfMeasure(Guid measureId) => Indicators.Where(i => i.MeasureId == measureId).OrderBy(i => i.Position);

    public string SectorName(Guid? sectorId, string language) =>
        sectorId is { } id && Sectors.TryGetValue(id, out var sector) ? sector.NameIn(language) : string.Empty;

    public string UserName(Guid? userId) => userId is { } id && Users.TryGetValue(id, out var user) ? user.Name : string.Empty;

    /// <summary>The status in the round when one is loaded, otherwise the measure's current status.</summary>
    public MeasureStatus StatusOf(Measure measure) =>
        Round is not null && Entries.TryGetValue(measure.Id, out var entry) ? entry.Status : measure.Status;

    public int ReferenceYear(int today) => Round?.Year ?? today;

    /// <summary>In a round, whether the owner recorded the measure in it; outside one, whether it has left "not started".</summary>
    public bool IsReported(Measure measure) =>
        Round is not null ? Entries.ContainsKey(measure.Id) : measure.Status != MeasureStatus.NotStarted;

    public (int Year, double Value)? Actual(FollowUpIndicator indicator, int year) =>
        Series.TryGetValue(indicator.Id, out var series) ? AssessmentRule.ActualFor(series.Values, indicator.BaselineYear, year) : null;

    public double? Progress(FollowUpIndicator indicator, int year) =>
        AssessmentRule.Progress(indicator.Baseline, indicator.Target, Actual(indicator, year)?.Value, indicator.Direction);

    /// <summary>The rule's assessment of a goal for the year: its own indicators, its measures' indicators and its measures.</summary>
    public AssessmentBasis Assess(Goal goal, int year)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var measures = MeasuresOf(goal.Id).ToList();
        var indicators = IndicatorsOfGoal(goal.Id).Concat(measures.SelectMany(m => IndicatorsOfMeasure(m.Id)));
        return AssessmentRule.Assess(indicators.Select(i => Progress(i, year)),
            measures.Where(m => !m.IsScheduledAfter(year)).Select(m => new MeasureInRound(Measure.IsLate(StatusOf(m), m.EndYear, year), IsReported(m))));
    }

    /// <summary>The assessment that counts: the coordinator's override when there is one, else the rule's.</summary>
    public Assessment? FinalAssessment(Goal goal, int year) =>
        Overrides.TryGetValue(goal.Id, out var own) ? own.Assessment : Assess(goal, year).Assessment;
}

/// <summary>Reads a <see cref="PlanData"/>; the tenant filter keeps it to the signed-in organisation.</summary>
public sealed class PlanReader(ValfardDbContext db)
{
    public async Task<PlanData?> LoadAsync(Guid planId, int? roundYear, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == plan.OrganisationId, cancellationToken);
        var term = await db.CouncilTerms.AsNoTracking().FirstAsync(t => t.Id == plan.CouncilTermId, cancellationToken);
        var goals = (await db.Goals.AsNoTracking().Include(g => g.Concerns).Where(g => g.PlanId == plan.Id).ToListAsync(cancellationToken))
            .OrderBy(g => g.Position).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken);
        var indicators = await db.PlanIndicators.AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync(cancellationToken);
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email ?? string.Empty), cancellationToken);

        FollowUpRound? round = null;
        Dictionary<Guid, MeasureFollowUp> entries = [];
        Dictionary<Guid, GoalAssessmentOverride> overrides = [];
        if (roundYear is { } year)
        {
            round = await db.FollowUpRounds.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.Year == year, cancellationToken);
            if (round is null)
            {
                return null;
            }
            entries = await db.MeasureFollowUps.AsNoTracking().Where(f => f.RoundId == round.Id).ToDictionaryAsync(f => f.MeasureId, cancellationToken);
            overrides = await db.AssessmentOverrides.AsNoTracking().Where(o => o.RoundId == round.Id).ToDictionaryAsync(o => o.GoalId, cancellationToken);
        }
        return new PlanData
        {
            Plan = plan,
            Term = term,
            Organisation = organisation,
            Goals = goals,
            Measures = measures,
            Indicators = indicators,
            Series = await SeriesAsync(organisation, indicators, cancellationToken),
            Sectors = sectors,
            Users = users,
            Round = round,
            Entries = entries,
            Overrides = overrides,
        };
    }

    /// <summary>Sotkanet values are the organisation's own region (matched by official code), all genders together.</summary>
    public async Task<Dictionary<Guid, FollowUpIndicatorSeries>> SeriesAsync(Organisation organisation, IReadOnlyList<FollowUpIndicator> indicators,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var sotkanetIds = indicators.Select(i => i.IndicatorId).OfType<int>().Distinct().ToList();
        var localIds = indicators.Select(i => i.LocalIndicatorId).OfType<Guid>().Distinct().ToList();
        var catalogue = await db.Indicators.AsNoTracking().Where(i => sotkanetIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var region = await Indicators.PeerService.OwnRegion(db.Regions.AsNoTracking(), organisation).FirstOrDefaultAsync(cancellationToken);
        var values = region is null
            ? []
            : await db.IndicatorValues.AsNoTracking()
                .Where(v => sotkanetIds.Contains(v.IndicatorId) && v.RegionId == region.Id && v.Gender == Gender.Total && v.Value != null)
                .ToListAsync(cancellationToken);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        var locals = await db.LocalIndicators.AsNoTracking().Include(l => l.Values).Where(l => localIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, cancellationToken);

        var result = new Dictionary<Guid, FollowUpIndicatorSeries>();
        foreach (var indicator in indicators)
        {
            if (indicator.IndicatorId is { } id && catalogue.TryGetValue(id, out var known))
            {
                result[indicator.Id] = new FollowUpIndicatorSeries(known.Title.Pick("fi"), known.Title.Sv, string.Empty, $"/indicators/{id}",
                    byIndicator[id].OrderBy(v => v.Year).Select(v => (v.Year, v.Value!.Value)).ToList());
            }
            else if (indicator.LocalIndicatorId is { } localId && locals.TryGetValue(localId, out var local))
            {
                result[indicator.Id] = new FollowUpIndicatorSeries(local.TitleFi, local.TitleSv, local.Unit, $"/indicators/local/{localId}",
                    local.Values.OrderBy(v => v.Year).Select(v => (v.Year, v.Value)).ToList());
            }
        }
        return result;
    }
}
