using Valfard.Domain.Common;

namespace Valfard.Domain.Assessments;

/// <summary>
/// How one alternative affects one area: the direction, how large and how certain, the groups it touches, the
/// evidence with the indicators and plan goals it rests on, and the mitigations. A null direction means not yet
/// assessed; completion needs every row assessed.
/// </summary>
public class AreaImpact : IOrganisationOwned
{
    private readonly List<ImpactIndicator> _indicators = [];
    private readonly List<ImpactGoal> _goals = [];

    private AreaImpact()
    {
        Districts = string.Empty;
        Evidence = string.Empty;
        Mitigations = string.Empty;
    }

    internal AreaImpact(Guid id, Guid assessmentId, Guid organisationId, Guid alternativeId, Guid areaId, int position) : this()
    {
        Id = id;
        AssessmentId = assessmentId;
        OrganisationId = organisationId;
        AlternativeId = alternativeId;
        AreaId = areaId;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid AlternativeId { get; private set; }
    public Guid AreaId { get; private set; }

    /// <summary>The area's place in this assessment, fixed when the assessment started.</summary>
    public int Position { get; private set; }
    public ImpactDirection? Direction { get; private set; }
    public ImpactSize? Size { get; private set; }
    public ImpactCertainty? Certainty { get; private set; }
    public PopulationGroups Groups { get; private set; }

    /// <summary>The named districts (kaupunginosat, kylät / stadsdelar, byar) the impact touches.</summary>
    public string Districts { get; private set; }
    public string Evidence { get; private set; }
    public string Mitigations { get; private set; }
    public IReadOnlyCollection<ImpactIndicator> Indicators => _indicators.AsReadOnly();
    public IReadOnlyCollection<ImpactGoal> Goals => _goals.AsReadOnly();

    /// <summary>"None" and "unknown" need nothing more; an impact that goes some way needs its size and certainty.</summary>
    public bool IsComplete => Direction is { } direction
        && (direction is ImpactDirection.None or ImpactDirection.Unknown || (Size is not null && Certainty is not null));

    internal void Record(ImpactDirection? direction, ImpactSize? size, ImpactCertainty? certainty, PopulationGroups groups, string districts,
        string evidence, string mitigations, IEnumerable<int> indicatorIds, IEnumerable<Guid> goalIds)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentNullException.ThrowIfNull(goalIds);
        if ((direction is { } d && !Enum.IsDefined(d)) || (size is { } s && !Enum.IsDefined(s)) || (certainty is { } c && !Enum.IsDefined(c)))
        {
            throw new DomainException("Assessment.Validation.ValueUnknown");
        }
        var allGroups = AssessmentLimits.Groups.Aggregate(PopulationGroups.None, (all, g) => all | g);
        if ((groups & ~allGroups) != 0)
        {
            throw new DomainException("Assessment.Validation.ValueUnknown", nameof(Groups));
        }
        var namedDistricts = AssessmentLimits.Optional(districts, AssessmentLimits.DistrictsMaxLength, nameof(Districts));
        if (groups.HasFlag(PopulationGroups.NamedDistricts) && namedDistricts.Length == 0)
        {
            throw new DomainException("Assessment.Validation.DistrictsRequired", nameof(Districts));
        }
        // Size and certainty say nothing about an impact that is none or unknown; they are cleared rather than kept unseen.
        var goesSomeWay = direction is ImpactDirection.Positive or ImpactDirection.Negative or ImpactDirection.Mixed;
        Direction = direction;
        Size = goesSomeWay ? size : null;
        Certainty = goesSomeWay ? certainty : null;
        Groups = groups;
        Districts = groups.HasFlag(PopulationGroups.NamedDistricts) ? namedDistricts : string.Empty;
        Evidence = AssessmentLimits.Optional(evidence, AssessmentLimits.TextMaxLength, nameof(Evidence));
        Mitigations = AssessmentLimits.Optional(mitigations, AssessmentLimits.TextMaxLength, nameof(Mitigations));
        var wantedIndicators = indicatorIds.Distinct().ToList();
        _indicators.RemoveAll(i => !wantedIndicators.Contains(i.IndicatorId));
        foreach (var id in wantedIndicators.Where(id => _indicators.All(i => i.IndicatorId != id)))
        {
            _indicators.Add(new ImpactIndicator(Id, OrganisationId, id));
        }
        var wantedGoals = goalIds.Distinct().ToList();
        _goals.RemoveAll(g => !wantedGoals.Contains(g.GoalId));
        foreach (var id in wantedGoals.Where(id => _goals.All(g => g.GoalId != id)))
        {
            _goals.Add(new ImpactGoal(Id, OrganisationId, id));
        }
    }
}

/// <summary>A catalogue indicator the evidence of an impact rests on.</summary>
public class ImpactIndicator : IOrganisationOwned
{
    private ImpactIndicator() { }

    internal ImpactIndicator(Guid impactId, Guid organisationId, int indicatorId)
    {
        ImpactId = impactId;
        OrganisationId = organisationId;
        IndicatorId = indicatorId;
    }

    public Guid ImpactId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int IndicatorId { get; private set; }
}

/// <summary>A goal of the welfare plan the impact helps or hinders.</summary>
public class ImpactGoal : IOrganisationOwned
{
    private ImpactGoal() { }

    internal ImpactGoal(Guid impactId, Guid organisationId, Guid goalId)
    {
        ImpactId = impactId;
        OrganisationId = organisationId;
        GoalId = goalId;
    }

    public Guid ImpactId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid GoalId { get; private set; }
}
