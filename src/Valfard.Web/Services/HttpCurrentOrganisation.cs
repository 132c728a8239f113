using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Services;

/// <summary>The signed-in user's organisation, from the cookie's claim. Anonymous requests have none.</summary>
public sealed class HttpCurrentOrganisation(IHttpContextAccessor accessor) : ICurrentOrganisation
{
    public Guid? OrganisationId
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }
            return Guid.TryParse(user.FindFirst(ValfardClaims.Organisation)?.Value, out var id) ? id : null;
        }
    }
}
