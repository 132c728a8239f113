using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;
using Valfard.Web.Features.Account;

namespace Valfard.Web.Features.Admin;

/// <summary>
/// Users of the signed-in admin's own organisation. Every read goes through the tenant filter, so an id from
/// another organisation is simply not found.
/// </summary>
public sealed partial class UserAdministration(
    ValfardDbContext db,
    UserManager<ApplicationUser> userManager,
    ICurrentOrganisation current,
    AccountMail accountMail,
    TimeProvider clock,
    ILogger<UserAdministration> logger)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var sectorNames = await SectorNamesAsync(language, cancellationToken);
        var userSectors = await db.UserSectors.Where(s => userIds.Contains(s.UserId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserListItem(
            u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsActive, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => Domain.Common.Roles.All.ToList().IndexOf(n)).ToList(),
            userSectors.Where(s => s.UserId == u.Id).Select(s => sectorNames.GetValueOrDefault(s.SectorId, "?")).Order().ToList())).ToList();
    }

    public async Task<UserFormViewModel?> GetForEditAsync(Guid id, bool actorIsSystemAdmin, string language, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var form = new UserFormViewModel
        {
            Id = user.Id,
            DisplayName = user.DisplayName,
            Email = user.Email ?? string.Empty,
            ConcurrencyStamp = user.ConcurrencyStamp,
            IsActive = user.IsActive,
            Roles = [.. await userManager.GetRolesAsync(user)],
            SectorIds = await db.UserSectors.Where(s => s.UserId == id).Select(s => s.SectorId).ToListAsync(cancellationToken),
        };
        await FillOptionsAsync(form, actorIsSystemAdmin, language, cancellationToken);
        return form;
    }

    public async Task FillOptionsAsync(UserFormViewModel form, bool actorIsSystemAdmin, string language, CancellationToken cancellationToken)
    {
        form.AssignableRoles = AssignableRoles(actorIsSystemAdmin);
        var names = await SectorNamesAsync(language, cancellationToken);
        form.SectorOptions = names.Select(n => new SectorOption(n.Key, n.Value)).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<ConfirmUserViewModel?> GetSummaryAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : new ConfirmUserViewModel(user.Id, user.DisplayName, user.Email ?? string.Empty, user.IsActive);
    }

    public async Task<OperationResult> CreateAsync(UserFormViewModel form, bool actorIsSystemAdmin, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        var check = await CheckRolesAndSectorsAsync(form, actorIsSystemAdmin, cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }
        var email = form.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return OperationResult.Fail(nameof(form.Email), "Identity.DuplicateEmail");
        }
        var user = ApplicationUser.New(email, form.DisplayName.Trim(), organisationId, clock.GetUtcNow());
        foreach (var sectorId in form.SectorIds.Distinct())
        {
            user.Sectors.Add(new UserSector { UserId = user.Id, SectorId = sectorId });
        }
        // No password yet: the new user chooses one through the invitation link.
        var result = await userManager.CreateAsync(user);
        if (result.Succeeded && form.Roles.Count > 0)
        {
            result = await userManager.AddToRolesAsync(user, form.Roles.Distinct());
        }
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }
        LogCreated(logger, user.Id, organisationId);
        await accountMail.QueueInvitationAsync(user, cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> UpdateAsync(Guid id, UserFormViewModel form, bool actorIsSystemAdmin, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Sectors).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return OperationResult.Missing();
        }
        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return OperationResult.Stale();
        }
        var currentRoles = await userManager.GetRolesAsync(user);
        var keepsSystemAdmin = !actorIsSystemAdmin && currentRoles.Contains(Domain.Common.Roles.SystemAdmin);
        if (keepsSystemAdmin)
        {
            // An organisation admin neither sees nor changes the system admin role; it stays as it was.
            form.Roles.Remove(Domain.Common.Roles.SystemAdmin);
        }
        var check = await CheckRolesAndSectorsAsync(form, actorIsSystemAdmin, cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }
        if (keepsSystemAdmin)
        {
            form.Roles.Add(Domain.Common.Roles.SystemAdmin);
        }

        user.DisplayName = form.DisplayName.Trim();
        var email = form.Email.Trim();
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            var other = await userManager.FindByEmailAsync(email);
            if (other is not null && other.Id != user.Id)
            {
                return OperationResult.Fail(nameof(form.Email), "Identity.DuplicateEmail");
            }
            await userManager.SetEmailAsync(user, email);
            await userManager.SetUserNameAsync(user, email);
        }
        user.Sectors.Clear();
        foreach (var sectorId in form.SectorIds.Distinct())
        {
            user.Sectors.Add(new UserSector { UserId = user.Id, SectorId = sectorId });
        }
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }
        var toRemove = currentRoles.Except(form.Roles).ToList();
        var toAdd = form.Roles.Distinct().Except(currentRoles).ToList();
        if (toRemove.Count > 0)
        {
            result = await userManager.RemoveFromRolesAsync(user, toRemove);
        }
        if (result.Succeeded && toAdd.Count > 0)
        {
            result = await userManager.AddToRolesAsync(user, toAdd);
        }
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }
        // Roles live in the cookie. The security stamp stays as it is: renewing it would sign the user out. Instead the
        // cookie validator (every minute, SecurityStampValidatorOptions) finds the stamp unchanged and rebuilds the
        // user's claims from the database, so the new roles apply within a minute without signing in again.
        LogUpdated(logger, user.Id);
        return OperationResult.Success;
    }

    public async Task<OperationResult> ResendInvitationAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return OperationResult.Missing();
        }
        if (!user.IsActive)
        {
            return OperationResult.Fail(null, "Users.InactiveNoInvitation");
        }
        await accountMail.QueueInvitationAsync(user, cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> SetActiveAsync(Guid id, bool active, Guid actingUserId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return OperationResult.Missing();
        }
        if (!active && id == actingUserId)
        {
            return OperationResult.Fail(null, "Users.CannotDeactivateSelf");
        }
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        var result = await userManager.UpdateAsync(user);
        if (result.Succeeded)
        {
            // Signs the user out everywhere within the cookie validation interval.
            result = await userManager.UpdateSecurityStampAsync(user);
        }
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }
        LogActivation(logger, user.Id, active);
        return OperationResult.Success;
    }

    private async Task<OperationResult> CheckRolesAndSectorsAsync(UserFormViewModel form, bool actorIsSystemAdmin, CancellationToken cancellationToken)
    {
        var allowed = AssignableRoles(actorIsSystemAdmin);
        if (form.Roles.Any(r => !allowed.Contains(r)))
        {
            return OperationResult.Fail(nameof(form.Roles), "Validation.RoleNotAllowed");
        }
        var distinct = form.SectorIds.Distinct().ToList();
        // Sectors are tenant-filtered: an id from another organisation does not count.
        var known = await db.Sectors.CountAsync(s => distinct.Contains(s.Id), cancellationToken);
        if (known != distinct.Count)
        {
            return OperationResult.Fail(nameof(form.SectorIds), "Validation.SectorUnknown");
        }
        if (form.Roles.Contains(Domain.Common.Roles.Editor) && distinct.Count == 0)
        {
            return OperationResult.Fail(nameof(form.SectorIds), "Validation.EditorNeedsSector");
        }
        return OperationResult.Success;
    }

    private static IReadOnlyList<string> AssignableRoles(bool actorIsSystemAdmin) =>
        actorIsSystemAdmin ? Domain.Common.Roles.All : Domain.Common.Roles.AssignableByOrganisationAdmin;

    private async Task<Dictionary<Guid, string>> SectorNamesAsync(string language, CancellationToken cancellationToken) =>
        (await db.Sectors.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.NameIn(language));

    private static OperationResult FromIdentity(IdentityResult result)
    {
        var outcome = new OperationResult();
        foreach (var error in result.Errors)
        {
            outcome.With(null, error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? "Error.Conflict" : $"Identity.{error.Code}");
        }
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created in organisation {OrganisationId}")]
    private static partial void LogCreated(ILogger logger, Guid userId, Guid organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} updated")]
    private static partial void LogUpdated(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} active set to {Active}")]
    private static partial void LogActivation(ILogger logger, Guid userId, bool active);
}
