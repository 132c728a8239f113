using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>The coordinator's changes to the plan's measures.</summary>
public sealed class MeasureEditor(ValfardDbContext db, PlanService plans, AuditTrail audit, TimeProvider clock)
{
    public async Task<MeasureFormViewModel?> FormAsync(Guid? measureId, Guid? goalId, string language, CancellationToken cancellationToken)
    {
        // An existing measure is edited in its own plan, which may be an earlier term's (a fix link from that term's report).
        var data = measureId is { } ownId
            ? await plans.DataHoldingAsync(await db.Measures.AsNoTracking().Where(m => m.Id == ownId).Select(m => (Guid?)m.PlanId).FirstOrDefaultAsync(cancellationToken), cancellationToken)
            : await plans.CurrentDataAsync(null, cancellationToken);
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
            form.ResourcesSv = m.ResourcesSv;
            form.PartnerNamesSv = m.PartnerNamesSv;
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
            form.Code = PlanCodes.Next(goal.Code + ".", data.Measures.Select(m => m.Code));
            form.StartYear = Math.Max(data.Term.StartDate.Year, FinnishCalendar.Today(clock).Year);
            form.EndYear = data.Term.EndDate.Year;
        }
        await FillOptionsAsync(form, data, language, cancellationToken);
        return form;
    }

    public async Task FillOptionsAsync(MeasureFormViewModel form, PlanData? data, string language, CancellationToken cancellationToken)
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

    public async Task<(OperationResult Result, Guid? Id)> SaveAsync(MeasureFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = form.Id is { } ownId
            ? await plans.PlanHoldingAsync(await db.Measures.Where(m => m.Id == ownId).Select(m => (Guid?)m.PlanId).FirstOrDefaultAsync(cancellationToken), cancellationToken)
            : await plans.CurrentPlanAsync(cancellationToken);
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
            // A stale form is answered before the domain judges its values, as it always was here.
            if (!db.ExpectVersion(found, form.Version))
            {
                return (OperationResult.Stale(), id);
            }
            measure = found;
            if (measure.GoalId != goal.Id)
            {
                measure.MoveTo(goal, await NextPositionAsync(goal, cancellationToken));
            }
        }
        else
        {
            measure = new Measure(Guid.NewGuid(), goal, string.IsNullOrWhiteSpace(code) ? "M" : code, await NextPositionAsync(goal, cancellationToken));
            db.Measures.Add(measure);
        }
        var result = await db.ChangeAsync(() =>
        {
            // A Swedish field the form did not show (a Finnish-only organisation) is not posted: what was stored stays.
            measure.Update(code, form.TitleFi ?? string.Empty, form.TitleSv ?? measure.TitleSv, form.DescriptionFi ?? string.Empty, form.DescriptionSv ?? measure.DescriptionSv);
            measure.Assign(form.SectorId, form.ResponsibleUserId, form.Partners.Aggregate(MeasurePartners.None, (all, p) => all | p), form.PartnerNames ?? string.Empty);
            measure.SetSchedule(form.StartYear, form.EndYear, form.Resources ?? string.Empty, form.BudgetEuros);
            measure.Translate(form.PartnerNamesSv ?? measure.PartnerNamesSv, form.ResourcesSv ?? measure.ResourcesSv);
            measure.SetStatus(form.Status);
            audit.Record(plan.OrganisationId, plan.ReportId, userId, form.Id is null ? "Plan.MeasureAdded" : "Plan.MeasureChanged", $"{measure.Code} {measure.TitleFi}");
        }, cancellationToken);
        return (result, result.Succeeded || result.Conflict ? measure.Id : null);
    }

    /// <summary>After the goal's last measure.</summary>
    private async Task<int> NextPositionAsync(Goal goal, CancellationToken cancellationToken) =>
        1 + (await db.Measures.Where(m => m.GoalId == goal.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1);

    public async Task<ConfirmRemoveViewModel?> ConfirmRemoveAsync(Guid measureId, string language, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return null;
        }
        var recorded = await db.MeasureFollowUps.CountAsync(f => f.MeasureId == measureId && f.UpdatedAt != null, cancellationToken);
        return new ConfirmRemoveViewModel(measure.Id, "Measure", measure.Code, measure.TitleIn(language), 0, recorded);
    }

    public async Task<(OperationResult Result, Guid? GoalId)> RemoveAsync(Guid measureId, Guid userId, CancellationToken cancellationToken)
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
}
