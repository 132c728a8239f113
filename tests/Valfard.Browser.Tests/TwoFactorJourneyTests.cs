using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Valfard.Domain.Common;
using Valfard.Web.Tests.Account;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(AppFixture app)
{
    [Fact]
    public async Task An_editor_sets_up_two_factor_sign_in_and_signs_in_with_a_code()
    {
        var email = await TwoFactorSteps.CreateUserAsync(app.Factory, Roles.Editor);
        var page = await SignInWithPasswordAsync(email);
        await page.WaitForURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Kaksivaiheinen kirjautuminen" }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kaksivaiheinen kirjautuminen");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-koodi kaksivaiheisen kirjautumisen käyttöönottoon todennussovelluksessa" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "two-factor-setup-desktop-fi.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "two-factor-setup-phone-fi.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);

        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.Locator("#Enable_Code").FillAsync(Totp.CodeAt(key, app.Factory.Clock.Object.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ota kaksivaiheinen kirjautuminen käyttöön" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Varakoodisi");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "two-factor-recovery-codes-fi.png"), FullPage = true });

        var second = await SignInWithPasswordAsync(email);
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kirjautuminen: sovelluksen koodi");
        await AssertNoViolationsAsync(second);
        await second.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "two-factor-second-step-fi.png"), FullPage = true });
        await second.GetByLabel("Todennussovelluksen koodi").FillAsync(Totp.CodeAt(key, app.Factory.Clock.Object.GetUtcNow()));
        await second.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään", Exact = true }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demokunta");
    }

    private async Task<IPage> SignInWithPasswordAsync(string email)
    {
        var page = await app.NewPageAsync("fi-FI");
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(AppFixture.DemoPassword);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }
}
