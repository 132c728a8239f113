namespace Valfard.Browser.Tests;

/// <summary>Issue 17 §3: the page where a person chooses their e-mail, in Finnish and Swedish, on a desktop and a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationSettingsJourneyTests(AppFixture app)
{
    [Theory]
    [InlineData("fi", "Päivittäinen kooste lähtee klo 16.00 Suomen aikaa")]
    [InlineData("sv", "Det dagliga sammandraget skickas kl. 16.00 finsk tid")]
    public async Task The_settings_page_says_when_the_digest_goes_out_and_has_no_axe_violations_at_390_pixels(string language, string digestTime)
    {
        var page = await app.SignInAsync("editor@demo.test", language);
        await page.GotoAsync("/notifications/settings");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#digest-time")).ToContainTextAsync(digestTime);
        var problems = (await AuthoringAccessibilityTests.ViolationsAsync(page, $"/notifications/settings {language}")).ToList();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"notification-settings-{language}.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the settings page scrolls sideways at 390 px ({language})");
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, $"/notifications/settings {language} 390"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"notification-settings-{language}-390.png"), FullPage = true });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
