using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Infrastructure.Identity;

/// <summary>
/// Signing in, resetting a password and validating a cookie must find the user before anyone knows their
/// organisation, so these look-ups, and only these, step past the tenant filter. Listing users stays filtered.
/// </summary>
public sealed class TenantAwareUserStore(ValfardDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, ApplicationRole, ValfardDbContext, Guid>(context, describer)
{
    private IQueryable<ApplicationUser> AllUsers => Context.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]);

    public override Task<ApplicationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return Guid.TryParse(userId, out var id)
            ? AllUsers.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : Task.FromResult<ApplicationUser?>(null);
    }

    public override Task<ApplicationUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return AllUsers.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);
    }

    public override Task<ApplicationUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return AllUsers.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
    }
}
