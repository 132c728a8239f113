using Microsoft.AspNetCore.Identity;
using Valfard.Domain.Common;

namespace Valfard.Infrastructure.Identity;

/// <summary>A person who signs in. Belongs to exactly one organisation; editors also to one or more sectors.</summary>
public class ApplicationUser : IdentityUser<Guid>, IOrganisationOwned
{
    public const int DisplayNameMaxLength = 120;

    public Guid OrganisationId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The UI language the user chose last; used when they sign in on a new device.</summary>
    public string? PreferredLanguage { get; set; }

    public ICollection<UserSector> Sectors { get; } = [];

    /// <summary>A new person: the e-mail address is also the user name, and it counts as confirmed because an admin entered it.</summary>
    public static ApplicationUser New(string email, string displayName, Guid organisationId, DateTimeOffset createdAt)
    {
        email = email.Trim();
        return new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            OrganisationId = organisationId,
            CreatedAt = createdAt,
        };
    }
}

public class UserSector
{
    public Guid UserId { get; set; }
    public Guid SectorId { get; set; }
}

public class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole() { }

    public ApplicationRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
