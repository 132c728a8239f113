using System.Net;
using System.Text.RegularExpressions;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Account;

public sealed partial class PasswordTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_the_link_works_once()
    {
        using var browser = Browser.Open(_factory, "fi");
        var sent = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "secretary@demo.test"));
        Assert.Contains("linkki uuden salasanan valitsemiseen on lähetetty", await sent.Content.ReadAsStringAsync());

        var mail = Assert.Single(await _factory.DeliveredMailAsync());
        Assert.Equal("secretary@demo.test", mail.To);
        Assert.Equal("Valfard: valitse uusi salasana", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        var form = await browser.GetHtmlAsync(link.PathAndQuery);
        var code = Regex.Match(form, "name=\"Code\" value=\"([^\"]+)\"").Groups[1].Value;

        var reset = await browser.Client.PostAsync("/account/reset-password", Browser.Form(Browser.TokenIn(form),
            ("Email", "secretary@demo.test"), ("Code", code), ("Password", "Uusi-salasana-2026"), ("ConfirmPassword", "Uusi-salasana-2026")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("secretary@demo.test", Browser.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("secretary@demo.test", "Uusi-salasana-2026")).StatusCode);

        using var again = Browser.Open(_factory, "en");
        var reused = await again.Client.PostAsync("/account/reset-password", Browser.Form(await again.TokenFromAsync(link.PathAndQuery),
            ("Email", "secretary@demo.test"), ("Code", code), ("Password", "Kolmas-salasana-2026"), ("ConfirmPassword", "Kolmas-salasana-2026")));
        Assert.Contains("This link is not valid any more.", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var browser = Browser.Open(_factory, "en");

        var response = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "nobody@demo.test"));

        Assert.Contains("If the address belongs to an active account", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _factory.DeliveredMailAsync());
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_with_the_rules_and_the_old_one_still_works()
    {
        using var browser = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var response = await browser.PostFormAsync("/account/change-password", "/account/change-password",
            ("CurrentPassword", Browser.DemoPassword), ("NewPassword", "short"), ("ConfirmPassword", "short"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("The password must have at least 12 characters.", html);
        Assert.Contains("The password must contain an upper-case letter.", html);
        using var other = Browser.Open(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await other.LoginAsync("coordinator@demo.test", Browser.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_password()
    {
        using var browser = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var wrongCurrent = await browser.PostFormAsync("/account/change-password", "/account/change-password",
            ("CurrentPassword", "Not-my-password-1"), ("NewPassword", "Vaihdettu-2026-x"), ("ConfirmPassword", "Vaihdettu-2026-x"));
        Assert.Contains("The current password is not correct.", await wrongCurrent.Content.ReadAsStringAsync());

        var changed = await browser.PostFormAsync("/account/change-password", "/account/change-password",
            ("CurrentPassword", Browser.DemoPassword), ("NewPassword", "Vaihdettu-2026-x"), ("ConfirmPassword", "Vaihdettu-2026-x"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var other = Browser.Open(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await other.LoginAsync("editor@demo.test", "Vaihdettu-2026-x")).StatusCode);
    }

    [GeneratedRegex(@"https://hyvinvointi\.example\.fi/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();

    public void Dispose() => _factory.Dispose();
}
