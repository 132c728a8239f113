using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Account;

/// <summary>Setting up two-factor sign-in and signing in with it. Each test has users of its own: they lock accounts.</summary>
public sealed partial class TwoFactorTests(TwoFactorTests.App app) : IClassFixture<TwoFactorTests.App>
{
    public sealed class App : ValfardFactory;

    [Fact]
    public async Task After_enrolment_signing_in_needs_the_code_from_the_app()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var (key, codes) = await TwoFactorSteps.EnrolAsync(app, browser);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        await TwoFactorSteps.SignOutAsync(browser);

        var password = await browser.LoginAsync(email, Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.OriginalString);
        // The password alone has not signed anyone in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/reports")).StatusCode);
        Assert.Contains("Code from the authenticator app", await browser.GetHtmlAsync(password.Headers.Location.OriginalString));

        var second = await TwoFactorSteps.SecondStepAsync(browser, Totp.CodeAt(key, app.Clock.Object.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("Two-factor sign-in is on.", await browser.GetHtmlAsync("/account/two-factor"));
        var user = await app.UserAsync(email);
        var audited = await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("Account.TwoFactorEnabled", audited);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_counted_toward_the_lockout_and_answered_like_a_locked_account()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var (key, _) = await TwoFactorSteps.EnrolAsync(app, browser);
        await TwoFactorSteps.SignOutAsync(browser);
        await browser.LoginAsync(email, Browser.DemoPassword);

        var wrong = await TwoFactorSteps.SecondStepAsync(browser, Totp.WrongCodeAt(key, app.Clock.Object.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Sign-in failed. Check the code.", wrongPage);
        Assert.Equal(1, (await app.UserAsync(email)).AccessFailedCount);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await TwoFactorSteps.SecondStepAsync(browser, Totp.WrongCodeAt(key, app.Clock.Object.GetUtcNow()));
        }
        var right = await TwoFactorSteps.SecondStepAsync(browser, Totp.CodeAt(key, app.Clock.Object.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Sign-in failed. Check the code.", await right.Content.ReadAsStringAsync());
        Assert.True((await app.UserAsync(email)).LockoutEnd > app.Clock.Object.GetUtcNow());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Coordinator);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var (_, codes) = await TwoFactorSteps.EnrolAsync(app, browser);
        await TwoFactorSteps.SignOutAsync(browser);

        await browser.LoginAsync(email, Browser.DemoPassword);
        var first = await TwoFactorSteps.RecoveryStepAsync(browser, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Recovery codes left: 9.", await browser.GetHtmlAsync("/account/two-factor"));
        await TwoFactorSteps.SignOutAsync(browser);

        await browser.LoginAsync(email, Browser.DemoPassword);
        var again = await TwoFactorSteps.RecoveryStepAsync(browser, codes[0]);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Sign-in failed. Check the code.", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (await app.UserAsync(email)).AccessFailedCount);
        var user = await app.UserAsync(email);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.UserId == user.Id && a.Action == "Account.RecoveryCodeUsed")));
    }

    [Fact]
    public async Task Turning_off_needs_the_password_or_a_code_and_new_recovery_codes_replace_the_old()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var (key, codes) = await TwoFactorSteps.EnrolAsync(app, browser);

        var renewed = await browser.PostFormAsync("/account/two-factor", "/account/two-factor/recovery-codes");
        var newCodes = TwoFactorSteps.RecoveryCodesIn(await renewed.Content.ReadAsStringAsync());
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(codes));

