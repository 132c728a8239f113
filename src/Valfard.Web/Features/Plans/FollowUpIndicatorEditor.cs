using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The coordinator's changes to the follow-up indicators of goals and measures. An indicator is added or removed, never
/// edited, so there is no form version to check.
/// </summary>
public sealed class FollowUpIndicatorEditor(ValfardDbContext db, PlanService plans, AuditTrail audit)
{
    public async Task<IndicatorFormViewModel?> FormAsync(Guid? goalId, Guid? measureId, string language, CancellationToken cancellationToken)
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
        await FillOptionsAsync(form, language, cancellationToken);
        return form;
    }

    public async Task FillOptionsAsync(IndicatorFormViewModel form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        form.SotkanetOptions = catalogue.OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new SelectOption($"sotkanet:{i.Id.ToString(CultureInfo.InvariantCulture)}", $"{i.TitleIn(language)} ({i.Id.ToString(CultureInfo.InvariantCulture)})")).ToList();
        var locals = await db.LocalIndicators.AsNoTracking().ToListAsync(cancellationToken);
        form.LocalOptions = locals.OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new SelectOption($"local:{i.Id}", i.TitleIn(language))).ToList();
    }

    public async Task<(OperationResult Result, Guid? MeasureId)> AddAsync(IndicatorFormViewModel form, Guid userId, CancellationToken cancellationToken)
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
            return (OperationResult.Refused(ex), null);
        }
        db.PlanIndicators.Add(row);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == row.PlanId, cancellationToken);
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.IndicatorAdded", $"{goal?.Code ?? measure!.Code}: {form.Source}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Success, measure?.Id);
    }

    public async Task<(OperationResult Result, Guid? MeasureId)> RemoveAsync(Guid indicatorId, Guid userId, CancellationToken cancellationToken)
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
}
