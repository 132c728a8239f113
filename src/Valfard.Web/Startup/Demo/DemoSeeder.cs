using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Admin;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Demo data for trying Valfard out: two fictional municipalities and their county. Every step checks what is
/// already there, so starting the app again changes nothing. The official codes (995, 996, 99) are not used by any
/// real municipality or county.
/// </summary>
public sealed partial class DemoSeeder(
    ValfardDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    DemoReportSeeder reports,
    DemoIndicatorSeeder indicators,
    DemoArchiveSeeder archive,
    DemoPlanSeeder plans,
    DemoAssessmentSeeder assessments,
    DemoNegotiationSeeder negotiations,
    DemoCountySeeder countySide,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Valfard-demo-2026!";
    public static readonly Guid CountyId = new("0d3e0000-0000-4000-8000-000000000099");
    public static readonly Guid DemokommunId = new("0d3e0000-0000-4000-8000-000000000995");
    public static readonly Guid EsimerkkilaId = new("0d3e0000-0000-4000-8000-000000000996");

    /// <summary>
    /// The demo's published accounts, listed on the sign-in page in Development so a newcomer need not look them up;
    /// they sign in with the password alone even where two-factor sign-in is required.
    /// </summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("coordinator@demo.test", "Role.Coordinator", "Demokunta", "Demokommun"),
        new("editor@demo.test", "Role.Editor", "Demokunta", "Demokommun"),
        new("council@demo.test", "Role.CouncilMember", "Demokunta", "Demokommun"),
        new("secretary@demo.test", "Role.CouncilSecretary", "Demokunta", "Demokommun"),
        new("admin@demo.test", "Role.SystemAdmin", "Demokunta", "Demokommun"),
        new("county@demo.test", "Role.Coordinator", "Demoalueen hyvinvointialue", "Demoregionens välfärdsområde"),
        new("editor@esimerkkila.test", "Role.Editor", "Esimerkkilä", "Esimerkkilä"),
    ];

    public static readonly IReadOnlyList<string> UserEmails = [.. Accounts.Select(a => a.Email)];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var county = await EnsureOrganisationAsync(CountyId, OrganisationKind.WellbeingServicesCounty,
            "Demoalueen hyvinvointialue", "Demoregionens välfärdsområde", "99", OrganisationLanguages.Bilingual, "demoalue", null, cancellationToken);
        await EnsureOrganisationAsync(DemokommunId, OrganisationKind.Municipality,
            "Demokunta", "Demokommun", "995", OrganisationLanguages.Bilingual, "demo", county, cancellationToken);
        await EnsureOrganisationAsync(EsimerkkilaId, OrganisationKind.Municipality,
            "Esimerkkilä", string.Empty, "996", OrganisationLanguages.Finnish, "esimerkkila", county, cancellationToken);

        foreach (var (organisationId, kind) in new[] { (DemokommunId, OrganisationKind.Municipality), (EsimerkkilaId, OrganisationKind.Municipality),
                     (CountyId, OrganisationKind.WellbeingServicesCounty) })
        {
            await EnsureSectorsAsync(organisationId, kind, cancellationToken);
        }

        await EnsureUserAsync("admin@demo.test", "Aino Admin", DemokommunId, [Roles.SystemAdmin, Roles.OrganisationAdmin], [], cancellationToken);
        await EnsureUserAsync("coordinator@demo.test", "Kaisa Koordinaattori", DemokommunId, [Roles.Coordinator], [], cancellationToken);
        await EnsureUserAsync("editor@demo.test", "Erik Editor", DemokommunId, [Roles.Editor], ["education"], cancellationToken);
        await EnsureUserAsync("council@demo.test", "Valtteri Valtuutettu", DemokommunId, [Roles.CouncilMember], [], cancellationToken);
        await EnsureUserAsync("secretary@demo.test", "Sanna Sihteeri", DemokommunId, [Roles.CouncilSecretary], [], cancellationToken);
        await EnsureUserAsync("editor@esimerkkila.test", "Eeva Esimerkki", EsimerkkilaId, [Roles.Editor], ["education"], cancellationToken);
        await EnsureUserAsync("county@demo.test", "Helmi Hyvinvointialue", CountyId, [Roles.Coordinator], [], cancellationToken);
        // Seeding goes through the real services, which queue notices (a delivery to the county, an answered support
        // request): the demo's history is not news to anyone, so what seeding queued is dropped at the end.
        var queuedBefore = await db.OutgoingMail.Select(m => m.Id).ToListAsync(cancellationToken);
        await reports.SeedAsync(cancellationToken);
        await indicators.SeedAsync(cancellationToken);
        await archive.SeedAsync(cancellationToken);
        await plans.SeedAsync(cancellationToken);
        await assessments.SeedAsync(cancellationToken);
        await countySide.SeedAsync(cancellationToken);
        await negotiations.SeedAsync(cancellationToken);
        await db.OutgoingMail.Where(m => m.Kind == OutgoingMailKind.Notice && !queuedBefore.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        LogSeeded(logger);
    }

    private async Task<Organisation> EnsureOrganisationAsync(Guid id, OrganisationKind kind, string nameFi, string nameSv,
        string code, OrganisationLanguages languages, string slug, Organisation? county, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation(id, kind, nameFi, nameSv, code, languages, slug);
            organisation.AssignToCounty(county);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }
        return organisation;
    }

    private async Task EnsureSectorsAsync(Guid organisationId, OrganisationKind kind, CancellationToken cancellationToken)
    {
        var existing = await db.Sectors.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(s => s.OrganisationId == organisationId).Select(s => s.Code).ToListAsync(cancellationToken);
        db.Sectors.AddRange(DefaultSectors.CreateFor(organisationId, kind, existing));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(string email, string displayName, Guid organisationId, string[] roles, string[] sectorCodes,
        CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = ApplicationUser.New(email, displayName, organisationId, clock.GetUtcNow());
        var sectorIds = await db.Sectors.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(s => s.OrganisationId == organisationId && sectorCodes.Contains(s.Code)).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var sectorId in sectorIds)
        {
            user.Sectors.Add(new UserSector { UserId = user.Id, SectorId = sectorId });
        }
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {displayName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place")]
    private static partial void LogSeeded(ILogger logger);
}

/// <param name="RoleKey">Resource key of the account's main role, shown in the reader's language.</param>
public sealed record DemoAccount(string Email, string RoleKey, string OrganisationNameFi, string OrganisationNameSv)
{
    public string OrganisationName(string language) => language == "sv" ? OrganisationNameSv : OrganisationNameFi;
}
