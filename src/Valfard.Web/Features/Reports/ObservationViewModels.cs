using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Reports;

public sealed record ObservationItem(Guid Id, ObservationKind Kind, LifeStage LifeStage, string TextFi, string TextSv, string Evidence, Guid Version,
    string EvidenceSv = "");

public sealed class ObservationFormViewModel
{
    public Guid? Id { get; set; }
    public Guid ReportId { get; set; }
    public string ReportTitle { get; set; } = string.Empty;
    public bool Bilingual { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ObservationKind")]
    public ObservationKind Kind { get; set; } = ObservationKind.Concern;

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.LifeStage")]
    public LifeStage LifeStage { get; set; } = LifeStage.ChildrenAndFamilies;

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextFi")]
    public string? TextFi { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? TextSv { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.EvidenceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.Evidence")]
    public string? Evidence { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.EvidenceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.EvidenceSv")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? EvidenceSv { get; set; }

    public Guid? Version { get; set; }
}

/// <summary>A candidate joy or concern: an indicator the suggestion rule picks, with the benchmarks that triggered it.</summary>
public sealed record CandidateItem(Valfard.Web.Features.Indicators.IndicatorPageViewModel Page, ObservationKind Kind, IReadOnlyList<string> Benchmarks, int Year);

/// <summary>One indicator behind an observation: the evidence as saved, and whether today's data still support it.</summary>
/// <param name="CurrentYear">The latest year of today's data, to say when it is newer than the saved one.</param>
public sealed record EvidenceItem(
    Guid Id,
    int IndicatorId,
    Valfard.Web.Features.Indicators.IndicatorPageViewModel Saved,
    DateTimeOffset CapturedAt,
    Valfard.Domain.Statistics.EvidenceSupport Support,
    Valfard.Domain.Statistics.EvidenceGap? Gap,
    int? CurrentYear);

/// <summary>Accepting a candidate (or proposing any indicator): the observation's kind, life stage and texts, editable before saving.</summary>
public sealed class AcceptCandidateViewModel
{
    public Guid ReportId { get; set; }
    public string ReportTitle { get; set; } = string.Empty;
    public bool Bilingual { get; set; }
    public int IndicatorId { get; set; }

    /// <summary>Today's analysis of the indicator, shown above the form; not posted back.</summary>
    public Valfard.Web.Features.Indicators.IndicatorPageViewModel? Page { get; set; }
    public Valfard.Domain.Statistics.EvidenceReading? Reading { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ObservationKind")]
    public ObservationKind Kind { get; set; } = ObservationKind.Concern;

    /// <summary>No default: the sets do not say which life stage an indicator is about, so the group chooses.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.LifeStage")]
    public LifeStage? LifeStage { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextFi")]
    public string? TextFi { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextSv")]
    public string? TextSv { get; set; }
}

/// <summary>The joys-and-concerns page: the observations with their evidence, the candidates and the add form.</summary>
public sealed class ObservationsPageViewModel
{
    public required IReadOnlyList<ObservationItem> Items { get; init; }
    public required IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceItem>> Evidence { get; init; }
    public required IReadOnlyList<CandidateItem> Candidates { get; init; }
    public required IReadOnlyList<(int Id, string Title)> IndicatorChoices { get; init; }
    public required bool Editable { get; init; }
}

/// <summary>One observation's indicators on the joys-and-concerns page, with the form to link another.</summary>
public sealed record ObservationIndicatorsModel(
    Guid ReportId,
    ObservationItem Item,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<(int Id, string Title)> Choices,
    bool Editable);

/// <summary>The indicator page's "propose as a concern or a joy": the rule's reading and the draft reports to propose in.</summary>
public sealed record ProposeModel(int IndicatorId, Valfard.Domain.Statistics.EvidenceReading Reading, IReadOnlyList<(Guid Id, string Title)> Reports);
