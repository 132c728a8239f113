using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>The county coordinator sees the members, opens a delivered report, and answers a support request; axe checks every county page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CountyJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_county_coordinator_sees_the_members_and_opens_the_delivered_report()
    {
        var county = await app.SignInAsync("county@demo.test", "fi");
        await county.GetByRole(AriaRole.Link, new() { Name = "Alueen kunnat", Exact = true }).ClickAsync();
        await Assertions.Expect(county.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Alueen kunnat");
        await Assertions.Expect(county.GetByRole(AriaRole.Heading, new() { Name = "Demokunta", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(county.GetByRole(AriaRole.Heading, new() { Name = "Esimerkkilä", Level = 3 })).ToBeVisibleAsync();
        await county.ScreenshotAsync(new() { Path = Shot("county-overview-fi.png"), FullPage = true });

        await county.GetByRole(AriaRole.Link, new() { Name = "Laaja hyvinvointikertomus 2021–2025" }).ClickAsync();
        await Assertions.Expect(county.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Laaja hyvinvointikertomus 2021–2025");
        await Assertions.Expect(county.Locator("main")).ToContainTextAsync("toimitettiin hyvinvointialueelle");
        await Assertions.Expect(county.GetByRole(AriaRole.Link, new() { Name = "Hyväksytty kertomus PDF-tiedostona – Suomeksi" })).ToBeVisibleAsync();
        var delivered = county.Url;

        await county.GotoAsync("/county/support");
        await Assertions.Expect(county.Locator("main")).ToContainTextAsync("Tiedon tulkinta");
        var answer = await county.Locator("main a.btn").First.GetAttributeAsync("href");

        var problems = new List<string>();
        foreach (var url in new[] { "/county", delivered, "/county/support", answer! })
        {
            await county.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(county, url));
        }
        var municipality = await app.SignInAsync("coordinator@demo.test", "sv");
        foreach (var url in new[] { "/support", "/support/new" })
        {
            await municipality.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(municipality, url));
        }
        await municipality.GotoAsync("/support");
        await Assertions.Expect(municipality.Locator("main")).ToContainTextAsync("Besvarad");
        await municipality.ScreenshotAsync(new() { Path = Shot("county-support-own-sv.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
