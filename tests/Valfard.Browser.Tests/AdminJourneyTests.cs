using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_adds_an_editor_with_a_sector_and_deactivates_them_after_confirming()
    {
        var page = await app.SignInAsync("admin@demo.test", "en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "users-en.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add and send the invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Name is required.")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Tiina Tekninen");
        await page.GetByLabel("E-mail address").FillAsync("tiina@demo.test");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Editor – writes" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Technical services" }).CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "user-new-en.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and send the invitation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("invitation to choose a password has been sent");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "tiina@demo.test" });
        await Assertions.Expect(row).ToContainTextAsync("Technical services");

        await row.GetByRole(AriaRole.Link, new() { Name = "Deactivate Tiina Tekninen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Deactivate Tiina Tekninen (tiina@demo.test)?")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "user-deactivate-en.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "tiina@demo.test" })).ToContainTextAsync("Deactivated");
    }

    [Fact]
    public async Task A_system_admin_sees_every_organisation_with_its_county()
    {
        var page = await app.SignInAsync("admin@demo.test", "sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Organisationer" }).ClickAsync();

        var esimerkkila = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Esimerkkilä" });
        await Assertions.Expect(esimerkkila).ToContainTextAsync("Demoregionens välfärdsområde");
        await Assertions.Expect(esimerkkila).ToContainTextAsync("996");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "organisations-sv.png"), FullPage = true });
        await esimerkkila.GetByRole(AriaRole.Link, new() { Name = "Redigera Esimerkkilä" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Officiell kod")).ToHaveValueAsync("996");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "organisation-edit-sv.png"), FullPage = true });
    }
}
