using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup;
using Valfard.Web.Startup.Demo;

namespace Valfard.Web.Features.Account;

public sealed class TwoFactorOptions
{
    public const string Section = "Valfard:TwoFactor";

    /// <summary>
    /// System admins and organisation admins must use two-factor sign-in. The default is set in code by environment:
    /// on in Production, off elsewhere (the demo runs in Development); configuration overrides it.
    /// </summary>
    public bool RequiredForAdmins { get; set; }
}

/// <summary>Whether a signed-in user must use two-factor sign-in: as an admin by the installation's setting, or by their organisation's.</summary>
public sealed class TwoFactorRequirement(ValfardDbContext db, IOptions<TwoFactorOptions> options, IOptions<DemoOptions> demo)
{
    /// <summary>True when the user must use two-factor sign-in and has not set it up yet.</summary>
    public async Task<bool> MustEnrolAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }
        var user = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(u => u.Id == userId).Select(u => new { u.TwoFactorEnabled, u.OrganisationId, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.TwoFactorEnabled)
        {
            return false;
        }
        return await IsRequiredAsync(principal, user.OrganisationId, user.Email, cancellationToken);
    }

    public async Task<bool> IsRequiredAsync(ClaimsPrincipal principal, Guid organisationId, string? email, CancellationToken cancellationToken)
    {
        // The demo's published accounts sign in in one step, whatever the settings: the README's sign-in must work.
        if (demo.Value.Demo && email is not null && DemoSeeder.UserEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (options.Value.RequiredForAdmins && (principal.IsInRole(Roles.SystemAdmin) || principal.IsInRole(Roles.OrganisationAdmin)))
        {
            return true;
        }
        return await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisationId && o.RequiresTwoFactor, cancellationToken);
    }
}

/// <summary>Marks the actions a user who must set up two-factor sign-in can still reach: the set-up itself, signing out, errors.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforeTwoFactorEnrolmentAttribute : Attribute;

/// <summary>Sends a signed-in user who must use two-factor sign-in, and has not set it up, to the set-up page.</summary>
public sealed class TwoFactorEnrolmentFilter(TwoFactorRequirement requirement) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowBeforeTwoFactorEnrolmentAttribute>().Any()
            || context.Result is not null)
        {
            return;
        }
        if (await requirement.MustEnrolAsync(context.HttpContext.User, context.HttpContext.RequestAborted))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/two-factor");
        }
    }
}
