using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Plans;

public sealed record PlanIndicatorRow(Guid Id, string Name, string Unit, string? Link, double? Baseline, int? BaselineYear,
    double? Target, int? TargetYear, double? Actual, int? ActualYear, IndicatorDirection Direction, double? Progress);

public sealed record PlanMeasureRow(Guid Id, string Code, string Title, string Sector, string Responsible, MeasurePartners Partners,
    string PartnerNames, string Schedule, decimal? BudgetEuros, MeasureStatus Status, bool IsLate, int? ProgressPercent, bool CanRecord,
    string? PartnerNamesFallback = null);

public sealed record PlanGoalNode(Guid Id, string Code, string Title, string Description, LifeStage LifeStage, string Strategy,
    IReadOnlyList<string> Concerns, IReadOnlyList<PlanMeasureRow> Measures, IReadOnlyList<PlanIndicatorRow> Indicators, int AllMeasures,
    string? StrategyFallback = null);

public sealed record MeasureSummary(int Total, int NotStarted, int InProgress, int Done, int Postponed, int Late)
{
    public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

public sealed record SelectOption(string Value, string Text);

public sealed class PlanTreeViewModel
{
    public Guid? PlanId { get; init; }
    public string Title { get; init; } = string.Empty;
    public string TermLabel { get; init; } = string.Empty;
    public IReadOnlyList<PlanGoalNode> Goals { get; init; } = [];
    public MeasureSummary Summary { get; init; } = new(0, 0, 0, 0, 0, 0);
    public bool CanManage { get; init; }
    public Guid? SectorFilter { get; init; }
    public MeasureStatus? StatusFilter { get; init; }
    public MeasurePartners? PartnerFilter { get; init; }
    public bool IsFiltered => SectorFilter is not null || StatusFilter is not null || PartnerFilter is not null;
    public IReadOnlyList<SelectOption> Sectors { get; init; } = [];
    public IReadOnlyList<int> RoundYears { get; init; } = [];
    public int Year { get; init; }

    /// <summary>Terms without a plan, offered to the coordinator when the current term has none.</summary>
    public IReadOnlyList<TermOption> TermsWithoutPlan { get; init; } = [];
}

public sealed class CreatePlanViewModel
{
    [Display(Name = "Field.CouncilTerm")]
    public Guid CouncilTermId { get; set; }
}

public sealed class GoalFormViewModel
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlanLimits.CodeMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Code")]
    public string? Code { get; set; }

