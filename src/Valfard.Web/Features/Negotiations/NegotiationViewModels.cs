using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Negotiations;

namespace Valfard.Web.Features.Negotiations;

public sealed record NegotiationRow(Guid Id, int Year, string CountyName, string MunicipalityName, DateOnly MeetingDate, NegotiationStatus Status);

public sealed class NegotiationListViewModel
{
    public required IReadOnlyList<NegotiationRow> Rows { get; init; }

    /// <summary>True for a county's coordinator, who schedules the negotiations.</summary>
    public bool CanSchedule { get; init; }
}

/// <summary>Scheduling a negotiation (the county) or changing its date and place.</summary>
public sealed class ScheduleFormViewModel
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Display(Name = "Negotiation.Field.Municipality")]
    public Guid MunicipalityId { get; set; }

    [Range(NegotiationLimits.FirstYear, NegotiationLimits.LastYear, ErrorMessage = "Negotiation.Validation.Year")]
    [Display(Name = "Negotiation.Field.Year")]
    public int Year { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Negotiation.Field.MeetingDate")]
    public DateOnly? MeetingDate { get; set; }

    [StringLength(NegotiationLimits.PlaceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.Place")]
    public string? Place { get; set; }

    [Display(Name = "Negotiation.Field.IsOnline")]
    public bool IsOnline { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Members { get; set; } = [];
}

public sealed class AgendaItemFormViewModel
{
    public Guid NegotiationId { get; set; }
    public Guid? ItemId { get; set; }
    public Guid Version { get; set; }
    public string Heading { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NegotiationLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.ItemTitle")]
    public string? Title { get; set; }

    [StringLength(NegotiationLimits.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.Details")]
    public string? Details { get; set; }

    [StringLength(NegotiationLimits.LinkMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.Link")]
    public string? Link { get; set; }
}

public sealed class AgreementFormViewModel
{
    public Guid NegotiationId { get; set; }
    public Guid? AgreementId { get; set; }
    public Guid Version { get; set; }
    public string Heading { get; set; } = string.Empty;
    public bool Bilingual { get; set; }

    [Display(Name = "Negotiation.Field.Kind")]
    public AgreementKind Kind { get; set; } = AgreementKind.SharedGoal;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NegotiationLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.TitleFi")]
    public string? TitleFi { get; set; }

    [StringLength(NegotiationLimits.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.TitleSv")]
    public string? TitleSv { get; set; }

    [StringLength(NegotiationLimits.ResponsibleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Negotiation.Field.Responsible")]
    public string? Responsible { get; set; }

    [Display(Name = "Negotiation.Field.DueDate")]
    public DateOnly? DueDate { get; set; }
}

/// <summary>One agreement of the year before, with how it went as this year's record has it (null: not yet followed up).</summary>
public sealed record EarlierAgreement(Agreement Agreement, AgreementFollowUp? FollowUp);

/// <summary>How one of this year's agreements was followed up a year later.</summary>
public sealed record LaterFollowUp(int Year, AgreementProgress Progress, string Note);

/// <summary>Everything the negotiation page, the print view and the PDF show, in one language.</summary>
public sealed class NegotiationDocument
{
    public required Negotiation Negotiation { get; init; }
    public required string Language { get; init; }
    public required string CountyName { get; init; }
    public required string MunicipalityName { get; init; }

    /// <summary>The reader's side; null when printing outside a request (no reader).</summary>
    public NegotiationSide? Side { get; init; }
    public int? EarlierYear { get; init; }
    public Guid? EarlierId { get; init; }
    public IReadOnlyList<EarlierAgreement> Earlier { get; init; } = [];
    public IReadOnlyDictionary<Guid, LaterFollowUp> Later { get; init; } = new Dictionary<Guid, LaterFollowUp>();

    public string SideName(NegotiationSide side) => side == NegotiationSide.County ? CountyName : MunicipalityName;

    public bool IsCounty => Side == NegotiationSide.County;
}

public sealed class NegotiationPageViewModel
{
    public required NegotiationDocument Document { get; init; }

    /// <summary>Whether the reader's organisation has a welfare plan a shared goal can be put into.</summary>
    public bool HasPlan { get; init; }
}

public sealed class NegotiationPrintViewModel : Valfard.Web.Features.Documents.IPrintedInLanguage
{
    public required NegotiationDocument Document { get; init; }

    public string DocumentLanguage => Document.Language;
    public string? Css { get; init; }
    public DateTimeOffset PrintedAt { get; init; }
}

public sealed record AgendaSuggestion(string Key, AgendaSource Source, string Title, string Details, string Link);

public sealed class SuggestionsViewModel
{
    public required Guid NegotiationId { get; init; }
    public required Guid Version { get; init; }
    public required string Heading { get; init; }
    public required IReadOnlyList<AgendaSuggestion> Suggestions { get; init; }

    /// <summary>Suggestions whose title is on the agenda already.</summary>
    public required IReadOnlySet<string> Added { get; init; }
}

public sealed class NegotiationConfirmViewModel
{
    public required Guid NegotiationId { get; init; }
    public required Guid Version { get; init; }
    public required string Kind { get; init; }
    public required string Heading { get; init; }
    public Guid? ItemId { get; init; }
    public string? ItemTitle { get; init; }
    public IReadOnlyList<string> Missing { get; init; } = [];
}

/// <summary>A goal of the reader's plan that carries a shared goal agreed with the other side.</summary>
public sealed record SharedGoalRow(Guid GoalId, string GoalCode, string Title, Guid NegotiationId, int Year, string OtherSide, string OtherGoalCode,
    LaterFollowUp? FollowUp);
