using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Valfard.Infrastructure.Identity;

/// <summary>Puts the user's organisation into the cookie so every request knows its tenant without a query.</summary>
public sealed class ValfardClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ValfardClaims.Organisation, user.OrganisationId.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ValfardClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
