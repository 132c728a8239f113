using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Common;

/// <summary>
/// Work outside a request that acts for one organisation (the demo seed publishing a report) sets it here, for
/// the scope it runs in only.
/// </summary>
public sealed class OrganisationOverride
{
    public Guid? OrganisationId { get; set; }
}

/// <summary>The signed-in user's organisation, from the cookie's claim. Anonymous requests have none.</summary>
public sealed class HttpCurrentOrganisation(IHttpContextAccessor accessor, OrganisationOverride scopeOverride) : ICurrentOrganisation
{
    public Guid? OrganisationId
    {
        get
        {
            if (scopeOverride.OrganisationId is { } overridden)
            {
                return overridden;
            }
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }
            return Guid.TryParse(user.FindFirst(ValfardClaims.Organisation)?.Value, out var id) ? id : null;
        }
    }
}
