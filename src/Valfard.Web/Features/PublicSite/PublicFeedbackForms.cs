using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Feedback;
using Valfard.Web.Features.PublicSite;

namespace Valfard.Web.Features.PublicSite;

/// <summary>A resident's short comment on a published report.</summary>
public sealed class ReportFeedbackForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ResidentFeedback.MessageMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.Feedback.Message")]
    public string? Message { get; set; }

    [StringLength(ResidentFeedback.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.Feedback.Name")]
    public string? Name { get; set; }
}

/// <summary>Feedback on accessibility: reaches the chosen organisation's coordinator, to be answered within 14 days.</summary>
public sealed class AccessibilityFeedbackForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Public.AccessibilityFeedback.Organisation")]
    public string? Organisation { get; set; }

    [StringLength(ResidentFeedback.PageMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.AccessibilityFeedback.Page")]
    public string? Page { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ResidentFeedback.MessageMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.AccessibilityFeedback.Message")]
    public string? Message { get; set; }

    [StringLength(ResidentFeedback.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.Feedback.Name")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(ResidentFeedback.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Public.AccessibilityFeedback.Email")]
    public string? Email { get; set; }
}

public sealed class AccessibilityFeedbackPage
{
    public required string Language { get; init; }
    public required IReadOnlyList<PublicOrganisation> Organisations { get; init; }
    public required AccessibilityFeedbackForm Form { get; init; }
    public bool Sent { get; init; }
}
