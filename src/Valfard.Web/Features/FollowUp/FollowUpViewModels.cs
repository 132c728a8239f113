using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.Reports;
namespace Valfard.Web.Features.FollowUp;

public sealed record RoundListItem(int Year, bool IsOpen, int Measures, int Recorded, Guid? ReportId, string? ReportTitle);

public sealed class FollowUpIndexViewModel
{
    public required string PlanTitle { get; init; }
    public required IReadOnlyList<RoundListItem> Rounds { get; init; }
    public required IReadOnlyList<int> YearsToOpen { get; init; }
    public int SuggestedYear { get; init; }
    public bool CanManage { get; init; }
}

public sealed record RoundMeasureRow(Guid Id, string Code, string Title, string Responsible, MeasureStatus Status, int? ProgressPercent,
    string Account, string RecordedBy, DateTimeOffset? RecordedAt, bool IsLate, bool CanRecord, string? AccountFallback = null);

public sealed record RoundGoalBlock(Guid Id, string Code, string Title, AssessmentBasis Basis, Assessment? Final,
    string? OverrideReason, string? OverriddenBy, DateTimeOffset? OverriddenAt,
    IReadOnlyList<PlanIndicatorRow> Indicators, IReadOnlyList<RoundMeasureRow> Measures);

public sealed class RoundViewModel
{
    public required int Year { get; init; }
    public required bool IsOpen { get; init; }
    public required string PlanTitle { get; init; }
    public required IReadOnlyList<RoundGoalBlock> Goals { get; init; }
    public required MeasureSummary Summary { get; init; }
    public int Recorded { get; init; }
    public Guid? ReportId { get; init; }
    public string? ReportTitle { get; init; }
    public bool CanManage { get; init; }
}

public sealed class RecordFollowUpViewModel
{
    public int Year { get; set; }
    public Guid MeasureId { get; set; }
    public Guid Version { get; set; }
    public string MeasureCode { get; set; } = string.Empty;
    public string MeasureTitle { get; set; } = string.Empty;

    [Display(Name = "Plan.Field.Status")]
    public MeasureStatus Status { get; set; } = MeasureStatus.InProgress;

    [Range(0, 100, ErrorMessage = "Plan.Validation.ProgressRange")]
    [Display(Name = "Plan.Field.Progress")]
    public int? ProgressPercent { get; set; }

    [StringLength(PlanLimits.AccountMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Account")]
    public string? Account { get; set; }

    [StringLength(PlanLimits.AccountMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.AccountSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? AccountSv { get; set; }

    /// <summary>Whether the organisation writes in both languages, so the form offers the Swedish account too.</summary>
    public bool Bilingual { get; set; }
}

public sealed class OverrideAssessmentViewModel
{
    public int Year { get; set; }
    public Guid GoalId { get; set; }
    public string GoalCode { get; set; } = string.Empty;
    public string GoalTitle { get; set; } = string.Empty;
    public AssessmentBasis? Basis { get; set; }
    public bool HasOverride { get; set; }

    [Display(Name = "Plan.Field.Assessment")]
    public Assessment Assessment { get; set; } = Assessment.AtRisk;

    [StringLength(PlanLimits.ReasonMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Reason")]
    public string? Reason { get; set; }
}
