using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>The county coordinator's yearly negotiation with a member, with axe on every page it passes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NegotiationJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_county_coordinator_schedules_prepares_holds_and_records_a_negotiation_on_accessible_pages()
    {
        var page = await app.SignInAsync("county@demo.test", "fi");
        var problems = new List<string>();
        async Task Check(string name) => problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, name));

        await page.GetByRole(AriaRole.Link, new() { Name = "Neuvottelut", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vuosittaiset hyvinvointineuvottelut");
        await Check("negotiations");

        // The demo's approved 2026 negotiation with Demokunta: its record and last year's follow-up.
        await page.GetByRole(AriaRole.Link, new() { Name = "Neuvottelu 2026" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Muistio hyväksytty");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hyvinvointineuvottelu 2026: Demokunta");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Koulutus pidettiin 12.3.2026.");
        await Check("negotiation-approved");
        await page.ScreenshotAsync(new() { Path = Shot("negotiation-approved-fi.png"), FullPage = true });

        await page.GotoAsync("/negotiations/new");
        await Check("schedule");
        await page.GetByLabel("Kunta").SelectOptionAsync(new SelectOptionValue { Label = "Esimerkkilä" });
        await page.GetByLabel("Vuosi").FillAsync("2026");
        await page.GetByLabel("Neuvottelupäivä").FillAsync("2026-12-15");
        await page.GetByLabel("Etäkokous").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Neuvottelu on sovittu.");
        await Check("negotiation-scheduled");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lisää asia esityslistalle" }).ClickAsync();
        await Check("item");
        await page.GetByLabel("Asia", new() { Exact = true }).FillAsync("Hyvinvointialueen tuki kunnan vuosiraportille");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Tallennettu.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ehdotetut asiat" }).ClickAsync();
        await Check("suggestions");
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Merkitse pidetyksi" }).ClickAsync();
        await Check("confirm-held");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse pidetyksi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Neuvottelu on merkitty pidetyksi.");

        await page.Locator("#p-name").FillAsync("Helmi Hyvinvointialue");
        await page.Locator("#p-role").FillAsync("Hyvinvointikoordinaattori");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Helmi Hyvinvointialue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lisää sopimuskohta" }).ClickAsync();
        await Check("agreement");
        await page.GetByLabel("Hyvinvointialueen tuki").CheckAsync();
        await page.GetByLabel("Sovittu asia suomeksi").FillAsync("Hyvinvointialue kommentoi vuosiraportin luonnosta maaliskuussa");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Tallennettu.");
        await Check("negotiation-held");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("negotiation-held-390.png"), FullPage = true });
        // Known: the held page is still wider than 390 px (568 px measured); not yet asserted until that is fixed.

        await page.GotoAsync(page.Url.Split('#')[0] + "/print?lang=sv");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Check("print-sv");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
