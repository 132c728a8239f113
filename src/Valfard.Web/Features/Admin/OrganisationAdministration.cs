using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Account;

namespace Valfard.Web.Features.Admin;

/// <summary>
/// The system admin's view of the installation. Organisation records are not tenant data (their names are public);
/// user counts and the first admin of a new organisation step past the tenant filter here, and only here.
/// </summary>
public sealed partial class OrganisationAdministration(
    ValfardDbContext db,
    UserManager<ApplicationUser> userManager,
    AccountMail accountMail,
    TimeProvider clock,
    ILogger<OrganisationAdministration> logger)
{
    public async Task<IReadOnlyList<OrganisationListItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var userCounts = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .GroupBy(u => u.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.NameIn(language));
        return organisations
            .OrderBy(o => o.Kind).ThenBy(o => o.NameIn(language), StringComparer.CurrentCulture)
            .Select(o => new OrganisationListItem(o.Id, o.NameIn(language),
                o.IsBilingual ? o.NameIn(language == "sv" ? "fi" : "sv") : null, o.Kind, o.OfficialCode, o.Languages, o.Slug,
                o.CountyId is { } c ? names.GetValueOrDefault(c) : null, o.IsActive, userCounts.GetValueOrDefault(o.Id)))
            .ToList();
    }

    public async Task<OrganisationFormViewModel?> GetForEditAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var form = new OrganisationFormViewModel
        {
            Id = organisation.Id,
            Kind = organisation.Kind,
            NameFi = organisation.NameFi,
            NameSv = organisation.NameSv,
            OfficialCode = organisation.OfficialCode,
            Languages = organisation.Languages,
            Slug = organisation.Slug,
            CountyId = organisation.CountyId,
            Version = organisation.Version,
        };
        await FillOptionsAsync(form, language, cancellationToken);
        return form;
    }

    public async Task FillOptionsAsync(OrganisationFormViewModel form, string language, CancellationToken cancellationToken)
    {
        var counties = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.WellbeingServicesCounty).ToListAsync(cancellationToken);
        form.Counties = counties.Select(c => new CountyOption(c.Id, c.NameIn(language)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<OperationResult> SaveAsync(OrganisationFormViewModel form, CancellationToken cancellationToken)
    {
        var slug = form.Slug.Trim();
        if (await db.Organisations.AnyAsync(o => o.Slug == slug && o.Id != form.Id, cancellationToken))
        {
            return OperationResult.Fail(nameof(form.Slug), "Validation.SlugTaken");
        }
        if (await db.Organisations.AnyAsync(o => o.Kind == form.Kind && o.OfficialCode == form.OfficialCode && o.Id != form.Id, cancellationToken))
        {
            return OperationResult.Fail(nameof(form.OfficialCode), "Validation.OfficialCodeTaken");
        }
        var county = form.CountyId is { } countyId
            ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == countyId, cancellationToken)
            : null;
        if (form.CountyId is not null && county is null)
        {
            return OperationResult.Fail(nameof(form.CountyId), "Validation.CountyMustBeCounty");
        }

        Organisation organisation;
        try
        {
            if (form.Id is { } id)
            {
                var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
                if (existing is null)
                {
                    return OperationResult.Missing();
                }
                db.ExpectVersion(existing, form.Version);
                organisation = existing;
                organisation.Rename(form.NameFi, form.NameSv ?? string.Empty);
                organisation.SetOfficialCode(form.OfficialCode);
                organisation.SetLanguages(form.Languages);
                organisation.ChangeSlug(slug);
            }
            else
            {
                organisation = new Organisation(Guid.NewGuid(), form.Kind, form.NameFi, form.NameSv ?? string.Empty,
                    form.OfficialCode, form.Languages, slug);
                db.Organisations.Add(organisation);
                db.Sectors.AddRange(DefaultSectors.CreateFor(organisation.Id, organisation.Kind, []));
            }
            organisation.AssignToCounty(organisation.Kind == OrganisationKind.Municipality ? county : null);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }

        var saved = await db.SaveAsync(cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }
        form.Id = organisation.Id;
        LogSaved(logger, organisation.Id);
        return OperationResult.Success;
    }

    public async Task<InviteAdminViewModel?> GetInviteAsync(Guid organisationId, string language, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        return organisation is null ? null : new InviteAdminViewModel { OrganisationId = organisation.Id, OrganisationName = organisation.NameIn(language) };
    }

    /// <summary>Creates an organisation admin in any organisation and mails them a link to choose a password.</summary>
    public async Task<OperationResult> InviteAdminAsync(InviteAdminViewModel form, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == form.OrganisationId, cancellationToken))
        {
            return OperationResult.Missing();
        }
        var email = form.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return OperationResult.Fail(nameof(form.Email), "Identity.DuplicateEmail");
        }
        var user = ApplicationUser.New(email, form.DisplayName.Trim(), form.OrganisationId, clock.GetUtcNow());
        var result = await userManager.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, Roles.OrganisationAdmin);
        }
        if (!result.Succeeded)
        {
            return OperationResult.Fail(null, $"Identity.{result.Errors.First().Code}");
        }
        LogInvited(logger, user.Id, form.OrganisationId);
        await accountMail.QueueInvitationAsync(user, cancellationToken);
        return OperationResult.Success;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation {OrganisationId} saved")]
    private static partial void LogSaved(ILogger logger, Guid organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation admin {UserId} invited to {OrganisationId}")]
    private static partial void LogInvited(ILogger logger, Guid userId, Guid organisationId);
}
