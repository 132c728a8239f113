namespace Valfard.Browser.Tests;

/// <summary>The pages that judge the numbers (indicator page, overview, comparison municipalities) meet WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparisonAccessibilityTests(AppFixture app)
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_indicator_page_the_overview_and_the_peers_page_have_no_wcag_a_or_aa_violations(string language)
    {
        var page = await app.SignInAsync("coordinator@demo.test", language);

        var problems = new List<string>();
        foreach (var url in new[] { "/indicators/90005", "/indicators/overview", "/indicators/overview?sort=country", "/indicators/peers" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, url));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Opened, the explanation is part of the page and must be readable too.
        await page.GotoAsync("/indicators/90005");
        await page.Locator("details.analysis-help summary").ClickAsync();
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, "/indicators/90005 (explanation open)"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/indicators/overview");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"overview-{language}-{width}.png"), FullPage = true });
            await page.GotoAsync("/indicators/90005");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"indicator-analysis-{language}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_concern_proposed_from_an_indicator_page_shows_its_saved_evidence_accessibly(string language)
    {
        var page = await app.SignInAsync("coordinator@demo.test", language);
        var problems = new List<string>();

        // From the indicator page, through the accept form, to the joys and concerns page with the evidence.
        await page.GotoAsync("/indicators/90005");
        await page.Locator("#propose button[value=Concern]").ClickAsync();
        await page.WaitForURLAsync("**/observations/accept**");
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, "accept form"));
        await page.Locator("#LifeStage").SelectOptionAsync("Youth");
        await page.Locator("section[aria-labelledby=accept-heading] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/observations");

        Assert.True(await page.Locator(".evidence-item").CountAsync() > 0, "The accepted concern shows no evidence");
        Assert.True(await page.Locator(".evidence-support").First.IsVisibleAsync());
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, page.Url));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"observations-evidence-{language}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