        var refused = await browser.PostFormAsync("/account/two-factor", "/account/two-factor/disable", ("Disable.Password", "Wrong-password-123"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Two-factor sign-in is still on", await refused.Content.ReadAsStringAsync());
        Assert.True((await app.UserAsync(email)).TwoFactorEnabled);

        var turnedOff = await browser.PostFormAsync("/account/two-factor", "/account/two-factor/disable",
            ("Disable.Code", Totp.CodeAt(key, app.Clock.Object.GetUtcNow())));
        Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        Assert.False((await app.UserAsync(email)).TwoFactorEnabled);
        await TwoFactorSteps.SignOutAsync(browser);
        Assert.Equal("/", (await browser.LoginAsync(email, Browser.DemoPassword)).Headers.Location!.OriginalString);

        var user = await app.UserAsync(email);
        var audited = await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("Account.TwoFactorRecoveryCodesRenewed", audited);
        Assert.Contains("Account.TwoFactorDisabled", audited);
    }

    [Fact]
    public async Task A_wrong_code_at_enrolment_leaves_two_factor_off()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var page = await browser.GetHtmlAsync("/account/two-factor");
        var key = TwoFactorSteps.KeyIn(page);

        var response = await browser.Client.PostAsync("/account/two-factor/enable",
            Browser.Form(Browser.TokenIn(page), ("Enable.Code", Totp.WrongCodeAt(key, app.Clock.Object.GetUtcNow()))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The code was not right.", await response.Content.ReadAsStringAsync());
        Assert.False((await app.UserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task The_page_offers_a_qr_code_of_an_otpauth_address_and_the_same_key_to_type()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");
        var page = await browser.GetHtmlAsync("/account/two-factor");
        var key = TwoFactorSteps.KeyIn(page);

        Assert.Contains("src=\"data:image/png;base64,", page);
        Assert.Equal($"otpauth://totp/Valfard:{Uri.EscapeDataString(email)}?secret={key}&issuer=Valfard&digits=6",
            Valfard.Web.Features.Account.TwoFactorController.AuthenticatorUri(email, key));
        // The key stays the same until two-factor sign-in is turned on: reloading the page does not change it.
        Assert.Equal(key, TwoFactorSteps.KeyIn(await browser.GetHtmlAsync("/account/two-factor")));
    }

    [Fact]
    public async Task The_demo_sign_in_stays_one_step_by_default()
    {
        using var browser = Browser.Open(app, "en");

        var response = await browser.LoginAsync("admin@demo.test", Browser.DemoPassword);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await browser.Client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task The_second_step_without_the_password_step_sends_back_to_sign_in()
    {
        using var browser = Browser.Open(app, "en");
        var token = await browser.TokenFromAsync("/account/login");

        var page = await browser.Client.GetAsync("/account/login/two-factor");
        var post = await browser.Client.PostAsync("/account/login/two-factor", Browser.Form(token, ("Code", "123456")));
        var recovery = await browser.Client.PostAsync("/account/login/recovery-code", Browser.Form(token, ("Code", "abcde-12345")));

        Assert.All([page, post, recovery], r => Assert.StartsWith("/account/login", r.Headers.Location!.OriginalString));
        Assert.All([page, post, recovery], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
    }

    [Fact]
    public async Task The_organisation_setting_sends_its_own_users_to_the_set_up_and_not_another_organisations()
    {
        var admin = await TwoFactorSteps.CreateUserAsync(app, Roles.OrganisationAdmin, DemoSeeder.EsimerkkilaId);
        var ownEditor = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor, DemoSeeder.EsimerkkilaId);
        var otherEditor = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var adminBrowser = await Browser.SignedInAsync(app, admin, "en");

        var saved = await adminBrowser.PostFormAsync("/admin/settings", "/admin/settings", ("requireTwoFactor", "true"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.QueryAsync(db => db.Organisations.Where(o => o.Id == DemoSeeder.EsimerkkilaId).Select(o => o.RequiresTwoFactor).SingleAsync()));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Action == "Organisation.TwoFactorRequirementChanged")));
        Assert.Equal("/account/two-factor", (await adminBrowser.Client.GetAsync("/admin/users")).Headers.Location?.OriginalString);
        using var own = await Browser.SignedInAsync(app, ownEditor, "en");
        Assert.Equal("/account/two-factor", (await own.Client.GetAsync("/reports")).Headers.Location?.OriginalString);
        using var other = await Browser.SignedInAsync(app, otherEditor, "en");
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/reports")).StatusCode);
        // The demo's own accounts stay one step even in an organisation that requires it.
        using var demo = await Browser.SignedInAsync(app, "editor@esimerkkila.test", "en");
        Assert.Equal(HttpStatusCode.OK, (await demo.Client.GetAsync("/reports")).StatusCode);

        await TwoFactorSteps.EnrolAsync(app, own);
        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync("/reports")).StatusCode);
    }

    [Fact]
    public void The_admin_requirement_defaults_on_in_production_only_and_configuration_overrides_it()
    {
        Assert.True(RequiredForAdmins("Production", null));
        Assert.False(RequiredForAdmins("Development", null));
        Assert.False(RequiredForAdmins("Staging", null));
        Assert.False(RequiredForAdmins("Production", "false"));
        Assert.True(RequiredForAdmins("Development", "true"));
    }

    private static bool RequiredForAdmins(string environment, string? configured)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new("Valfard:TwoFactor:RequiredForAdmins", configured)]).Build();
        var services = new ServiceCollection();
        var host = new Moq.Mock<IWebHostEnvironment>();
        host.Setup(h => h.EnvironmentName).Returns(environment);
        Valfard.Web.Features.Account.AccountServices.AddAccount(services, configuration, host.Object);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Valfard.Web.Features.Account.TwoFactorOptions>>().Value.RequiredForAdmins;
    }
}

