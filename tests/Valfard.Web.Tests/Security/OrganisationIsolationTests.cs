using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>No URL and no query reaches another organisation's data.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class OrganisationIsolationTests(ValfardFactory factory)
{
    [Fact]
    public async Task The_user_list_shows_only_the_admins_own_organisation()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test");
        var html = await admin.GetHtmlAsync("/admin/users");

        Assert.Contains("coordinator@demo.test", html);
        Assert.DoesNotContain("editor@esimerkkila.test", html);
        Assert.DoesNotContain("Eeva Esimerkki", html);
    }

    [Fact]
    public async Task Another_organisations_user_cannot_be_opened_by_id()
    {
        var stranger = await factory.UserAsync("editor@esimerkkila.test");
        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/admin/users/{stranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/admin/users/{stranger.Id}/deactivate")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_user_cannot_be_changed_or_deactivated_by_posting_its_id()
    {
        var stranger = await factory.UserAsync("editor@esimerkkila.test");
        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test");

        var edit = await admin.PostFormAsync("/admin/users", $"/admin/users/{stranger.Id}",
            ("DisplayName", "Hijacked"), ("Email", "editor@esimerkkila.test"), ("Roles", "OrganisationAdmin"),
            ("ConcurrencyStamp", stranger.ConcurrencyStamp!));
        var deactivate = await admin.PostFormAsync("/admin/users", $"/admin/users/{stranger.Id}/deactivate");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        var after = await factory.UserAsync("editor@esimerkkila.test");
        Assert.Equal("Eeva Esimerkki", after.DisplayName);
        Assert.True(after.IsActive);
    }

    [Fact]
    public async Task A_sector_of_another_organisation_cannot_be_given_to_a_user()
    {
        var foreignSector = await factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters()
            .FirstAsync(s => s.OrganisationId == DemoSeeder.EsimerkkilaId));
        var editor = await factory.UserAsync("editor@demo.test");
        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test", "en");

        var response = await admin.PostFormAsync($"/admin/users/{editor.Id}", $"/admin/users/{editor.Id}",
            ("DisplayName", editor.DisplayName), ("Email", editor.Email!), ("Roles", "Editor"),
            ("SectorIds", foreignSector.Id.ToString()), ("ConcurrencyStamp", editor.ConcurrencyStamp!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A chosen sector does not exist in this organisation.", await response.Content.ReadAsStringAsync());
        var sectors = await factory.QueryAsync(db => db.UserSectors.Where(s => s.UserId == editor.Id).Select(s => s.SectorId).ToListAsync());
        Assert.DoesNotContain(foreignSector.Id, sectors);
    }

    [Fact]
    public async Task The_query_filter_limits_every_organisation_owned_set_to_the_current_organisation()
    {
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<ValfardDbContext>>();

        await using var demo = new ValfardDbContext(options, new FixedOrganisation(DemoSeeder.DemokommunId));
        await using var nobody = new ValfardDbContext(options, NoOrganisation.Instance);

        Assert.All(await demo.Users.ToListAsync(), u => Assert.Equal(DemoSeeder.DemokommunId, u.OrganisationId));
        Assert.All(await demo.Sectors.ToListAsync(), s => Assert.Equal(DemoSeeder.DemokommunId, s.OrganisationId));
        Assert.NotEmpty(await demo.Users.ToListAsync());
        Assert.Empty(await nobody.Users.ToListAsync());
        Assert.Empty(await nobody.Sectors.ToListAsync());
        Assert.Null(await demo.Users.FirstOrDefaultAsync(u => u.Email == "editor@esimerkkila.test"));
    }

    [Fact]
    public async Task Every_organisation_owned_entity_has_the_tenant_filter()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var owned = db.Model.GetEntityTypes().Where(t => typeof(Valfard.Domain.Common.IOrganisationOwned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.NotEmpty(owned);
        Assert.All(owned, t => Assert.Contains(t.GetDeclaredQueryFilters(), f => f.Key == ValfardDbContext.TenantFilter));
    }

    private sealed class FixedOrganisation(Guid id) : ICurrentOrganisation
    {
        public Guid? OrganisationId => id;
    }
}
