using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(AppFixture app)
{
    private const string Password = "Valfard-demo-2026!";

    [Fact]
    public async Task A_coordinator_signs_in_sees_their_start_page_and_switches_to_swedish_on_the_same_page()
    {
        var page = await app.NewPageAsync("fi-FI");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Kirjaudu sisään" }).ClickAsync();

        await page.GetByLabel("Sähköpostiosoite").FillAsync("coordinator@demo.test");
        await page.GetByLabel("Salasana").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demokunta");
        await Assertions.Expect(page.GetByText("2025–2029", new() { Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain("Esimerkkilä", await page.ContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "start-page-fi.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demokommun");
        Assert.Equal(new Uri(app.BaseAddress, "/").ToString(), page.Url);
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fullmäktigeperiod" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "start-page-sv.png"), FullPage = true });
    }

    [Fact]
    public async Task A_wrong_password_shows_the_message_and_keeps_the_address()
    {
        var page = await app.NewPageAsync("en-GB");
        await page.GotoAsync("/account/login");

        await page.GetByLabel("E-mail address").FillAsync("editor@demo.test");
        await page.GetByLabel("Password").FillAsync("Wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync("editor@demo.test");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "login-failed-en.png") });
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_the_keyboard_and_moves_focus_to_the_content()
    {
        var page = await app.NewPageAsync("sv-FI");
        await page.GotoAsync("/account/login");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Hoppa till innehållet");
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi-FI", "/account/login")]
    [InlineData("sv-FI", "/account/login")]
    [InlineData("fi-FI", "/account/forgot-password")]
    public async Task Sign_in_pages_have_no_wcag_a_or_aa_violations(string locale, string url)
    {
        var page = await app.NewPageAsync(locale);
        await page.GotoAsync(url);

        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }

    [Fact]
    public async Task The_signed_in_start_page_has_no_wcag_a_or_aa_violations()
    {
        var page = await app.NewPageAsync("fi-FI");
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Sähköpostiosoite").FillAsync("editor@demo.test");
        await page.GetByLabel("Salasana").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demokunta");

        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }
}
