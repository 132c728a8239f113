using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Assessments;
using Valfard.Domain.Statistics;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.Assessments;

/// <summary>One row of the register.</summary>
public sealed record AssessmentRow(Guid Id, string DecisionTitle, string Language, string PreparingBody, DateOnly? PlannedDecisionDate,
    AssessmentStatus Status, bool IsChildImpact, string? ChosenAlternative, DateOnly? DecisionDate, string DecisionParagraph, bool IsPublished);

public sealed class RegisterViewModel
{
    public required IReadOnlyList<AssessmentRow> Rows { get; init; }
    public bool CanEditAreas { get; init; }
}

/// <summary>The decision the assessment is about; the same form starts an assessment and edits its details.</summary>
public sealed class DetailsFormViewModel
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.DecisionTitle")]
    public string? DecisionTitle { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.BodyMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.PreparingBody")]
    public string? PreparingBody { get; set; }

    [Display(Name = "Assessment.Field.PlannedDecisionDate")]
    [DataType(DataType.Date)]
    public DateOnly? PlannedDecisionDate { get; set; }

    [StringLength(AssessmentLimits.LinkMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.AgendaLink")]
    public string? AgendaLink { get; set; }

    [Display(Name = "Assessment.Field.Preparer")]
    public Guid PreparerId { get; set; }

    [Display(Name = "Assessment.Field.IsChildImpact")]
    public bool IsChildImpact { get; set; }

    [Display(Name = "Assessment.Field.Language")]
    public string Language { get; set; } = "fi";

    [StringLength(AssessmentLimits.AlternativeTitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.OptionTitle")]
    public string? OptionTitle { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Preparers { get; set; } = [];
    public bool Bilingual { get; set; }
}

public sealed class AlternativeFormViewModel
{
    public Guid AssessmentId { get; set; }
    public Guid? AlternativeId { get; set; }
    public Guid Version { get; set; }
    public string DecisionTitle { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.AlternativeTitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.AlternativeTitle")]
    public string? Title { get; set; }

    [StringLength(AssessmentLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.AlternativeDescription")]
    public string? Description { get; set; }

    public bool IsDoNothing { get; set; }
}

/// <summary>A choice in a list of checkboxes: an indicator of the organisation's sets or a plan goal.</summary>
public sealed record Choice(string Value, string Text, string Group);

/// <summary>An indicator with its latest own value and the verdicts against the benchmarks, for the evidence.</summary>
public sealed record IndicatorEvidence(int Id, string Title, string? Value, int? Year, string Unit, IReadOnlyList<VerdictView> Verdicts, string? TrendKey,
    string TrendSymbol);

public sealed record VerdictView(string Kind, string Name, string Symbol, string ResourceKey);

public sealed class ImpactFormViewModel
{
    public Guid AssessmentId { get; set; }
    public Guid ImpactId { get; set; }
    public Guid Version { get; set; }
    public string DecisionTitle { get; set; } = string.Empty;
    public string AlternativeTitle { get; set; } = string.Empty;
    public string AreaTitle { get; set; } = string.Empty;
    public IReadOnlyList<string> Questions { get; set; } = [];
    public string ContentLanguage { get; set; } = "fi";

    [Display(Name = "Assessment.Field.Direction")]
    public ImpactDirection? Direction { get; set; }

    [Display(Name = "Assessment.Field.Size")]
    public ImpactSize? Size { get; set; }

    [Display(Name = "Assessment.Field.Certainty")]
    public ImpactCertainty? Certainty { get; set; }

    public List<PopulationGroups> Groups { get; set; } = [];

    [StringLength(AssessmentLimits.DistrictsMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.Districts")]
    public string? Districts { get; set; }

    [StringLength(AssessmentLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.Evidence")]
    public string? Evidence { get; set; }

    [StringLength(AssessmentLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.Mitigations")]
    public string? Mitigations { get; set; }

    public List<int> IndicatorIds { get; set; } = [];
    public List<Guid> GoalIds { get; set; } = [];
    public IReadOnlyList<Choice> IndicatorChoices { get; set; } = [];
    public IReadOnlyList<Choice> GoalChoices { get; set; } = [];
    public IReadOnlyList<IndicatorEvidence> LinkedIndicators { get; set; } = [];
}

public sealed class ConclusionFormViewModel
{
    public Guid AssessmentId { get; set; }
    public Guid Version { get; set; }
    public string DecisionTitle { get; set; } = string.Empty;
    public bool IsChildImpact { get; set; }
    public string ContentLanguage { get; set; } = "fi";

    [StringLength(AssessmentLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.Conclusion")]
    public string? Conclusion { get; set; }

    [Display(Name = "Assessment.Field.ChildrenHeard")]
    public bool? ChildrenHeard { get; set; }

    [StringLength(AssessmentLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.ChildrenHeardHow")]
    public string? ChildrenHeardHow { get; set; }

    public List<int> FollowUpIndicatorIds { get; set; } = [];
    public IReadOnlyList<Choice> IndicatorChoices { get; set; } = [];
}

public sealed class DecideFormViewModel
{
    public Guid AssessmentId { get; set; }
    public Guid Version { get; set; }
    public string DecisionTitle { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Assessment.Field.ChosenAlternative")]
    public Guid? ChosenAlternativeId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Assessment.Field.DecisionDate")]
    [DataType(DataType.Date)]
    public DateOnly? DecisionDate { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.ParagraphMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.DecisionParagraph")]
    public string? DecisionParagraph { get; set; }

    public IReadOnlyList<(Guid Id, string Title)> Alternatives { get; set; } = [];
}

/// <summary>A confirmation page before a state change or a removal.</summary>
public sealed record ConfirmViewModel(Guid AssessmentId, Guid Version, string DecisionTitle, string Kind, string? AlternativeTitle = null,
    Guid? AlternativeId = null, IReadOnlyList<string>? Missing = null);

public sealed class AreaFormViewModel
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.AreaTitleFi")]
    public string? TitleFi { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AssessmentLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.AreaTitleSv")]
    public string? TitleSv { get; set; }

    [StringLength(AssessmentLimits.QuestionsMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.QuestionsFi")]
    public string? QuestionsFi { get; set; }

    [StringLength(AssessmentLimits.QuestionsMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Assessment.Field.QuestionsSv")]
    public string? QuestionsSv { get; set; }

    [Display(Name = "Assessment.Field.ForChildren")]
    public bool ForChildren { get; set; }
}

public sealed record AreaRow(Guid Id, Guid Version, string TitleFi, string TitleSv, int QuestionCount, bool ForChildren, bool IsRetired);

/// <summary>
/// Everything the assessment page, the print view, the PDF and the decision proposal text show: the decision, the
/// alternatives compared area by area, the evidence, the conclusion, the follow-up and the decision taken.
/// </summary>
public sealed class AssessmentDocument
{
    public required Guid Id { get; init; }
    public required Guid Version { get; init; }
    public required string OrganisationName { get; init; }

    /// <summary>The language of the page's own words; <see cref="ContentLanguage"/> is the language the preparer wrote in.</summary>
    public required string Language { get; init; }
    public required string ContentLanguage { get; init; }
    public required string DecisionTitle { get; init; }
    public required string PreparingBody { get; init; }
    public DateOnly? PlannedDecisionDate { get; init; }
    public required string AgendaLink { get; init; }
    public required string PreparerName { get; init; }
    public required bool IsChildImpact { get; init; }
    public required AssessmentStatus Status { get; init; }
    public required bool IsPublished { get; init; }
    public required string Conclusion { get; init; }
    public bool? ChildrenHeard { get; init; }
    public required string ChildrenHeardHow { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public required IReadOnlyList<AlternativeView> Alternatives { get; init; }
    public required IReadOnlyList<AreaView> Areas { get; init; }
    public required IReadOnlyList<IndicatorEvidence> FollowUps { get; init; }
    public string? ChosenAlternative { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public required string DecisionParagraph { get; init; }

    /// <summary>After the decision: how each follow-up indicator developed from the year before the decision on.</summary>
    public IReadOnlyList<FollowUpDevelopment> Development { get; init; } = [];
    public required IReadOnlyList<string> Missing { get; init; }

    public ImpactView? Impact(Guid alternativeId, Guid areaId) =>
        Areas.FirstOrDefault(a => a.Id == areaId)?.Impacts.FirstOrDefault(i => i.AlternativeId == alternativeId);
}

public sealed record AlternativeView(Guid Id, string Title, string Description, bool IsDoNothing, bool IsChosen);

public sealed record AreaView(Guid Id, string Title, IReadOnlyList<string> Questions, bool ForChildren, IReadOnlyList<ImpactView> Impacts);

public sealed record ImpactView(Guid Id, Guid AlternativeId, ImpactDirection? Direction, ImpactSize? Size, ImpactCertainty? Certainty,
    IReadOnlyList<PopulationGroups> Groups, string Districts, string Evidence, string Mitigations, IReadOnlyList<IndicatorEvidence> Indicators,
    IReadOnlyList<string> Goals, bool IsComplete);

public sealed record FollowUpDevelopment(IndicatorEvidence Indicator, IReadOnlyList<(int Year, string Value)> Values, string? ChangeText);

/// <summary>The print view and the PDF: the document, the CSS (inlined for Chromium, linked in the browser).</summary>
public sealed class AssessmentPrintViewModel : IPrintedInLanguage
{
    public required AssessmentDocument Document { get; init; }

    public string DocumentLanguage => Document.Language;
    public string? Css { get; init; }
    public required DateTimeOffset PrintedAt { get; init; }

    /// <summary>Shown to residents: the preparer's name stays with the organisation's own people.</summary>
    public bool ForResidents { get; init; }
}

/// <summary>The assessment page: the document, what the signed-in person may do, and the decision proposal text.</summary>
public sealed class AssessmentPageViewModel
{
    public required AssessmentDocument Document { get; init; }
    public required string ProposalText { get; init; }

    /// <summary>The PDFs archived when the decision was recorded.</summary>
    public IReadOnlyList<ArchivedAssessmentView> Archived { get; init; } = [];
    public IReadOnlyList<AssessmentHistoryItem> History { get; init; } = [];
}

public sealed record ArchivedAssessmentView(string Language, long Size, string Sha256, DateTimeOffset CreatedAt);

/// <summary>One audited change: <paramref name="Action"/> is a key shown through <c>Audit.{Action}</c>, in the reader's language.</summary>
public sealed record AssessmentHistoryItem(DateTimeOffset At, string User, string Action, string Details);

/// <summary>Symbols that stand beside the words of a direction (never alone, never colour alone).</summary>
public static class DirectionSymbols
{
    public static string For(ImpactDirection? direction) => direction switch
    {
        ImpactDirection.Positive => "+",
        ImpactDirection.Negative => "−",
        ImpactDirection.Mixed => "±",
        ImpactDirection.None => "0",
        ImpactDirection.Unknown => "?",
        _ => "…",
    };

    public static string KeyFor(ImpactDirection? direction) => direction is { } d ? $"Assessment.Direction.{d}" : "Assessment.Direction.Unassessed";

    public static string CssFor(ImpactDirection? direction) => direction is { } d ? $"impact-{d.ToString().ToLowerInvariant()}" : "impact-unassessed";
}
