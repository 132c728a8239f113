using System.Text;
using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>
/// The system administrator's Sotkanet updates page: the runs, "update now" (the test app reaches no Sotkanet, so the
/// update fails and says why, changing nothing), and an uploaded file's progress page, in Finnish and Swedish, at
/// desktop width and at 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    [Theory]
    [InlineData("fi", "Sotkanet", "Päivitä nyt", "Päivitys on lisätty jonoon", "Epäonnistui", "Tuonti Sotkanetista", "Tuo", "Valmis")]
    [InlineData("sv", "Sotkanet", "Uppdatera nu", "Uppdateringen har lagts i kö", "Misslyckades", "Import från Sotkanet", "Importera", "Klar")]
    public async Task A_system_admin_starts_an_update_sees_it_fail_politely_and_follows_a_file_import_to_its_summary(
        string language, string nav, string syncNow, string queued, string failed, string importLink, string importButton, string finished)
    {
        var page = await app.SignInAsync("admin@demo.test", language);

        await page.GetByRole(AriaRole.Link, new() { Name = nav, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = syncNow }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(queued);
        for (var i = 0; i < 120 && !(await page.Locator("table.sync-runs tbody tr").First.InnerTextAsync()).Contains(failed, StringComparison.Ordinal); i++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(page.Locator("table.sync-runs tbody tr").First).ToContainTextAsync(failed);
        await page.ScreenshotAsync(new() { Path = Shot($"sync-admin-{language}.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot($"sync-admin-{language}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);

        await page.GotoAsync("/indicators/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = importLink })).ToBeVisibleAsync();
        var rows = "indicator;region;year;gender;primary value;absolute value\r\n90001;99000;1955;total;12.5;\r\n90001;99000;1956;total;13.5;\r\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "values.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(rows) });
        await page.GetByRole(AriaRole.Button, new() { Name = importButton, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-state")).ToContainTextAsync(finished);
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("2");
        await page.ScreenshotAsync(new() { Path = Shot($"import-progress-{language}.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot($"import-progress-{language}-390.png"), FullPage = true });
    }
}
