using Valfard.Domain.Common;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Plans;

/// <summary>
/// A goal of the plan (tavoite / mål) for a life stage or the whole population, answering one or more of the report's
/// concerns and tied to the municipal strategy.
/// </summary>
public class Goal : IOrganisationOwned, IVersioned
{
    private readonly List<GoalConcern> _concerns = [];

    private Goal()
    {
        Code = string.Empty;
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        DescriptionFi = string.Empty;
        DescriptionSv = string.Empty;
        Strategy = string.Empty;
        StrategySv = string.Empty;
    }

    public Goal(Guid id, WelfarePlan plan, string code, int position) : this()
    {
        ArgumentNullException.ThrowIfNull(plan);
        Id = id;
        PlanId = plan.Id;
        OrganisationId = plan.OrganisationId;
        Code = PlanLimits.RequireCode(code);
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid PlanId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>A short name unique in the plan, e.g. "T1"; measures and the CSV file refer to the goal by it.</summary>
    public string Code { get; private set; }
    public int Position { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string DescriptionFi { get; private set; }
    public string DescriptionSv { get; private set; }
    public LifeStage LifeStage { get; private set; } = LifeStage.WholePopulation;

    /// <summary>The part of the municipal strategy (kuntastrategia) the goal serves, in the group's own words.</summary>
    public string Strategy { get; private set; }

    /// <summary>The same in Swedish; <see cref="Strategy"/> is the Finnish text.</summary>
    public string StrategySv { get; private set; }
    public IReadOnlyCollection<GoalConcern> Concerns => _concerns.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public string DescriptionIn(string language) => language == "sv" && DescriptionSv.Length > 0 ? DescriptionSv : DescriptionFi;

    public void Update(string code, string titleFi, string titleSv, string descriptionFi, string descriptionSv, LifeStage lifeStage, string strategy)
    {
        if (!Enum.IsDefined(lifeStage))
        {
            throw new DomainException("Plan.Validation.LifeStageUnknown");
        }
        Code = PlanLimits.RequireCode(code);
        (TitleFi, TitleSv) = PlanLimits.Titles(titleFi, titleSv);
        DescriptionFi = PlanLimits.Optional(descriptionFi, PlanLimits.DescriptionMaxLength);
        DescriptionSv = PlanLimits.Optional(descriptionSv, PlanLimits.DescriptionMaxLength);
        Strategy = PlanLimits.Optional(strategy, PlanLimits.StrategyMaxLength);
        LifeStage = lifeStage;
    }

    public string StrategyIn(string language) => BilingualText.In(Strategy, StrategySv, language);

    /// <summary>
    /// The Swedish strategy text is set apart from <see cref="Update"/> so that a plan file, which has no Swedish
    /// column for it, never wipes a translation the group already wrote.
    /// </summary>
    public void TranslateStrategy(string strategySv) => StrategySv = PlanLimits.Optional(strategySv, PlanLimits.StrategyMaxLength, nameof(StrategySv));

    public void MoveTo(int position) => Position = position;

    /// <summary>Replaces the concerns the goal answers; the caller checks that they are concerns of the same organisation.</summary>
    public void AnswerConcerns(IEnumerable<Guid> observationIds)
    {
        var wanted = observationIds.Distinct().ToHashSet();
        _concerns.RemoveAll(c => !wanted.Contains(c.ObservationId));
        foreach (var id in wanted.Where(id => _concerns.All(c => c.ObservationId != id)))
        {
            _concerns.Add(new GoalConcern(Id, OrganisationId, id));
        }
    }
}

/// <summary>A concern (orosmoment / huolen aihe) of the comprehensive report that a goal answers.</summary>
public class GoalConcern : IOrganisationOwned
{
    private GoalConcern() { }

    internal GoalConcern(Guid goalId, Guid organisationId, Guid observationId)
    {
        GoalId = goalId;
        OrganisationId = organisationId;
        ObservationId = observationId;
    }

    public Guid GoalId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ObservationId { get; private set; }
}
