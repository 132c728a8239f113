using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Reports;

public sealed record ReportListItem(Guid Id, string Title, ReportKind Kind, string TermLabel, int? Year, ReportStatus Status,
    int SectionCount, int DoneCount, int OverdueCount);

public sealed class ReportListViewModel
{
    public required IReadOnlyList<ReportListItem> Reports { get; init; }
    public bool CanCreate { get; init; }
    public bool CanEdit { get; init; }
}

public sealed record TermOption(Guid Id, string Label, IReadOnlyList<int> Years);

public sealed class CreateReportViewModel
{
    [Display(Name = "Field.ReportKind")]
    public ReportKind Kind { get; set; } = ReportKind.Comprehensive;

    [Display(Name = "Field.CouncilTerm")]
    public Guid CouncilTermId { get; set; }

    [Range(2000, 2100, ErrorMessage = "Validation.YearRange")]
    [Display(Name = "Field.Year")]
    public int? Year { get; set; }

    [StringLength(ReportLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TitleFi")]
    public string? TitleFi { get; set; }

    [StringLength(ReportLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TitleSv")]
    public string? TitleSv { get; set; }

    public IReadOnlyList<ReportKind> AllowedKinds { get; set; } = [];
    public IReadOnlyList<TermOption> Terms { get; set; } = [];
    public bool Bilingual { get; set; }

    /// <summary>
    /// Set by the confirmation page of an annual report made from the previous report: the coordinator has seen which
    /// assignments carry over and chosen their new due dates.
    /// </summary>
    public bool Confirmed { get; set; }

    /// <summary>The previous report's assignments, one row per section that has one, with the new due date.</summary>
    public List<CarryOverRow> CarryOver { get; set; } = [];

    /// <summary>For the confirmation page: the report the assignments come from, and the approved version the texts come from.</summary>
    public string? AssignmentSource { get; set; }
    public string? TextSource { get; set; }
    public int? TextSourceVersion { get; set; }
}

/// <summary>A section's assignment in the previous report, kept (or not) in the new one with a new due date.</summary>
public sealed class CarryOverRow
{
    public Guid SourceSectionId { get; set; }
    public bool Keep { get; set; } = true;

    [DataType(DataType.Date)]
    public DateOnly? DueDate { get; set; }

    // Shown on the confirmation page only; read again from the previous report when the report is made.
    public string Number { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string? SectorName { get; set; }
    public IReadOnlyList<string> Editors { get; set; } = [];
    public DateOnly? PreviousDueDate { get; set; }
}

public sealed record BoardSection(Guid Id, string Number, string Title, bool IsSubsection, string? SectorName,
    IReadOnlyList<string> Editors, DateOnly? DueDate, SectionStatus Status, bool IsOverdue, bool CanWrite,
    IReadOnlyList<LanguageState> Languages);

public sealed record LanguageState(string Language, bool HasText, bool IsBehind, DateTimeOffset? UpdatedAt);

public sealed record SectorProgress(string Name, int Total, int NotStarted, int InProgress, int ReadyForReview, int Done, int Overdue)
{
    public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

public sealed class ReportBoardViewModel
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required ReportKind Kind { get; init; }
    public required ReportStatus Status { get; init; }
    public required string TermLabel { get; init; }
    public int? Year { get; init; }
    public required IReadOnlyList<BoardSection> Sections { get; init; }
    public required IReadOnlyList<SectorProgress> Sectors { get; init; }
    public required SectorProgress Total { get; init; }
    public bool IsCoordinator { get; init; }

    /// <summary>The report's next step forward that the checklist guards, for the coordinator; null when there is none.</summary>
    public WorkflowAction? NextStep { get; init; }

    /// <summary>The checklist before <see cref="NextStep"/>, with the names its lines need.</summary>
    public Workflow.ChecklistView? NextChecklist { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>The organisation writes in Finnish and Swedish, so the board links the language status.</summary>
    public bool Bilingual { get; init; }
}

public sealed record EditorOption(Guid Id, string Name, bool IsEditor);

public sealed class AssignSectionViewModel
{
    public Guid ReportId { get; set; }
    public Guid SectionId { get; set; }
    public string SectionTitle { get; set; } = string.Empty;

    [Display(Name = "Field.Sector")]
    public Guid? SectorId { get; set; }

    [Display(Name = "Field.Editors")]
    public List<Guid> EditorIds { get; set; } = [];

    [Display(Name = "Field.DueDate")]
    [DataType(DataType.Date)]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "Field.SectionStatus")]
    public SectionStatus Status { get; set; } = SectionStatus.NotStarted;

    public Guid Version { get; set; }

    public IReadOnlyList<SectorOption> SectorOptions { get; set; } = [];
    public IReadOnlyList<EditorOption> EditorOptions { get; set; } = [];
}

public sealed record MySectionItem(Guid ReportId, Guid SectionId, string ReportTitle, string Number, string Title,
    DateOnly? DueDate, SectionStatus Status, bool IsOverdue);

public sealed record AuditItem(DateTimeOffset At, string User, string Action, string Details);

public sealed record TemplateSectionItem(Guid Id, string Number, string Title, bool IsSubsection, SectionPurpose Purpose, bool HasGuidance);

public sealed class TemplateViewModel
{
    public required Guid Version { get; init; }
    public required IReadOnlyList<TemplateSectionItem> Sections { get; init; }
}

public sealed class TemplateSectionForm
{
    public Guid Id { get; set; }

    [StringLength(ReportLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TitleFi")]
    public string? TitleFi { get; set; }

    [StringLength(ReportLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TitleSv")]
    public string? TitleSv { get; set; }

    [StringLength(ReportLimits.GuidanceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.GuidanceFi")]
    public string? GuidanceFi { get; set; }

    [StringLength(ReportLimits.GuidanceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.GuidanceSv")]
    public string? GuidanceSv { get; set; }

    public Guid Version { get; set; }
}
