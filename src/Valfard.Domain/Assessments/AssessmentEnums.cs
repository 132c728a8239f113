namespace Valfard.Domain.Assessments;

/// <summary>Where an assessment stands. The member names are stored in the database and shown through resource keys.</summary>
public enum AssessmentStatus
{
    InPreparation = 1,
    Completed = 2,
    Decided = 3,
}

/// <summary>Which way an alternative moves an area, as THL's EVA guidance asks it. Null on an impact means "not yet assessed".</summary>
public enum ImpactDirection
{
    Positive = 1,
    Negative = 2,
    Mixed = 3,
    None = 4,
    Unknown = 5,
}

/// <summary>How large an impact is expected to be.</summary>
public enum ImpactSize
{
    Small = 1,
    Moderate = 2,
    Large = 3,
}

/// <summary>How sure the preparer is of the impact.</summary>
public enum ImpactCertainty
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>The population groups an impact touches; named districts are written out in <see cref="AreaImpact.Districts"/>.</summary>
[Flags]
public enum PopulationGroups
{
    None = 0,
    Children = 1,
    YoungPeople = 2,
    WorkingAge = 4,
    OlderPeople = 8,
    PeopleWithDisabilities = 16,
    ByGender = 32,
    LanguageGroups = 64,
    LowIncomeHouseholds = 128,
    NamedDistricts = 256,
}

/// <summary>Field limits shared by the domain checks and the EF configuration.</summary>
public static class AssessmentLimits
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 200;
    public const int LinkMaxLength = 1000;
    public const int AlternativeTitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int DistrictsMaxLength = 500;
    public const int ParagraphMaxLength = 20;
    public const int QuestionsMaxLength = 4000;

    /// <summary>"Do nothing" and at least one option: a comparison needs two.</summary>
    public const int MinimumAlternatives = 2;
    public const int MaximumAlternatives = 6;

    public static IReadOnlyList<PopulationGroups> Groups { get; } =
    [
        PopulationGroups.Children, PopulationGroups.YoungPeople, PopulationGroups.WorkingAge, PopulationGroups.OlderPeople,
        PopulationGroups.PeopleWithDisabilities, PopulationGroups.ByGender, PopulationGroups.LanguageGroups,
        PopulationGroups.LowIncomeHouseholds, PopulationGroups.NamedDistricts,
    ];

    /// <summary>Trimmed required text, refused on <paramref name="field"/> when empty or too long.</summary>
    internal static string Required(string? text, int maxLength, string field, string emptyKey)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new Common.DomainException(emptyKey, field);
        }
        return Optional(text, maxLength, field);
    }

    internal static string Optional(string? text, int maxLength, string field)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length > maxLength)
        {
            throw new Common.DomainException("Assessment.Validation.TooLong", field);
        }
        return text;
    }
}
