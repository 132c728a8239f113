using Microsoft.Playwright;
using static Valfard.Browser.Tests.AuthoringAccessibilityTests;

namespace Valfard.Browser.Tests;

/// <summary>
/// The national standard sets as an organisation reads them and as the system admin keeps them, and the indicator
/// page as a coordinator sees it (direction read-only, a message to the admins): axe-checked, with screenshots at
/// desktop and phone width in Finnish and Swedish.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StandardSetJourneyTests(AppFixture app)
{
    private static async Task ShootAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
    }

    [Theory]
    [InlineData("fi", "Jätetty pois", "Kerro järjestelmän ylläpitäjille")]
    [InlineData("sv", "Utelämnad", "Meddela systemadministratörerna")]
    public async Task A_coordinator_reads_the_standard_sets_with_the_left_out_mark_and_the_admin_keeps_them(string language, string leftOut, string tellAdmins)
    {
        var coordinator = await app.SignInAsync("coordinator@demo.test", language);
        await coordinator.GotoAsync("/indicators/sets");
        await Assertions.Expect(coordinator.Locator("section.standard-set .left-out-marker").First).ToHaveTextAsync(leftOut);
        await Assertions.Expect(coordinator.Locator("section.standard-set .sample-marker").First).ToBeVisibleAsync();
        await coordinator.Locator("section.standard-set details summary").First.ClickAsync();
        var problems = (await ViolationsAsync(coordinator, "/indicators/sets")).ToList();
        await ShootAsync(coordinator, $"standard-sets-{language}");

        await coordinator.GotoAsync("/indicators/90005");
        await Assertions.Expect(coordinator.Locator("details.tell-admins summary")).ToContainTextAsync(tellAdmins);
        await Assertions.Expect(coordinator.Locator("select#direction")).ToHaveCountAsync(0);
        await coordinator.Locator("details.tell-admins summary").ClickAsync();
        problems.AddRange(await ViolationsAsync(coordinator, "/indicators/90005"));
        await ShootAsync(coordinator, $"indicator-tell-admins-{language}");

        var admin = await app.SignInAsync("admin@demo.test", language);
        await admin.GotoAsync("/indicators/standard-sets");
        problems.AddRange(await ViolationsAsync(admin, "/indicators/standard-sets"));
        await ShootAsync(admin, $"standard-sets-admin-{language}");
        await admin.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(admin.Locator("textarea#ids")).ToBeVisibleAsync();
        problems.AddRange(await ViolationsAsync(admin, admin.Url));
        await ShootAsync(admin, $"standard-set-edit-{language}");
        await admin.GotoAsync("/indicators/changes");
        problems.AddRange(await ViolationsAsync(admin, "/indicators/changes"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
