using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Features.Admin;

namespace Valfard.Web.Startup;

/// <summary>
/// A new production installation has no users. When configured, the first start creates the first organisation and
/// its system admin, who then creates everything else in the browser.
/// </summary>
public sealed partial class BootstrapAdmin(
    ValfardDbContext db,
    UserManager<ApplicationUser> users,
    IOptions<BootstrapAdminOptions> options,
    TimeProvider clock,
    ILogger<BootstrapAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AnyAsync(cancellationToken))
        {
            return;
        }
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AdminEmail) || string.IsNullOrWhiteSpace(settings.AdminPassword)
            || string.IsNullOrWhiteSpace(settings.OrganisationNameFi) || string.IsNullOrWhiteSpace(settings.OrganisationCode))
        {
            LogNoUsers(logger);
            return;
        }

        var kind = settings.OrganisationCode.Trim().Length == 2 ? OrganisationKind.WellbeingServicesCounty : OrganisationKind.Municipality;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.OfficialCode == settings.OrganisationCode, cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation(Guid.NewGuid(), kind, settings.OrganisationNameFi, settings.OrganisationNameSv ?? string.Empty,
                settings.OrganisationCode, settings.OrganisationLanguages, settings.OrganisationSlug ?? Slug.FromName(settings.OrganisationNameFi));
            db.Organisations.Add(organisation);
            db.Sectors.AddRange(DefaultSectors.CreateFor(organisation.Id, organisation.Kind, []));
            await db.SaveChangesAsync(cancellationToken);
        }
        var admin = ApplicationUser.New(settings.AdminEmail.Trim(), "Administrator", organisation.Id, clock.GetUtcNow());
        var created = await users.CreateAsync(admin, settings.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap admin could not be created: " +
                string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(admin, [Roles.SystemAdmin, Roles.OrganisationAdmin]);
        LogCreated(logger, admin.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has no users and no bootstrap admin is configured. Set Valfard:Bootstrap:AdminEmail, AdminPassword, OrganisationNameFi and OrganisationCode, or start with Valfard:Demo=true outside Production.")]
    private static partial void LogNoUsers(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first system admin {UserId}")]
    private static partial void LogCreated(ILogger logger, Guid userId);
}