    [StringLength(PlanLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.TitleFi")]
    public string? TitleFi { get; set; }

    [StringLength(PlanLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.TitleSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? TitleSv { get; set; }

    [StringLength(PlanLimits.DescriptionMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.DescriptionFi")]
    public string? DescriptionFi { get; set; }

    [StringLength(PlanLimits.DescriptionMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.DescriptionSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? DescriptionSv { get; set; }

    [Display(Name = "Field.LifeStage")]
    public LifeStage LifeStage { get; set; } = LifeStage.WholePopulation;

    [StringLength(PlanLimits.StrategyMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Strategy")]
    public string? Strategy { get; set; }

    [StringLength(PlanLimits.StrategyMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.StrategySv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? StrategySv { get; set; }

    public List<Guid> ConcernIds { get; set; } = [];

    public IReadOnlyList<SelectOption> ConcernOptions { get; set; } = [];
    public bool Bilingual { get; set; }
}

public sealed class MeasureFormViewModel
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Display(Name = "Plan.Field.Goal")]
    public Guid GoalId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlanLimits.CodeMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Code")]
    public string? Code { get; set; }

    [StringLength(PlanLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.TitleFi")]
    public string? TitleFi { get; set; }

    [StringLength(PlanLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.TitleSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? TitleSv { get; set; }

    [StringLength(PlanLimits.DescriptionMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.DescriptionFi")]
    public string? DescriptionFi { get; set; }

    [StringLength(PlanLimits.DescriptionMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.DescriptionSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? DescriptionSv { get; set; }

    [Display(Name = "Plan.Field.Sector")]
    public Guid? SectorId { get; set; }

    [Display(Name = "Plan.Field.Responsible")]
    public Guid? ResponsibleUserId { get; set; }

    public List<MeasurePartners> Partners { get; set; } = [];

    [StringLength(PlanLimits.PartnerNamesMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.PartnerNames")]
    public string? PartnerNames { get; set; }

    [StringLength(PlanLimits.PartnerNamesMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.PartnerNamesSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? PartnerNamesSv { get; set; }

    [Range(PlanLimits.FirstYear, PlanLimits.LastYear, ErrorMessage = "Validation.YearRange")]
    [Display(Name = "Plan.Field.StartYear")]
    public int? StartYear { get; set; }

    [Range(PlanLimits.FirstYear, PlanLimits.LastYear, ErrorMessage = "Validation.YearRange")]
    [Display(Name = "Plan.Field.EndYear")]
    public int? EndYear { get; set; }

    [StringLength(PlanLimits.ResourcesMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.Resources")]
    public string? Resources { get; set; }

    [StringLength(PlanLimits.ResourcesMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Plan.Field.ResourcesSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ResourcesSv { get; set; }

    [Display(Name = "Plan.Field.Budget")]
    public decimal? BudgetEuros { get; set; }

    [Display(Name = "Plan.Field.Status")]
    public MeasureStatus Status { get; set; } = MeasureStatus.NotStarted;

    public IReadOnlyList<SelectOption> GoalOptions { get; set; } = [];
    public IReadOnlyList<SelectOption> SectorOptions { get; set; } = [];
    public IReadOnlyList<SelectOption> UserOptions { get; set; } = [];
    public bool Bilingual { get; set; }
}

public sealed class IndicatorFormViewModel
{
    public Guid? GoalId { get; set; }
    public Guid? MeasureId { get; set; }
    public string OwnerTitle { get; set; } = string.Empty;

    /// <summary>"sotkanet:90012" or "local:{id}".</summary>
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Plan.Field.Indicator")]
    public string? Source { get; set; }

    [Display(Name = "Plan.Field.Baseline")]
    public double? Baseline { get; set; }

    [Range(PlanLimits.FirstYear, PlanLimits.LastYear, ErrorMessage = "Validation.YearRange")]
    [Display(Name = "Plan.Field.BaselineYear")]
    public int? BaselineYear { get; set; }

    [Display(Name = "Plan.Field.Target")]
    public double? Target { get; set; }

    [Range(PlanLimits.FirstYear, PlanLimits.LastYear, ErrorMessage = "Validation.YearRange")]
    [Display(Name = "Plan.Field.TargetYear")]
    public int? TargetYear { get; set; }

    /// <summary>Null takes the indicator's own direction.</summary>
    [Display(Name = "Plan.Field.Direction")]
    public IndicatorDirection? Direction { get; set; }

    public IReadOnlyList<SelectOption> SotkanetOptions { get; set; } = [];
    public IReadOnlyList<SelectOption> LocalOptions { get; set; } = [];
}

public sealed record FollowUpHistoryRow(int Year, bool RoundOpen, MeasureStatus Status, int? ProgressPercent, string Account,
    string RecordedBy, DateTimeOffset? RecordedAt, bool CanRecord, string? AccountFallback = null);

public sealed class MeasurePageViewModel
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? OtherTitle { get; init; }
    public required string Description { get; init; }
    public required Guid GoalId { get; init; }
    public required string GoalCode { get; init; }
    public required string GoalTitle { get; init; }
    public required string Sector { get; init; }
    public required string Responsible { get; init; }
    public required MeasurePartners Partners { get; init; }
    public required string PartnerNames { get; init; }

    /// <summary>The language <see cref="PartnerNames"/> is in when it is not the reader's, else null.</summary>
    public string? PartnerNamesFallback { get; init; }
    public required string Schedule { get; init; }
    public required string Resources { get; init; }
    public string? ResourcesFallback { get; init; }
    public decimal? BudgetEuros { get; init; }
    public required MeasureStatus Status { get; init; }
    public bool IsLate { get; init; }
    public required IReadOnlyList<PlanIndicatorRow> Indicators { get; init; }
    public required IReadOnlyList<FollowUpHistoryRow> FollowUps { get; init; }
    public bool CanManage { get; init; }
    public bool CanRecord { get; init; }
}

public sealed record ConfirmRemoveViewModel(Guid Id, string Kind, string Code, string Title, int MeasureCount, int RecordedFollowUps);

public sealed record MyMeasureItem(Guid Id, string Code, string Title, string GoalTitle, MeasureStatus Status, bool IsLate,
    int? OpenRoundYear, bool RecordedInOpenRound, bool Owned);

public sealed class MyMeasuresViewModel
{
    public required IReadOnlyList<MyMeasureItem> Owned { get; init; }
    public required IReadOnlyList<MyMeasureItem> OfMySectors { get; init; }
}

public sealed record CsvProblemItem(int Line, string Column, string Message);

public sealed class PlanImportViewModel
{
    public IReadOnlyList<CsvProblemItem> Problems { get; init; } = [];
    public bool HasPlan { get; init; }
}
