using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Organisations;

namespace Valfard.Web.Features.Admin;

public sealed record SectorListItem(Guid Id, string Code, string NameFi, string NameSv, string NameEn, int UserCount);

public sealed class SectorFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrganisationLimits.SectorCodeMaxLength, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Validation.SlugInvalid")]
    [Display(Name = "Field.SectorCode")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrganisationLimits.SectorNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameFi")]
    public string NameFi { get; set; } = string.Empty;

    [StringLength(OrganisationLimits.SectorNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameSv")]
    public string? NameSv { get; set; }

    [StringLength(OrganisationLimits.SectorNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    public Guid? Version { get; set; }
}