/// <summary>With <c>Valfard:TwoFactor:RequiredForAdmins</c> on: admins must set it up before anything else, others need not.</summary>
public sealed class TwoFactorRequiredForAdminsTests(TwoFactorRequiredForAdminsTests.App app) : IClassFixture<TwoFactorRequiredForAdminsTests.App>
{
    public sealed class App : ValfardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Valfard:TwoFactor:RequiredForAdmins", "true");
        }
    }

    [Theory]
    [InlineData(Roles.OrganisationAdmin)]
    [InlineData(Roles.SystemAdmin)]
    public async Task An_admin_is_sent_to_the_set_up_until_enrolled(string role)
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, role);
        using var browser = await Browser.SignedInAsync(app, email, "en");

        var users = await browser.Client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/account/two-factor", users.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
        // What stays open: the set-up page, the language switch, errors and signing out.
        var setUp = await browser.GetHtmlAsync("/account/two-factor");
        Assert.Contains("Your account must use two-factor sign-in.", setUp);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/error/404")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/css/site.css")).StatusCode);
        var language = await browser.Client.PostAsync("/language", Browser.Form(Browser.TokenIn(setUp), ("language", "sv"), ("returnUrl", "/account/two-factor")));
        Assert.Equal("/account/two-factor", language.Headers.Location?.OriginalString);

        await TwoFactorSteps.EnrolAsync(app, browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_plain_editor_is_not_asked_to_enrol()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app, Roles.Editor);
        using var browser = await Browser.SignedInAsync(app, email, "en");

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/reports")).StatusCode);
    }

    [Fact]
    public async Task The_demo_admin_still_signs_in_in_one_step_in_demo_mode()
    {
        using var browser = await Browser.SignedInAsync(app, "admin@demo.test", "en");

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin/users")).StatusCode);
    }
}

/// <summary>The steps the two-factor tests share.</summary>
public static partial class TwoFactorSteps
{
    private static int _serial;

    /// <summary>A new user of Demokommun with the demo password and one role.</summary>
    public static async Task<string> CreateUserAsync(ValfardFactory app, string role, Guid? organisationId = null)
    {
        var organisation = organisationId ?? DemoSeeder.DemokommunId;
        var email = $"twofactor-{Interlocked.Increment(ref _serial)}-{Guid.NewGuid().ToString("N")[..8]}@demo.test";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = ApplicationUser.New(email, "Two Factor", organisation, ValfardFactory.Today);
        var result = await users.CreateAsync(user, Browser.DemoPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return email;
    }

    /// <summary>Reads the key from the page, answers with the code it gives now, and returns the key and the recovery codes.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(ValfardFactory app, Browser browser)
    {
        var page = await browser.GetHtmlAsync("/account/two-factor");
        var key = KeyIn(page);
        var response = await browser.Client.PostAsync("/account/two-factor/enable",
            Browser.Form(Browser.TokenIn(page), ("Enable.Code", Totp.CodeAt(key, app.Clock.Object.GetUtcNow()))));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"enable answered {(int)response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore, "the recovery codes page may be stored");
        return (key, RecoveryCodesIn(html));
    }

    public static async Task SignOutAsync(Browser browser)
    {
        var token = await browser.TokenFromAsync("/account/two-factor");
        var response = await browser.Client.PostAsync("/account/logout", Browser.Form(token));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> SecondStepAsync(Browser browser, string code, bool rememberDevice = false)
    {
        var token = await browser.TokenFromAsync("/account/login/two-factor");
        return await browser.Client.PostAsync("/account/login/two-factor",
            Browser.Form(token, ("Code", code), ("RememberDevice", rememberDevice ? "true" : "false")));
    }

    public static async Task<HttpResponseMessage> RecoveryStepAsync(Browser browser, string code)
    {
        var token = await browser.TokenFromAsync("/account/login/recovery-code");
        return await browser.Client.PostAsync("/account/login/recovery-code", Browser.Form(token, ("Code", code)));
    }

    public static string KeyIn(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The page shows no key");
        return match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    public static List<string> RecoveryCodesIn(string html) =>
        CodePattern().Matches(html[html.IndexOf("id=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("id=\"shared-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();
}
