using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>The coordinator's changes to the plan's goals.</summary>
public sealed class GoalEditor(ValfardDbContext db, PlanService plans, AuditTrail audit)
{
    public async Task<GoalFormViewModel?> FormAsync(Guid? goalId, string language, CancellationToken cancellationToken)
    {
        // An existing goal is edited in its own plan, which may be an earlier term's (a fix link from that term's report).
        var data = goalId is { } ownId
            ? await plans.DataHoldingAsync(await db.Goals.AsNoTracking().Where(g => g.Id == ownId).Select(g => (Guid?)g.PlanId).FirstOrDefaultAsync(cancellationToken), cancellationToken)
            : await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var form = new GoalFormViewModel
        {
            Bilingual = data.Organisation.IsBilingual,
            ConcernOptions = await plans.ConcernOptionsAsync(data, language, cancellationToken),
            Code = PlanCodes.Next("T", data.Goals.Select(g => g.Code)),
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
            form.StrategySv = goal.StrategySv;
            form.ConcernIds = goal.Concerns.Select(c => c.ObservationId).ToList();
        }
        return form;
    }

    public async Task<(OperationResult Result, Guid? Id)> SaveAsync(GoalFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = form.Id is { } ownId
            ? await plans.PlanHoldingAsync(await db.Goals.Where(g => g.Id == ownId).Select(g => (Guid?)g.PlanId).FirstOrDefaultAsync(cancellationToken), cancellationToken)
            : await plans.CurrentPlanAsync(cancellationToken);
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
            // A stale form is answered before the domain judges its values, as it always was here.
            if (!db.ExpectVersion(found, form.Version))
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
        var result = await db.ChangeAsync(() =>
        {
            // A Swedish field the form did not show (a Finnish-only organisation) is not posted: what was stored stays.
            goal.Update(code, form.TitleFi ?? string.Empty, form.TitleSv ?? goal.TitleSv, form.DescriptionFi ?? string.Empty,
                form.DescriptionSv ?? goal.DescriptionSv, form.LifeStage, form.Strategy ?? string.Empty);
            goal.TranslateStrategy(form.StrategySv ?? goal.StrategySv);
            var answered = goal.Concerns.Select(c => c.ObservationId).ToHashSet();
            goal.AnswerConcerns(concernIds);
            if (form.Id is not null && !answered.SetEquals(goal.Concerns.Select(c => c.ObservationId)))
            {
                // A change of the concerns alone is a change of the goal's rows: its version is checked and renewed too.
                db.ChangedThroughItsRows(goal);
            }
            audit.Record(plan.OrganisationId, plan.ReportId, userId, form.Id is null ? "Plan.GoalAdded" : "Plan.GoalChanged", $"{goal.Code} {goal.TitleFi}");
        }, cancellationToken);
        return (result, result.Succeeded || result.Conflict ? goal.Id : null);
    }

    public async Task<ConfirmRemoveViewModel?> ConfirmRemoveAsync(Guid goalId, string language, CancellationToken cancellationToken)
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

    public async Task<OperationResult> RemoveAsync(Guid goalId, Guid userId, CancellationToken cancellationToken)
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
}
