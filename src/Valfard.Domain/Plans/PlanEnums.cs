namespace Valfard.Domain.Plans;

/// <summary>Where a measure stands. The member names are stored in the database, the CSV file and plan snapshots.</summary>
public enum MeasureStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    Postponed = 4,
}

/// <summary>How a goal is doing in a follow-up round. The member names are stored and shown through resource keys.</summary>
public enum Assessment
{
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
}

/// <summary>Who a measure is carried out with besides the municipality's own sectors.</summary>
[Flags]
public enum MeasurePartners
{
    None = 0,
    WellbeingServicesCounty = 1,
    Organisations = 2,
    Parishes = 4,
    Companies = 8,
}

/// <summary>Field limits shared by the domain checks, the CSV format and the EF configuration.</summary>
public static class PlanLimits
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int StrategyMaxLength = 500;
    public const int PartnerNamesMaxLength = 1000;
    public const int ResourcesMaxLength = 1000;
    public const int AccountMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const decimal BudgetMax = 1_000_000_000m;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static IReadOnlyList<MeasurePartners> PartnerKinds { get; } =
        [MeasurePartners.WellbeingServicesCounty, MeasurePartners.Organisations, MeasurePartners.Parishes, MeasurePartners.Companies];

    /// <summary>A code names a goal or measure in the plan and in the CSV file: letters, digits, '.', '-' and '_'.</summary>
    public static string RequireCode(string? code)
    {
        code = code?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            throw new Common.DomainException("Plan.Validation.CodeRequired", "Code");
        }
        if (!IsCode(code))
        {
            throw new Common.DomainException("Plan.Validation.CodeInvalid", "Code");
        }
        return code;
    }

    /// <summary>Whether <paramref name="code"/>, exactly as given, is a code: 1 to <see cref="CodeMaxLength"/> letters, digits, '.', '-' or '_'.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: > 0 and <= CodeMaxLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Whether a plan, goal or measure with these titles has one: at least one of them is more than spaces.</summary>
    public static bool HasTitle(string? titleFi, string? titleSv) =>
        !string.IsNullOrWhiteSpace(titleFi) || !string.IsNullOrWhiteSpace(titleSv);

    /// <summary>Whether <paramref name="text"/>, trimmed as it is stored, is at most <paramref name="maxLength"/> characters.</summary>
    public static bool Fits(string? text, int maxLength) => (text?.Trim().Length ?? 0) <= maxLength;

    /// <summary>Whether <paramref name="year"/> is one a schedule, a baseline or a target may name.</summary>
    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Whether <paramref name="euros"/> is a budget: from 0 to <see cref="BudgetMax"/>, in whole cents.</summary>
    public static bool IsBudget(decimal euros) => euros is >= 0 and <= BudgetMax && decimal.Round(euros, 2) == euros;

    internal static string Optional(string? text, int maxLength, string? field = null)
    {
        if (Fits(text, maxLength))
        {
            return text?.Trim() ?? string.Empty;
        }
        throw field is null ? new Common.DomainException("Plan.Validation.TooLong") : new Common.DomainException("Plan.Validation.TooLong", field);
    }

    internal static (string Fi, string Sv) Titles(string? titleFi, string? titleSv)
    {
        if (!HasTitle(titleFi, titleSv))
        {
            throw new Common.DomainException("Plan.Validation.TitleRequired", "TitleFi");
        }
        if (!Fits(titleFi, TitleMaxLength) || !Fits(titleSv, TitleMaxLength))
        {
            throw new Common.DomainException("Plan.Validation.TooLong");
        }
        var fi = titleFi?.Trim() ?? string.Empty;
        var sv = titleSv?.Trim() ?? string.Empty;
        return (fi.Length > 0 ? fi : sv, sv);
    }
}
