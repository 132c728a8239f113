using System.ComponentModel.DataAnnotations;
using Valfard.Infrastructure.Identity;

namespace Valfard.Web.Features.Admin;

public sealed record UserListItem(Guid Id, string DisplayName, string Email, bool IsActive, bool IsLockedOut,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Sectors);

public sealed record SectorOption(Guid Id, string Name);

public sealed class UserFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Field.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Field.Sectors")]
    public List<Guid> SectorIds { get; set; } = [];

    /// <summary>The concurrency stamp the form was read with; a stale one is refused.</summary>
    public string? ConcurrencyStamp { get; set; }

    public bool IsActive { get; set; } = true;

    public IReadOnlyList<string> AssignableRoles { get; set; } = [];
    public IReadOnlyList<SectorOption> SectorOptions { get; set; } = [];
}

public sealed record ConfirmUserViewModel(Guid Id, string DisplayName, string Email, bool IsActive);
