using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>The coordinator's changes to the plan: the plan itself, goals, measures and follow-up indicators.</summary>
public sealed class PlanEditing(ValfardDbContext db, ICurrentOrganisation current, PlanService plans, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperationResult> CreatePlanAsync(Guid termId, Guid userId, CancellationToken cancellationToken)
    {
        var organisation = await plans.OrganisationAsync(cancellationToken);
        var term = await db.CouncilTerms.FirstOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (organisation is null || term is null)
        {
            return OperationResult.Fail(nameof(CreatePlanViewModel.CouncilTermId), "Validation.TermUnknown");
        }
        if (await db.Plans.AnyAsync(p => p.CouncilTermId == termId, cancellationToken))
        {
            return OperationResult.Fail(null, "Plan.AlreadyExists");
        }
        var report = await db.Reports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.CouncilTermId == termId && r.Kind == ReportKind.Comprehensive, cancellationToken);
        var (fi, sv) = WelfarePlan.DefaultTitles(term);
        var plan = new WelfarePlan(Guid.NewGuid(), organisation.Id, term, report?.Id, fi, organisation.Languages.HasFlag(Domain.Organisations.OrganisationLanguages.Swedish) ? sv : string.Empty,
            userId, clock.GetUtcNow());
        db.Plans.Add(plan);
        audit.Record(organisation.Id, report?.Id, userId, "Plan.Created", plan.TitleFi);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    // ---- goals

    public async Task<GoalFormViewModel?> GoalFormAsync(Guid? goalId, string language, CancellationToken cancellationToken)
    {
        var data = await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var form = new GoalFormViewModel
        {
            Bilingual = data.Organisation.IsBilingual,
            ConcernOptions = await plans.ConcernOptionsAsync(data, language, cancellationToken),
            Code = NextCode("T", data.Goals.Select(g => g.Code)),
        };
        if (goalId is { } id)
        {
            var goal = data.Goals.FirstOrDefault(g => g.Id == id);
            if (goal is null)
            {
                return null;
            }
            form.Id = goal.Id;
            form.Version = goal.Version;
            form.Code = goal.Code;
            form.TitleFi = goal.TitleFi;
            form.TitleSv = goal.TitleSv;
            form.DescriptionFi = goal.DescriptionFi;
            form.DescriptionSv = goal.DescriptionSv;
            form.LifeStage = goal.LifeStage;
            form.Strategy = goal.Strategy;
            form.ConcernIds = goal.Concerns.Select(c => c.ObservationId).ToList();
        }
        return form;
    }

    public async Task<(OperationResult Result, Guid? Id)> SaveGoalAsync(GoalFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return (OperationResult.Missing(), null);
        }
        var code = form.Code?.Trim() ?? string.Empty;
        if (await db.Goals.AnyAsync(g => g.PlanId == plan.Id && g.Code == code && g.Id != form.Id, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.Code), "Plan.Validation.CodeTaken"), null);
        }
        var concernIds = await db.Observations.Where(o => form.ConcernIds.Contains(o.Id) && o.Kind == ObservationKind.Concern)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        Goal goal;
        if (form.Id is { } id)
        {
            var found = await db.Goals.Include(g => g.Concerns).FirstOrDefaultAsync(g => g.Id == id && g.PlanId == plan.Id, cancellationToken);
            if (found is null)
            {
                return (OperationResult.Missing(), null);
            }
            if (found.Version != form.Version)
            {
                return (OperationResult.Stale(), id);
            }
            goal = found;
        }
        else
        {
            var position = await db.Goals.Where(g => g.PlanId == plan.Id).Select(g => (int?)g.Position).MaxAsync(cancellationToken) ?? -1;
            goal = new Goal(Guid.NewGuid(), plan, string.IsNullOrWhiteSpace(code) ? "T" : code, position + 1);
            db.Goals.Add(goal);
        }
        try
        {
            goal.Update(code, form.TitleFi ?? string.Empty, form.TitleSv ?? string.Empty, form.DescriptionFi ?? string.Empty,
                form.DescriptionSv ?? string.Empty, form.LifeStage, form.Strategy ?? string.Empty);
            goal.AnswerConcerns(concernIds);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Fail(FieldOf(ex.Message), ex.Message), null);
        }
        audit.Record(plan.OrganisationId, plan.ReportId, userId, form.Id is null ? "Plan.GoalAdded" : "Plan.GoalChanged", $"{goal.Code} {goal.TitleFi}");
        return (await SaveAsync(cancellationToken), goal.Id);
    }

    public async Task<ConfirmRemoveViewModel?> ConfirmRemoveGoalAsync(Guid goalId, string language, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null)
        {
            return null;
        }
        var measureIds = await db.Measures.Where(m => m.GoalId == goalId).Select(m => m.Id).ToListAsync(cancellationToken);
        var recorded = await db.MeasureFollowUps.CountAsync(f => measureIds.Contains(f.MeasureId) && f.UpdatedAt != null, cancellationToken);
        return new ConfirmRemoveViewModel(goal.Id, "Goal", goal.Code, goal.TitleIn(language), measureIds.Count, recorded);
    }

    public async Task<OperationResult> RemoveGoalAsync(Guid goalId, Guid userId, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null)
        {
            return OperationResult.Missing();
        }
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == goal.PlanId, cancellationToken);
        var measureIds = await db.Measures.Where(m => m.GoalId == goalId).Select(m => m.Id).ToListAsync(cancellationToken);
        // The rows that reach the goal by a second path are removed here, not left to the database's cascade.
        db.PlanIndicators.RemoveRange(await db.PlanIndicators.Where(i => i.MeasureId != null && measureIds.Contains(i.MeasureId.Value)).ToListAsync(cancellationToken));
        db.MeasureFollowUps.RemoveRange(await db.MeasureFollowUps.Where(f => measureIds.Contains(f.MeasureId)).ToListAsync(cancellationToken));
        db.AssessmentOverrides.RemoveRange(await db.AssessmentOverrides.Where(o => o.GoalId == goalId).ToListAsync(cancellationToken));
        // Tracked, so that EF deletes them after their indicators and follow-ups and before the goal.
        db.Measures.RemoveRange(await db.Measures.Where(m => m.GoalId == goalId).ToListAsync(cancellationToken));
        db.Goals.Remove(goal);
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.GoalRemoved", $"{goal.Code} {goal.TitleFi}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    // ---- measures

    public async Task<MeasureFormViewModel?> MeasureFormAsync(Guid? measureId, Guid? goalId, string language, CancellationToken cancellationToken)
    {
        var data = await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null || data.Goals.Count == 0)
        {
            return null;
        }
        var form = new MeasureFormViewModel { GoalId = goalId ?? data.Goals[0].Id };
        if (measureId is { } id)
        {
            var m = data.Measures.FirstOrDefault(x => x.Id == id);
            if (m is null)
            {
                return null;
            }
            form.Id = m.Id;
            form.Version = m.Version;
            form.GoalId = m.GoalId;
            form.Code = m.Code;
            form.TitleFi = m.TitleFi;
            form.TitleSv = m.TitleSv;
            form.DescriptionFi = m.DescriptionFi;
            form.DescriptionSv = m.DescriptionSv;
            form.SectorId = m.SectorId;
            form.ResponsibleUserId = m.ResponsibleUserId;
            form.Partners = PlanLimits.PartnerKinds.Where(p => m.Partners.HasFlag(p)).ToList();
            form.PartnerNames = m.PartnerNames;
            form.StartYear = m.StartYear;
            form.EndYear = m.EndYear;
            form.Resources = m.Resources;
            form.BudgetEuros = m.BudgetEuros;
            form.Status = m.Status;
        }
        else
        {
            var goal = data.Goals.FirstOrDefault(g => g.Id == form.GoalId);
            if (goal is null)
            {
                return null;
            }
            form.Code = NextCode(goal.Code + ".", data.Measures.Select(m => m.Code));
            form.StartYear = Math.Max(data.Term.StartDate.Year, FinnishCalendar.Today(clock).Year);
            form.EndYear = data.Term.EndDate.Year;
        }
        await FillMeasureOptionsAsync(form, data, language, cancellationToken);
        return form;
    }

    public async Task FillMeasureOptionsAsync(MeasureFormViewModel form, PlanData? data, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        data ??= await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return;
        }
        form.Bilingual = data.Organisation.IsBilingual;
        form.GoalOptions = data.Goals.Select(g => new SelectOption(g.Id.ToString(), $"{g.Code} {g.TitleIn(language)}")).ToList();
        form.SectorOptions = data.Sectors.Values.OrderBy(s => s.NameIn(language), StringComparer.CurrentCulture)
            .Select(s => new SelectOption(s.Id.ToString(), s.NameIn(language))).ToList();
        var active = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        form.UserOptions = active.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new SelectOption(u.Id.ToString(), u.DisplayName)).ToList();
    }

    public async Task<(OperationResult Result, Guid? Id)> SaveMeasureAsync(MeasureFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return (OperationResult.Missing(), null);
        }
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == form.GoalId && g.PlanId == plan.Id, cancellationToken);
        if (goal is null)
        {
            return (OperationResult.Fail(nameof(form.GoalId), "Plan.Validation.GoalUnknown"), null);
        }
        var code = form.Code?.Trim() ?? string.Empty;
        if (await db.Measures.AnyAsync(m => m.PlanId == plan.Id && m.Code == code && m.Id != form.Id, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.Code), "Plan.Validation.CodeTaken"), null);
        }
        if (form.SectorId is { } sectorId && !await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.SectorId), "Plan.Validation.SectorUnknown"), null);
        }
        if (form.ResponsibleUserId is { } ownerId && !await db.Users.AnyAsync(u => u.Id == ownerId, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.ResponsibleUserId), "Plan.Validation.UserUnknown"), null);
        }
        Measure measure;
        if (form.Id is { } id)
        {
            var found = await db.Measures.FirstOrDefaultAsync(m => m.Id == id && m.PlanId == plan.Id, cancellationToken);
            if (found is null)
            {
                return (OperationResult.Missing(), null);
            }
            if (found.Version != form.Version)
            {
                return (OperationResult.Stale(), id);
            }
            measure = found;
            if (measure.GoalId != goal.Id)
            {
                var last = await db.Measures.Where(m => m.GoalId == goal.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1;
                measure.MoveTo(goal, last + 1);
            }
        }
        else
        {
            var last = await db.Measures.Where(m => m.GoalId == goal.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1;
            measure = new Measure(Guid.NewGuid(), goal, string.IsNullOrWhiteSpace(code) ? "M" : code, last + 1);
            db.Measures.Add(measure);
        }
        try
        {
            measure.Update(code, form.TitleFi ?? string.Empty, form.TitleSv ?? string.Empty, form.DescriptionFi ?? string.Empty, form.DescriptionSv ?? string.Empty);
            measure.Assign(form.SectorId, form.ResponsibleUserId, form.Partners.Aggregate(MeasurePartners.None, (all, p) => all | p), form.PartnerNames ?? string.Empty);
            measure.SetSchedule(form.StartYear, form.EndYear, form.Resources ?? string.Empty, form.BudgetEuros);
            measure.SetStatus(form.Status);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Fail(FieldOf(ex.Message), ex.Message), null);
        }
        audit.Record(plan.OrganisationId, plan.ReportId, userId, form.Id is null ? "Plan.MeasureAdded" : "Plan.MeasureChanged", $"{measure.Code} {measure.TitleFi}");
        return (await SaveAsync(cancellationToken), measure.Id);
    }

    public async Task<ConfirmRemoveViewModel?> ConfirmRemoveMeasureAsync(Guid measureId, string language, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return null;
        }
        var recorded = await db.MeasureFollowUps.CountAsync(f => f.MeasureId == measureId && f.UpdatedAt != null, cancellationToken);
        return new ConfirmRemoveViewModel(measure.Id, "Measure", measure.Code, measure.TitleIn(language), 0, recorded);
    }

    public async Task<(OperationResult Result, Guid? GoalId)> RemoveMeasureAsync(Guid measureId, Guid userId, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return (OperationResult.Missing(), null);
        }
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == measure.PlanId, cancellationToken);
        db.PlanIndicators.RemoveRange(await db.PlanIndicators.Where(i => i.MeasureId == measureId).ToListAsync(cancellationToken));
        db.MeasureFollowUps.RemoveRange(await db.MeasureFollowUps.Where(f => f.MeasureId == measureId).ToListAsync(cancellationToken));
        db.Measures.Remove(measure);
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.MeasureRemoved", $"{measure.Code} {measure.TitleFi}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Success, measure.GoalId);
    }

    // ---- follow-up indicators

    public async Task<IndicatorFormViewModel?> IndicatorFormAsync(Guid? goalId, Guid? measureId, string language, CancellationToken cancellationToken)
    {
        var title = goalId is { } g
            ? (await db.Goals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == g, cancellationToken)) is { } goal ? $"{goal.Code} {goal.TitleIn(language)}" : null
            : measureId is { } m && (await db.Measures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == m, cancellationToken)) is { } measure
                ? $"{measure.Code} {measure.TitleIn(language)}" : null;
        if (title is null)
        {
            return null;
        }
        var form = new IndicatorFormViewModel { GoalId = goalId, MeasureId = measureId, OwnerTitle = title };
        await FillIndicatorOptionsAsync(form, language, cancellationToken);
        return form;
    }

    public async Task FillIndicatorOptionsAsync(IndicatorFormViewModel form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        form.SotkanetOptions = catalogue.OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new SelectOption($"sotkanet:{i.Id.ToString(CultureInfo.InvariantCulture)}", $"{i.TitleIn(language)} ({i.Id.ToString(CultureInfo.InvariantCulture)})")).ToList();
        var locals = await db.LocalIndicators.AsNoTracking().ToListAsync(cancellationToken);
        form.LocalOptions = locals.OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new SelectOption($"local:{i.Id}", i.TitleIn(language))).ToList();
    }

    public async Task<(OperationResult Result, Guid? MeasureId)> AddIndicatorAsync(IndicatorFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var goal = form.GoalId is { } g ? await db.Goals.FirstOrDefaultAsync(x => x.Id == g, cancellationToken) : null;
        var measure = form.MeasureId is { } m ? await db.Measures.FirstOrDefaultAsync(x => x.Id == m, cancellationToken) : null;
        if (goal is null && measure is null)
        {
            return (OperationResult.Missing(), null);
        }
        int? sotkanetId = null;
        Guid? localId = null;
        IndicatorDirection ownDirection;
        IReadOnlyList<(int Year, double Value)> values;
        var organisation = await plans.OrganisationAsync(cancellationToken);
        if (form.Source?.StartsWith("sotkanet:", StringComparison.Ordinal) == true
            && int.TryParse(form.Source["sotkanet:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } indicator)
        {
            sotkanetId = id;
            ownDirection = indicator.Direction;
        }
        else if (form.Source?.StartsWith("local:", StringComparison.Ordinal) == true
            && Guid.TryParse(form.Source["local:".Length..], out var lid)
            && await db.LocalIndicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == lid, cancellationToken) is { } local)
        {
            localId = lid;
            ownDirection = local.Direction;
        }
        else
        {
            return (OperationResult.Fail(nameof(form.Source), "Plan.Validation.IndicatorRequired"), null);
        }
        var siblings = goal is not null ? db.PlanIndicators.Where(i => i.GoalId == goal.Id) : db.PlanIndicators.Where(i => i.MeasureId == measure!.Id);
        var position = 1 + (await siblings.Select(i => (int?)i.Position).MaxAsync(cancellationToken) ?? -1);
        var row = goal is not null
            ? FollowUpIndicator.ForGoal(Guid.NewGuid(), goal, sotkanetId, localId, position)
            : FollowUpIndicator.ForMeasure(Guid.NewGuid(), measure!, sotkanetId, localId, position);
        var baseline = form.Baseline;
        if (baseline is null && form.BaselineYear is { } baselineYear)
        {
            // A baseline year alone takes the indicator's own value of that year, so numbers are not copied by hand.
            values = (await new PlanReader(db).SeriesAsync(organisation!, [row], cancellationToken)).GetValueOrDefault(row.Id)?.Values ?? [];
            var found = values.Where(v => v.Year == baselineYear).Select(v => (double?)v.Value).FirstOrDefault();
            if (found is null)
            {
                return (OperationResult.Fail(nameof(form.Baseline), "Plan.Validation.NoValueForBaselineYear"), null);
            }
            baseline = found;
        }
        try
        {
            row.SetTarget(baseline, form.BaselineYear, form.Target, form.TargetYear, form.Direction ?? ownDirection);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Fail(null, ex.Message), null);
        }
        db.PlanIndicators.Add(row);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == row.PlanId, cancellationToken);
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.IndicatorAdded", $"{goal?.Code ?? measure!.Code}: {form.Source}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Success, measure?.Id);
    }

    public async Task<(OperationResult Result, Guid? MeasureId)> RemoveIndicatorAsync(Guid indicatorId, Guid userId, CancellationToken cancellationToken)
    {
        var row = await db.PlanIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (row is null)
        {
            return (OperationResult.Missing(), null);
        }
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == row.PlanId, cancellationToken);
        db.PlanIndicators.Remove(row);
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.IndicatorRemoved",
            row.IndicatorId?.ToString(CultureInfo.InvariantCulture) ?? row.LocalIndicatorId?.ToString() ?? string.Empty);
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Success, row.MeasureId);
    }

    private async Task<OperationResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Stale();
        }
    }

    /// <summary>"T1", "T2"… or "T1.1", "T1.2"…: the first free number after the prefix.</summary>
    public static string NextCode(string prefix, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (used.Contains(prefix + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }
        return prefix + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string? FieldOf(string key) => key switch
    {
        "Plan.Validation.CodeRequired" or "Plan.Validation.CodeInvalid" => "Code",
        "Plan.Validation.TitleRequired" => "TitleFi",
        "Plan.Validation.YearRange" or "Plan.Validation.EndBeforeStart" => "EndYear",
        "Plan.Validation.BudgetInvalid" => "BudgetEuros",
        _ => null,
    };

    public Guid? OrganisationId => current.OrganisationId;
}
