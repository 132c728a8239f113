using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Plans;

/// <summary>Reading the plan: the tree with filters and summary, a measure's page, "my measures".</summary>
public sealed class PlanService(ValfardDbContext db, ICurrentOrganisation current, PlanReader reader, TimeProvider clock)
{
    /// <summary>The plan of the current council term, or failing that the latest plan.</summary>
    public async Task<WelfarePlan?> CurrentPlanAsync(CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking().ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return null;
        }
        var terms = await db.CouncilTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var today = FinnishCalendar.Today(clock);
        return plans.FirstOrDefault(p => terms[p.CouncilTermId].Contains(today))
            ?? plans.OrderByDescending(p => terms[p.CouncilTermId].StartDate).First();
    }

    /// <summary>The plan that holds a goal or measure being edited (null when there is none, e.g. another organisation's).</summary>
    public async Task<WelfarePlan?> PlanHoldingAsync(Guid? planId, CancellationToken cancellationToken) =>
        planId is { } id ? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;

    public async Task<PlanData?> DataHoldingAsync(Guid? planId, CancellationToken cancellationToken) =>
        planId is { } id ? await reader.LoadAsync(id, null, cancellationToken) : null;

    public async Task<PlanData?> CurrentDataAsync(int? roundYear, CancellationToken cancellationToken) =>
        await CurrentPlanAsync(cancellationToken) is { } plan ? await reader.LoadAsync(plan.Id, roundYear, cancellationToken) : null;

    public async Task<PlanTreeViewModel> TreeAsync(PlanActor actor, Guid? sector, MeasureStatus? status, MeasurePartners? partner,
        string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var data = await CurrentDataAsync(null, cancellationToken);
        var year = FinnishCalendar.Today(clock).Year;
        if (data is null)
        {
            return new PlanTreeViewModel { CanManage = actor.CanManage, Year = year, TermsWithoutPlan = await TermsWithoutPlanAsync(cancellationToken) };
        }
        bool Matches(Measure m) =>
            (sector is null || m.SectorId == sector) && (status is null || m.Status == status)
            && (partner is not { } p || p == MeasurePartners.None || m.Partners.HasFlag(p));
        var filtered = sector is not null || status is not null || partner is not null;
        var concernIds = data.Goals.SelectMany(g => g.Concerns).Select(c => c.ObservationId).Distinct().ToList();
        var concerns = (await db.Observations.AsNoTracking().Where(o => concernIds.Contains(o.Id)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.TextIn(language));
        var goals = data.Goals
            .Select(g => Node(data, g, data.MeasuresOf(g.Id).Where(Matches).ToList(), concerns, actor, year, language))
            .Where(n => !filtered || n.Measures.Count > 0)
            .ToList();
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == data.Plan.Id).Select(r => r.Year).ToListAsync(cancellationToken);
        return new PlanTreeViewModel
        {
            PlanId = data.Plan.Id,
            Title = data.Plan.TitleIn(language),
            TermLabel = data.Term.Label,
            Goals = goals,
            Summary = Summarise(data.Measures.Select(m => (m.Status, m.EndYear)), year),
            CanManage = actor.CanManage,
            SectorFilter = sector,
            StatusFilter = status,
            PartnerFilter = partner,
            Sectors = data.Sectors.Values.OrderBy(s => s.NameIn(language), StringComparer.CurrentCulture)
                .Select(s => new SelectOption(s.Id.ToString(), s.NameIn(language))).ToList(),
            RoundYears = rounds.OrderDescending().ToList(),
            Year = year,
        };
    }

    public static MeasureSummary Summarise(IEnumerable<(MeasureStatus Status, int? EndYear)> measures, int year)
    {
        var list = measures.ToList();
        return new MeasureSummary(list.Count, list.Count(m => m.Status == MeasureStatus.NotStarted), list.Count(m => m.Status == MeasureStatus.InProgress),
            list.Count(m => m.Status == MeasureStatus.Done), list.Count(m => m.Status == MeasureStatus.Postponed),
            list.Count(m => Measure.IsLate(m.Status, m.EndYear, year)));
    }

    private static PlanGoalNode Node(PlanData data, Goal goal, List<Measure> measures, IReadOnlyDictionary<Guid, string> concerns,
        PlanActor actor, int year, string language) =>
        new(goal.Id, goal.Code, goal.TitleIn(language), goal.DescriptionIn(language), goal.LifeStage, goal.StrategyIn(language),
            goal.Concerns.Select(c => concerns.GetValueOrDefault(c.ObservationId)).OfType<string>().ToList(),
            measures.Select(m => Row(data, m, actor, year, language)).ToList(),
            data.IndicatorsOfGoal(goal.Id).Select(i => IndicatorRow(data, i, year, language)).ToList(),
            data.MeasuresOf(goal.Id).Count(), BilingualText.FallbackFor(goal.Strategy, goal.StrategySv, language));

    public static PlanMeasureRow Row(PlanData data, Measure m, PlanActor actor, int year, string language)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(actor);
        var status = data.StatusOf(m);
        int? progress = data.Entries.TryGetValue(m.Id, out var entry) ? entry.ProgressPercent : null;
        return new PlanMeasureRow(m.Id, m.Code, m.TitleIn(language), data.SectorName(m.SectorId, language), data.UserName(m.ResponsibleUserId),
            m.Partners, m.PartnerNamesIn(language), m.Schedule, m.BudgetEuros, status, Measure.IsLate(status, m.EndYear, year), progress, actor.CanRecord(m),
            BilingualText.FallbackFor(m.PartnerNames, m.PartnerNamesSv, language));
    }

    public static PlanIndicatorRow IndicatorRow(PlanData data, FollowUpIndicator indicator, int year, string language)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indicator);
        var series = data.Series.GetValueOrDefault(indicator.Id);
        var actual = data.Actual(indicator, year);
        return new PlanIndicatorRow(indicator.Id, series?.NameIn(language) ?? "?", series?.Unit ?? string.Empty, series?.Link,
            indicator.Baseline, indicator.BaselineYear, indicator.Target, indicator.TargetYear, actual?.Value, actual?.Year,
            indicator.Direction, data.Progress(indicator, year));
    }

    public async Task<IReadOnlyList<TermOption>> TermsWithoutPlanAsync(CancellationToken cancellationToken)
    {
        var taken = await db.Plans.AsNoTracking().Select(p => p.CouncilTermId).ToListAsync(cancellationToken);
        var terms = await db.CouncilTerms.AsNoTracking().OrderBy(t => t.StartDate).ToListAsync(cancellationToken);
        return terms.Where(t => !taken.Contains(t.Id)).Select(t => new TermOption(t.Id, t.Label, t.Years.ToList())).ToList();
    }

    /// <summary>The concerns of the plan's comprehensive report, offered as what a goal answers.</summary>
    public async Task<IReadOnlyList<SelectOption>> ConcernOptionsAsync(PlanData data, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var reportIds = await db.Reports.AsNoTracking()
            .Where(r => r.CouncilTermId == data.Plan.CouncilTermId && r.Kind != ReportKind.Regional).Select(r => r.Id).ToListAsync(cancellationToken);
        var concerns = await db.Observations.AsNoTracking()
            .Where(o => reportIds.Contains(o.ReportId) && o.Kind == ObservationKind.Concern).ToListAsync(cancellationToken);
        return concerns.OrderBy(o => o.LifeStage).ThenBy(o => o.TextIn(language), StringComparer.CurrentCulture)
            .Select(o => new SelectOption(o.Id.ToString(), o.TextIn(language))).ToList();
    }

    public async Task<MeasurePageViewModel?> MeasurePageAsync(Guid measureId, PlanActor actor, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null || await reader.LoadAsync(measure.PlanId, null, cancellationToken) is not { } data)
        {
            return null;
        }
        var goal = data.Goals.First(g => g.Id == measure.GoalId);
        var year = FinnishCalendar.Today(clock).Year;
        var rounds = (await db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == data.Plan.Id).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        var roundIds = rounds.Keys.ToList();
        var entries = await db.MeasureFollowUps.AsNoTracking().Where(f => f.MeasureId == measureId && roundIds.Contains(f.RoundId)).ToListAsync(cancellationToken);
        var canRecord = actor.CanRecord(measure);
        var history = rounds.Values.OrderByDescending(r => r.Year).Select(r =>
        {
            var entry = entries.FirstOrDefault(e => e.RoundId == r.Id);
            return new FollowUpHistoryRow(r.Year, r.IsOpen, entry?.Status ?? measure.Status, entry?.ProgressPercent, entry?.AccountIn(language) ?? string.Empty,
                data.UserName(entry?.UpdatedById), entry?.UpdatedAt, canRecord && r.IsOpen,
                entry is null ? null : BilingualText.FallbackFor(entry.Account, entry.AccountSv, language));
        }).ToList();
        var other = language == "sv" ? measure.TitleFi : measure.TitleSv;
        return new MeasurePageViewModel
        {
            Id = measure.Id,
            Code = measure.Code,
            Title = measure.TitleIn(language),
            OtherTitle = other.Length > 0 && other != measure.TitleIn(language) ? other : null,
            Description = measure.DescriptionIn(language),
            GoalId = goal.Id,
            GoalCode = goal.Code,
            GoalTitle = goal.TitleIn(language),
            Sector = data.SectorName(measure.SectorId, language),
            Responsible = data.UserName(measure.ResponsibleUserId),
            Partners = measure.Partners,
            PartnerNames = measure.PartnerNamesIn(language),
            PartnerNamesFallback = BilingualText.FallbackFor(measure.PartnerNames, measure.PartnerNamesSv, language),
            Schedule = measure.Schedule,
            Resources = measure.ResourcesIn(language),
            ResourcesFallback = BilingualText.FallbackFor(measure.Resources, measure.ResourcesSv, language),
            BudgetEuros = measure.BudgetEuros,
            Status = measure.Status,
            IsLate = Measure.IsLate(measure.Status, measure.EndYear, year),
            Indicators = data.IndicatorsOfMeasure(measure.Id).Select(i => IndicatorRow(data, i, year, language)).ToList(),
            FollowUps = history,
            CanManage = actor.CanManage,
            CanRecord = canRecord,
        };
    }

    public async Task<IReadOnlyList<MyMeasureItem>> MineAsync(PlanActor actor, bool includeSectors, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return [];
        }
        var sectorIds = includeSectors && actor.IsEditor ? actor.SectorIds.ToList() : [];
        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.PlanId == plan.Id && (m.ResponsibleUserId == actor.UserId || (m.SectorId != null && sectorIds.Contains(m.SectorId.Value))))
            .ToListAsync(cancellationToken);
        var goalIds = measures.Select(m => m.GoalId).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var openRound = (await db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == plan.Id && r.ClosedAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Year).FirstOrDefault();
        var recorded = openRound is null
            ? []
            : (await db.MeasureFollowUps.AsNoTracking().Where(f => f.RoundId == openRound.Id && f.UpdatedAt != null)
                .Select(f => f.MeasureId).ToListAsync(cancellationToken)).ToHashSet();
        var year = FinnishCalendar.Today(clock).Year;
        return measures
            .OrderBy(m => goals[m.GoalId].Position).ThenBy(m => m.Position).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new MyMeasureItem(m.Id, m.Code, m.TitleIn(language), goals[m.GoalId].TitleIn(language), m.Status,
                Measure.IsLate(m.Status, m.EndYear, year), openRound?.Year, recorded.Contains(m.Id), m.ResponsibleUserId == actor.UserId))
            .ToList();
    }

    public Task<Organisation?> OrganisationAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
}
