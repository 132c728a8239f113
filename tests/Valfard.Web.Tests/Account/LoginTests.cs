using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Account;

[Collection(SharedAppCollection.Name)]
public sealed class LoginTests(ValfardFactory factory)
{
    [Theory]
    [InlineData("admin@demo.test", "Demokunta", "Esimerkkilä")]
    [InlineData("coordinator@demo.test", "Demokunta", "Esimerkkilä")]
    [InlineData("editor@demo.test", "Demokunta", "Esimerkkilä")]
    [InlineData("council@demo.test", "Demokunta", "Esimerkkilä")]
    [InlineData("secretary@demo.test", "Demokunta", "Esimerkkilä")]
    [InlineData("editor@esimerkkila.test", "Esimerkkilä", "Demokunta")]
    [InlineData("county@demo.test", "Demoalueen hyvinvointialue", "Esimerkkilä")]
    public async Task Every_demo_user_sees_their_own_organisation_and_not_the_other(string email, string own, string other)
    {
        using var browser = await Browser.SignedInAsync(factory, email);
        var html = await browser.GetHtmlAsync("/");

        Assert.Contains($"<h1>{own}</h1>", html);
        Assert.DoesNotContain(other, html);
    }

    [Theory]
    [InlineData("fi", "Valtuustokausi", "Kirjaudu ulos")]
    [InlineData("sv", "Fullmäktigeperiod", "Logga ut")]
    [InlineData("en", "Council term", "Sign out")]
    public async Task The_start_page_speaks_the_users_language(string language, string termHeading, string signOut)
    {
        using var browser = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var html = await browser.GetHtmlAsync("/");

        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains(termHeading, html);
        Assert.Contains(signOut, html);
        Assert.Contains("2025\u20132029", html);
    }

    [Theory]
    [InlineData("sv", "Demokonton", "Logga in som county@demo.test")]
    [InlineData("fi", "Esittelytunnukset", "Kirjaudu: county@demo.test")]
    public async Task With_demo_data_the_sign_in_page_lists_every_demo_account_and_one_click_signs_in(string language, string heading, string countyButton)
    {
        using var browser = Browser.Open(factory, language);
        var html = await browser.GetHtmlAsync("/account/login");

        Assert.Contains(heading, html);
        Assert.Contains(countyButton, html);
        foreach (var email in Valfard.Web.Startup.Demo.DemoSeeder.UserEmails)
        {
            Assert.Contains($"value=\"{email}\"", html);
        }

        // The account's own form carries the e-mail and password: posting it as it stands signs in.
        var signIn = await browser.Client.PostAsync("/account/login", Browser.Form(Browser.TokenIn(html),
            ("Email", "council@demo.test"), ("Password", Valfard.Web.Startup.Demo.DemoSeeder.Password), ("ReturnUrl", "")));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Demokommun", await browser.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task Without_demo_data_the_sign_in_page_lists_no_accounts()
    {
        using var installation = factory.WithWebHostBuilder(builder => builder.UseSetting("Valfard:Demo", "false"));
        using var client = installation.CreateClient(new() { AllowAutoRedirect = false });
        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("id=\"Password\"", html);
        Assert.DoesNotContain("coordinator@demo.test", html);
        Assert.DoesNotContain(Valfard.Web.Startup.Demo.DemoSeeder.Password, html);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_message()
    {
        using var browser = Browser.Open(factory, "en");
        var wrongPassword = await (await browser.LoginAsync("council@demo.test", "Not-the-password-1")).Content.ReadAsStringAsync();
        var unknownUser = await (await browser.LoginAsync("nobody@demo.test", "Not-the-password-1")).Content.ReadAsStringAsync();

        const string message = "Sign-in failed. Check your e-mail address and password.";
        Assert.Contains(message, wrongPassword);
        Assert.Contains(message, unknownUser);
        Assert.DoesNotContain("Not-the-password-1", wrongPassword);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@demo.test");
        var token = Browser.TokenIn(await browser.GetHtmlAsync("/"));
        var logout = await browser.Client.PostAsync("/account/logout", Browser.Form(token));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var html = await browser.GetHtmlAsync("/");
        Assert.DoesNotContain("Demokunta", html);
        Assert.Contains("/account/login", html);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_for_organisation_pages()
    {
        using var browser = Browser.Open(factory);
        var response = await browser.Client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_outside_the_site_is_ignored()
    {
        using var browser = Browser.Open(factory);
        var token = await browser.TokenFromAsync("/account/login");
        var response = await browser.Client.PostAsync("/account/login", Browser.Form(token,
            ("Email", "editor@demo.test"), ("Password", Browser.DemoPassword), ("ReturnUrl", "https://evil.example/")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
