namespace Valfard.Domain.Plans;

/// <summary>
/// The welfare plan as it stood when a report was approved: what the council committed to (goals, measures,
/// follow-up indicators) and, for an annual report, the follow-up round of that year. Stored as JSON inside the
/// approved version's snapshot and never changed afterwards; enum-like fields hold the enum member name so that an
/// old snapshot still reads after the code's enums grow. Free texts without a language suffix are the Finnish ones;
/// the Swedish ones came later and read back as null from older snapshots.
/// </summary>
public sealed record PlanSnapshot(
    string TitleFi,
    string TitleSv,
    int? FollowUpYear,
    IReadOnlyList<PlanGoalSnapshot> Goals);

public sealed record PlanGoalSnapshot(
    string Code,
    string TitleFi,
    string TitleSv,
    string? DescriptionFi,
    string? DescriptionSv,
    string? Theme,
    string? Assessment,
    string? AssessmentReason,
    IReadOnlyList<PlanMeasureSnapshot> Measures,
    IReadOnlyList<PlanIndicatorSnapshot> Indicators);

public sealed record PlanMeasureSnapshot(
    string Code,
    string TitleFi,
    string TitleSv,
    string? Responsible,
    string? Partners,
    string? Schedule,
    decimal? BudgetEuros,
    string Status,
    int? ProgressPercent,
    string? Account,
    IReadOnlyList<PlanIndicatorSnapshot> Indicators,
    string? PartnersSv = null,
    string? AccountSv = null,
    string? Resources = null,
    string? ResourcesSv = null);

public sealed record PlanIndicatorSnapshot(
    string NameFi,
    string NameSv,
    double? Baseline,
    int? BaselineYear,
    double? Target,
    int? TargetYear,
    double? Actual,
    int? ActualYear,
    string Direction);
