using Valfard.Domain.Common;

namespace Valfard.Domain.Plans;

/// <summary>
/// A measure (toimenpide / åtgärd) that serves a goal: who is responsible, who takes part, when, with what money, and
/// where it stands now.
/// </summary>
public class Measure : IOrganisationOwned, IVersioned
{
    private Measure()
    {
        Code = string.Empty;
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        DescriptionFi = string.Empty;
        DescriptionSv = string.Empty;
        PartnerNames = string.Empty;
        Resources = string.Empty;
        PartnerNamesSv = string.Empty;
        ResourcesSv = string.Empty;
    }

    public Measure(Guid id, Goal goal, string code, int position) : this()
    {
        ArgumentNullException.ThrowIfNull(goal);
        Id = id;
        GoalId = goal.Id;
        PlanId = goal.PlanId;
        OrganisationId = goal.OrganisationId;
        Code = PlanLimits.RequireCode(code);
        Position = position;
        Status = MeasureStatus.NotStarted;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid GoalId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>A short name unique in the plan, e.g. "T1.2".</summary>
    public string Code { get; private set; }
    public int Position { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string DescriptionFi { get; private set; }
    public string DescriptionSv { get; private set; }

    /// <summary>The responsible sector (vastuutoimiala).</summary>
    public Guid? SectorId { get; private set; }

    /// <summary>The responsible person (vastuuhenkilö); they record the measure's follow-up.</summary>
    public Guid? ResponsibleUserId { get; private set; }
    public MeasurePartners Partners { get; private set; }

    /// <summary>The partners by name, e.g. "Demoalueen hyvinvointialue, MLL:n paikallisyhdistys".</summary>
    public string PartnerNames { get; private set; }

    /// <summary>The partners' names in Swedish; <see cref="PartnerNames"/> is the Finnish text.</summary>
    public string PartnerNamesSv { get; private set; }
    public int? StartYear { get; private set; }
    public int? EndYear { get; private set; }

    /// <summary>Staff time and other resources in words; the money is in <see cref="BudgetEuros"/>.</summary>
    public string Resources { get; private set; }

    /// <summary>The resources in Swedish; <see cref="Resources"/> is the Finnish text.</summary>
    public string ResourcesSv { get; private set; }
    public decimal? BudgetEuros { get; private set; }

    /// <summary>The latest status recorded; a follow-up round keeps the status of its own year.</summary>
    public MeasureStatus Status { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public string DescriptionIn(string language) => language == "sv" && DescriptionSv.Length > 0 ? DescriptionSv : DescriptionFi;

    public string PartnerNamesIn(string language) => BilingualText.In(PartnerNames, PartnerNamesSv, language);

    public string ResourcesIn(string language) => BilingualText.In(Resources, ResourcesSv, language);

    /// <summary>
    /// The Swedish partner names and resources are set apart from <see cref="Assign"/> and <see cref="SetSchedule"/>
    /// so that a plan file, which has no Swedish columns for them, never wipes a translation already written.
    /// </summary>
    public void Translate(string partnerNamesSv, string resourcesSv)
    {
        partnerNamesSv = PlanLimits.Optional(partnerNamesSv, PlanLimits.PartnerNamesMaxLength, nameof(PartnerNamesSv));
        ResourcesSv = PlanLimits.Optional(resourcesSv, PlanLimits.ResourcesMaxLength, nameof(ResourcesSv));
        PartnerNamesSv = partnerNamesSv;
    }

    /// <summary>"2025–2027", "2026–", or empty when no schedule is set.</summary>
    public string Schedule => (StartYear, EndYear) switch
    {
        (null, null) => string.Empty,
        (var start, var end) when start == end => $"{start}",
        (var start, var end) => $"{start}\u2013{end}",
    };

    /// <summary>Late: not done although its schedule ended before the given year, or postponed.</summary>
    /// <summary>A measure whose schedule starts after the year is not yet part of that year's follow-up.</summary>
    public bool IsScheduledAfter(int year) => StartYear is { } start && start > year;

    public static bool IsLate(MeasureStatus status, int? endYear, int year) =>
        status == MeasureStatus.Postponed || (status != MeasureStatus.Done && endYear is { } end && end < year);

    public void Update(string code, string titleFi, string titleSv, string descriptionFi, string descriptionSv)
    {
        Code = PlanLimits.RequireCode(code);
        (TitleFi, TitleSv) = PlanLimits.Titles(titleFi, titleSv);
        DescriptionFi = PlanLimits.Optional(descriptionFi, PlanLimits.DescriptionMaxLength);
        DescriptionSv = PlanLimits.Optional(descriptionSv, PlanLimits.DescriptionMaxLength);
    }

    public void Assign(Guid? sectorId, Guid? responsibleUserId, MeasurePartners partners, string partnerNames)
    {
        if (((int)partners & ~0b1111) != 0)
        {
            throw new DomainException("Plan.Validation.PartnerUnknown");
        }
        SectorId = sectorId;
        ResponsibleUserId = responsibleUserId;
        Partners = partners;
        PartnerNames = PlanLimits.Optional(partnerNames, PlanLimits.PartnerNamesMaxLength);
    }

    public void SetSchedule(int? startYear, int? endYear, string resources, decimal? budgetEuros)
    {
        if ((startYear is { } first && !PlanLimits.IsYear(first)) || (endYear is { } last && !PlanLimits.IsYear(last)))
        {
            throw new DomainException("Plan.Validation.YearRange", nameof(EndYear));
        }
        if (startYear is { } start && endYear is { } end && end < start)
        {
            throw new DomainException("Plan.Validation.EndBeforeStart", nameof(EndYear));
        }
        if (budgetEuros is { } budget && !PlanLimits.IsBudget(budget))
        {
            throw new DomainException("Plan.Validation.BudgetInvalid", nameof(BudgetEuros));
        }
        StartYear = startYear;
        EndYear = endYear;
        Resources = PlanLimits.Optional(resources, PlanLimits.ResourcesMaxLength);
        BudgetEuros = budgetEuros;
    }

    public void SetStatus(MeasureStatus status) =>
        Status = Enum.IsDefined(status) ? status : throw new DomainException("Plan.Validation.StatusUnknown");

    public void MoveTo(Goal goal, int position)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (goal.PlanId != PlanId)
        {
            throw new DomainException("Plan.Validation.GoalUnknown");
        }
        GoalId = goal.Id;
        Position = position;
    }
}
