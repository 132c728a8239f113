using Valfard.Domain.Common;
using Valfard.Domain.Indicators;

namespace Valfard.Domain.Plans;

/// <summary>
/// An indicator that shows whether a goal or a measure worked: a Sotkanet indicator from the catalogue or one of the
/// organisation's own indicators with values entered by hand, with where it started, where it should get to, and
/// which way is better. Actuals are read from the indicator's values, never typed here.
/// </summary>
public class FollowUpIndicator : IOrganisationOwned, IVersioned
{
    private FollowUpIndicator() { }

    private FollowUpIndicator(Guid id, Guid planId, Guid organisationId, Guid? goalId, Guid? measureId, int? indicatorId, Guid? localIndicatorId,
        int position)
    {
        if ((goalId is null) == (measureId is null))
        {
            throw new DomainException("Plan.Validation.IndicatorOwner");
        }
        if ((indicatorId is null) == (localIndicatorId is null))
        {
            throw new DomainException("Plan.Validation.IndicatorRequired");
        }
        Id = id;
        PlanId = planId;
        OrganisationId = organisationId;
        GoalId = goalId;
        MeasureId = measureId;
        IndicatorId = indicatorId;
        LocalIndicatorId = localIndicatorId;
        Position = position;
    }

    /// <summary>An indicator of a goal; <paramref name="position"/> orders the goal's indicators in the plan and its snapshots.</summary>
    public static FollowUpIndicator ForGoal(Guid id, Goal goal, int? indicatorId, Guid? localIndicatorId, int position)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new FollowUpIndicator(id, goal.PlanId, goal.OrganisationId, goal.Id, null, indicatorId, localIndicatorId, position);
    }

    public static FollowUpIndicator ForMeasure(Guid id, Measure measure, int? indicatorId, Guid? localIndicatorId, int position)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new FollowUpIndicator(id, measure.PlanId, measure.OrganisationId, null, measure.Id, indicatorId, localIndicatorId, position);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid PlanId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? GoalId { get; private set; }
    public Guid? MeasureId { get; private set; }
    public int Position { get; private set; }

    /// <summary>A Sotkanet indicator of the catalogue, by Sotkanet's id.</summary>
    public int? IndicatorId { get; private set; }

    /// <summary>Or an indicator of the organisation's own with values entered by hand.</summary>
    public Guid? LocalIndicatorId { get; private set; }
    public double? Baseline { get; private set; }
    public int? BaselineYear { get; private set; }
    public double? Target { get; private set; }
    public int? TargetYear { get; private set; }
    public IndicatorDirection Direction { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public void SetTarget(double? baseline, int? baselineYear, double? target, int? targetYear, IndicatorDirection direction)
    {
        if (baseline is { } b && !double.IsFinite(b) || target is { } t && !double.IsFinite(t))
        {
            throw new DomainException("Plan.Validation.ValueNotNumber");
        }
        if ((baselineYear is { } since && !PlanLimits.IsYear(since)) || (targetYear is { } by && !PlanLimits.IsYear(by)))
        {
            throw new DomainException("Plan.Validation.YearRange");
        }
        if ((baseline is null) != (baselineYear is null) || (target is null) != (targetYear is null))
        {
            throw new DomainException("Plan.Validation.ValueNeedsYear");
        }
        if (baselineYear is { } from && targetYear is { } to && to <= from)
        {
            throw new DomainException("Plan.Validation.TargetBeforeBaseline");
        }
        if (!Enum.IsDefined(direction))
        {
            throw new DomainException("Plan.Validation.DirectionUnknown");
        }
        if (baseline is { } start && target is { } goal && direction != IndicatorDirection.Neutral
            && (direction == IndicatorDirection.HigherIsBetter ? goal < start : goal > start))
        {
            // A target on the worse side of the baseline is almost always a typing mistake in the direction or the value.
            throw new DomainException("Plan.Validation.TargetAgainstDirection");
        }
        Baseline = baseline;
        BaselineYear = baselineYear;
        Target = target;
        TargetYear = targetYear;
        Direction = direction;
    }
}
