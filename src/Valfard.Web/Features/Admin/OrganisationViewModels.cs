using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Organisations;

namespace Valfard.Web.Features.Admin;

public sealed record OrganisationListItem(Guid Id, string Name, string? OtherName, OrganisationKind Kind, string OfficialCode,
    OrganisationLanguages Languages, string Slug, string? CountyName, bool IsActive, int UserCount);

public sealed record CountyOption(Guid Id, string Name);

public sealed class OrganisationFormViewModel
{
    public Guid? Id { get; set; }

    [Display(Name = "Field.Kind")]
    public OrganisationKind Kind { get; set; } = OrganisationKind.Municipality;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrganisationLimits.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameFi")]
    public string NameFi { get; set; } = string.Empty;

    [StringLength(OrganisationLimits.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameSv")]
    public string? NameSv { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^[0-9]{2,3}$", ErrorMessage = "Validation.OfficialCodeFormat")]
    [Display(Name = "Field.OfficialCode")]
    public string OfficialCode { get; set; } = string.Empty;

    [Display(Name = "Field.Languages")]
    public OrganisationLanguages Languages { get; set; } = OrganisationLanguages.Finnish;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrganisationLimits.SlugMaxLength, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Validation.SlugInvalid")]
    [Display(Name = "Field.Slug")]
    public string Slug { get; set; } = string.Empty;

    [Display(Name = "Field.County")]
    public Guid? CountyId { get; set; }

    public Guid? Version { get; set; }

    public IReadOnlyList<CountyOption> Counties { get; set; } = [];
}

public sealed class InviteAdminViewModel
{
    public Guid OrganisationId { get; set; }
    public string OrganisationName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(120, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}
