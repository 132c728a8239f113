using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Moq;
using Valfard.Infrastructure.Mail;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Admin;

public sealed partial class UserAdministrationTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task An_admin_adds_a_user_who_chooses_a_password_from_the_invitation_and_signs_in()
    {
        var sector = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters()
            .FirstAsync(s => s.OrganisationId == DemoSeeder.DemokommunId && s.Code == "culture-leisure"));
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "Kalle Kulttuuri"), ("Email", "kalle@demo.test"), ("Roles", "Editor"), ("SectorIds", sector.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetHtmlAsync("/admin/users");
        Assert.Contains("kalle@demo.test", list);
        Assert.Contains("Culture and leisure", list);

        var mail = Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "kalle@demo.test");
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        using var newcomer = Browser.Open(_factory, "en");
        var form = await newcomer.GetHtmlAsync(link.PathAndQuery);
        var code = Regex.Match(form, "name=\"Code\" value=\"([^\"]+)\"").Groups[1].Value;
        var reset = await newcomer.Client.PostAsync("/account/reset-password", Browser.Form(Browser.TokenIn(form),
            ("Email", "kalle@demo.test"), ("Code", code), ("Password", "Kulttuuri-2026-ok"), ("ConfirmPassword", "Kulttuuri-2026-ok")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var login = await newcomer.LoginAsync("kalle@demo.test", "Kulttuuri-2026-ok");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("Demokommun", await newcomer.GetHtmlAsync("/?culture=sv"));
    }

    [Fact]
    public async Task An_editor_without_a_sector_is_refused_with_a_message_and_nothing_is_created()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "fi");

        var response = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "Ilman Toimialaa"), ("Email", "ilman@demo.test"), ("Roles", "Editor"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kirjoittajalla on oltava vähintään yksi toimiala.", await response.Content.ReadAsStringAsync());
        Assert.False(await _factory.QueryAsync(db => db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == "ilman@demo.test")));
    }

    [Fact]
    public async Task Missing_and_malformed_fields_get_messages_in_the_users_language()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "sv");

        var response = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", ("DisplayName", ""), ("Email", "not-an-address"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Namn måste anges.", html);
        Assert.Contains("E-postadress är inte en giltig e-postadress.", html);
    }

    [Fact]
    public async Task An_organisation_admin_cannot_hand_out_the_system_admin_role()
    {
        var coordinator = await _factory.UserAsync("coordinator@demo.test");
        await _factory.QueryAsync(async db =>
        {
            var roleId = await db.Roles.Where(r => r.Name == "OrganisationAdmin").Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new() { UserId = coordinator.Id, RoleId = roleId });
            return await db.SaveChangesAsync();
        });
        using var orgAdmin = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var editor = await _factory.UserAsync("editor@demo.test");

        var response = await orgAdmin.PostFormAsync($"/admin/users/{editor.Id}", $"/admin/users/{editor.Id}",
            ("DisplayName", editor.DisplayName), ("Email", editor.Email!), ("Roles", "SystemAdmin"), ("ConcurrencyStamp", editor.ConcurrencyStamp!));

        Assert.Contains("You cannot give that role.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_shows_what_is_saved()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        var sectorId = await _factory.QueryAsync(db => db.UserSectors.Where(s => s.UserId == editor.Id).Select(s => s.SectorId).FirstAsync());
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var first = await admin.PostFormAsync($"/admin/users/{editor.Id}", $"/admin/users/{editor.Id}",
            ("DisplayName", "First Change"), ("Email", editor.Email!), ("Roles", "Editor"), ("SectorIds", sectorId.ToString()),
            ("ConcurrencyStamp", editor.ConcurrencyStamp!));
        var second = await admin.PostFormAsync($"/admin/users/{editor.Id}", $"/admin/users/{editor.Id}",
            ("DisplayName", "Second Change"), ("Email", editor.Email!), ("Roles", "Editor"), ("SectorIds", sectorId.ToString()),
            ("ConcurrencyStamp", editor.ConcurrencyStamp!));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved a change while you were editing.", html);
        Assert.Contains("value=\"First Change\"", html);
        Assert.Equal("First Change", (await _factory.UserAsync("editor@demo.test")).DisplayName);
    }

    /// <summary>Issue 17 §15: new roles reach a signed-in user within a minute, without signing them out.</summary>
    [Fact]
    public async Task A_role_change_takes_effect_without_signing_in_again()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        var sectorId = await _factory.QueryAsync(db => db.UserSectors.Where(s => s.UserId == editor.Id).Select(s => s.SectorId).FirstAsync());
        using var signedIn = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        Assert.NotEqual(HttpStatusCode.OK, (await signedIn.Client.GetAsync("/reports/new")).StatusCode);
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var changed = await admin.PostFormAsync($"/admin/users/{editor.Id}", $"/admin/users/{editor.Id}",
            ("DisplayName", editor.DisplayName), ("Email", editor.Email!), ("Roles", "Editor"), ("Roles", "Coordinator"),
            ("SectorIds", sectorId.ToString()), ("ConcurrencyStamp", editor.ConcurrencyStamp!));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        _factory.Advance(TimeSpan.FromMinutes(2));

        var response = await signedIn.Client.GetAsync("/reports/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Still signed in on the next page too: the cookie was renewed with the new roles, not thrown away.
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Client.GetAsync("/reports/new")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_asks_first_then_blocks_sign_in_and_reactivation_restores_it()
    {
        var council = await _factory.UserAsync("council@demo.test");
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var confirm = await admin.GetHtmlAsync($"/admin/users/{council.Id}/deactivate");
        Assert.Contains("Deactivate Valtteri Valtuutettu (council@demo.test)?", confirm);
        Assert.True((await _factory.UserAsync("council@demo.test")).IsActive);

        var deactivated = await admin.PostFormAsync($"/admin/users/{council.Id}/deactivate", $"/admin/users/{council.Id}/deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False((await _factory.UserAsync("council@demo.test")).IsActive);
        using (var blocked = Browser.Open(_factory, "en"))
        {
            Assert.Equal(HttpStatusCode.OK, (await blocked.LoginAsync("council@demo.test", Browser.DemoPassword)).StatusCode);
        }

        var reactivated = await admin.PostFormAsync("/admin/users", $"/admin/users/{council.Id}/reactivate");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        using var back = Browser.Open(_factory, "en");
        Assert.Equal(HttpStatusCode.Redirect, (await back.LoginAsync("council@demo.test", Browser.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var admin = await _factory.UserAsync("admin@demo.test");
        using var browser = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        await browser.PostFormAsync("/admin/users", $"/admin/users/{admin.Id}/deactivate");

        Assert.True((await _factory.UserAsync("admin@demo.test")).IsActive);
        Assert.Contains("You cannot deactivate your own account.", await browser.GetHtmlAsync("/admin/users"));
    }

    [Fact]
    public async Task A_system_admin_creates_an_organisation_and_invites_its_admin()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");
        var county = DemoSeeder.CountyId.ToString();

        var created = await admin.PostFormAsync("/admin/organisations/new", "/admin/organisations/new",
            ("Kind", "Municipality"), ("NameFi", "Uusikunta"), ("NameSv", "Nykommun"), ("OfficialCode", "994"),
            ("Languages", "Bilingual"), ("Slug", "uusikunta"), ("CountyId", county));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await _factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "uusikunta").Select(o => o.Id).SingleAsync());
        Assert.Equal(5, await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == id)));

        var invited = await admin.PostFormAsync($"/admin/organisations/{id}/invite-admin", $"/admin/organisations/{id}/invite-admin",
            ("DisplayName", "Uuno Uusi"), ("Email", "uuno@uusikunta.test"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var user = await _factory.UserAsync("uuno@uusikunta.test");
        Assert.Equal(id, user.OrganisationId);
        Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "uuno@uusikunta.test");
    }

    [Fact]
    public async Task An_organisation_with_a_bad_code_or_taken_slug_is_refused_with_messages()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var response = await admin.PostFormAsync("/admin/organisations/new", "/admin/organisations/new",
            ("Kind", "Municipality"), ("NameFi", "Toinen"), ("OfficialCode", "12"), ("Languages", "Finnish"), ("Slug", "demo"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another organisation already uses this web address name.", html);
        Assert.Equal(3, await _factory.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_organisation_admin_can_edit_a_system_admin_without_removing_that_role()
    {
        var coordinator = await _factory.UserAsync("coordinator@demo.test");
        await _factory.QueryAsync(async db =>
        {
            var roleId = await db.Roles.Where(r => r.Name == "OrganisationAdmin").Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new() { UserId = coordinator.Id, RoleId = roleId });
            return await db.SaveChangesAsync();
        });
        using var orgAdmin = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var admin = await _factory.UserAsync("admin@demo.test");

        var response = await orgAdmin.PostFormAsync($"/admin/users/{admin.Id}", $"/admin/users/{admin.Id}",
            ("DisplayName", "Aino Admin-Renamed"), ("Email", admin.Email!), ("Roles", "OrganisationAdmin"), ("ConcurrencyStamp", admin.ConcurrencyStamp!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await _factory.QueryAsync(db => (from ur in db.UserRoles
                                                     join r in db.Roles on ur.RoleId equals r.Id
                                                     where ur.UserId == admin.Id
                                                     select r.Name).ToListAsync());
        Assert.Contains("SystemAdmin", roles);
        Assert.Equal("Aino Admin-Renamed", (await _factory.UserAsync("admin@demo.test")).DisplayName);
    }

    [Fact]
    public async Task A_mail_server_failure_keeps_the_new_user_and_the_invitation_is_retried_until_it_goes_out()
    {
        var attempts = 0;
        _factory.Mail.Setup(m => m.SendAsync(It.Is<EmailMessage>(e => e.To == "offline@demo.test"), It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref attempts))
            .ThrowsAsync(new System.Net.Mail.SmtpException("mail server down"));
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "Olli Offline"), ("Email", "offline@demo.test"), ("Roles", "CouncilMember"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("offline@demo.test", await admin.GetHtmlAsync("/admin/users"));
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "offline@demo.test");
        Assert.True(attempts >= 1);
        var queued = await _factory.QueryAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Recipient == "offline@demo.test"));
        Assert.Contains("mail server down", queued.LastError, StringComparison.Ordinal);
        Assert.Null(queued.GaveUpAt);

        // The server is back; the mail waits for its next attempt, a minute later, and then goes out once.
        _factory.Mail.Setup(m => m.SendAsync(It.Is<EmailMessage>(e => e.To == "offline@demo.test"), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => { lock (_factory.SentMail) { _factory.SentMail.Add(message); } })
            .Returns(Task.CompletedTask);
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "offline@demo.test");
        _factory.Advance(TimeSpan.FromMinutes(2));

        Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "offline@demo.test");
        Assert.False(await _factory.QueryAsync(db => db.OutgoingMail.AnyAsync(m => m.Recipient == "offline@demo.test")));

        var user = await _factory.UserAsync("offline@demo.test");
        var resent = await admin.PostFormAsync("/admin/users", $"/admin/users/{user.Id}/invite");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("A link for choosing a password has been sent.", await admin.GetHtmlAsync("/admin/users"));
        Assert.Equal(2, (await _factory.DeliveredMailAsync()).Count(m => m.To == "offline@demo.test"));
    }

    [Fact]
    public async Task The_language_a_user_chose_follows_them_to_a_new_device()
    {
        using (var first = await Browser.SignedInAsync(_factory, "secretary@demo.test", "fi"))
        {
            var token = Browser.TokenIn(await first.GetHtmlAsync("/"));
            await first.Client.PostAsync("/language", Browser.Form(token, ("language", "sv"), ("returnUrl", "/")));
        }

        using var second = await Browser.SignedInAsync(_factory, "secretary@demo.test", "fi");
        var html = await second.GetHtmlAsync("/");

        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Demokommun", html);
    }

    [Fact]
    public async Task An_admin_adds_and_renames_a_sector_but_cannot_reach_another_organisations_sector()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");

        var created = await admin.PostFormAsync("/admin/sectors/new", "/admin/sectors/new",
            ("Code", "wellbeing"), ("NameFi", "Hyvinvointi"), ("NameSv", "Välfärd"), ("NameEn", "Wellbeing"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sector = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().SingleAsync(s => s.Code == "wellbeing"));
        Assert.Equal(DemoSeeder.DemokommunId, sector.OrganisationId);

        var renamed = await admin.PostFormAsync($"/admin/sectors/{sector.Id}", $"/admin/sectors/{sector.Id}",
            ("Code", "hacked"), ("NameFi", "Hyvinvointi ja terveys"), ("NameSv", "Välfärd och hälsa"), ("NameEn", "Wellbeing and health"),
            ("Version", sector.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var after = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().SingleAsync(s => s.Id == sector.Id));
        Assert.Equal("Hyvinvointi ja terveys", after.NameFi);
        Assert.Equal("wellbeing", after.Code);

        var duplicate = await admin.PostFormAsync("/admin/sectors/new", "/admin/sectors/new", ("Code", "education"), ("NameFi", "Toinen"));
        Assert.Contains("Another sector already has this identifier.", await duplicate.Content.ReadAsStringAsync());

        var foreign = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().FirstAsync(s => s.OrganisationId == DemoSeeder.EsimerkkilaId));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/admin/sectors/{foreign.Id}")).StatusCode);
        var hijack = await admin.PostFormAsync("/admin/sectors", $"/admin/sectors/{foreign.Id}", ("NameFi", "Kaapattu"), ("Version", foreign.Version.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
    }

    [GeneratedRegex(@"https://hyvinvointi\.example\.fi/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();

    public void Dispose() => _factory.Dispose();
}
