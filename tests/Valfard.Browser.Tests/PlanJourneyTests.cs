using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>The yearly follow-up in three pairs of hands: the coordinator opens it, an owner records, a council member reads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_coordinator_opens_a_round_an_owner_records_and_a_council_member_reads_it()
    {
        var coordinator = await app.SignInAsync("coordinator@demo.test", "fi");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Hyvinvointisuunnitelma", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hyvinvointisuunnitelma 2025–2029");
        await coordinator.ScreenshotAsync(new() { Path = Shot("plan-tree-fi.png"), FullPage = true });
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Vuosiseuranta" }).ClickAsync();
        await coordinator.Locator("#year").SelectOptionAsync("2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Avaa kierros" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seuranta 2026");
        await Assertions.Expect(coordinator.Locator("#flash")).ToContainTextAsync("Seurantakierros avattiin.");

        var editor = await app.SignInAsync("editor@demo.test", "sv");
        var mine = editor.Locator("section[aria-labelledby='my-measures-heading']");
        await Assertions.Expect(mine).ToContainTextAsync("Lektioner i psykiska färdigheter i högstadiet");
        await mine.GetByRole(AriaRole.Link, new() { Name = "För in 2026 (T2.3)" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Åtgärdens uppföljning år 2026");
        await editor.GetByLabel("Pågår").CheckAsync();
        await editor.GetByLabel("Framsteg").FillAsync("40");
        await editor.GetByLabel("Redogörelse på svenska").FillAsync("Lektionerna började i två skolor i augusti.");
        await editor.ScreenshotAsync(new() { Path = Shot("plan-record-sv.png"), FullPage = true });
        await editor.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(editor.Locator("#flash")).ToContainTextAsync("Uppföljningen fördes in.");
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("Lektionerna började i två skolor i augusti.");
        await editor.ScreenshotAsync(new() { Path = Shot("plan-measure-sv.png"), FullPage = true });

        var council = await app.SignInAsync("council@demo.test", "fi");
        await council.GetByRole(AriaRole.Link, new() { Name = "Hyvinvointisuunnitelma", Exact = true }).ClickAsync();
        await Assertions.Expect(council.GetByRole(AriaRole.Link, new() { Name = "Lisää tavoite" })).ToHaveCountAsync(0);
        await council.Locator("#filter-status").SelectOptionAsync("Done");
        await council.GetByRole(AriaRole.Button, new() { Name = "Suodata" }).ClickAsync();
        await Assertions.Expect(council.Locator("table.plan-measures tbody tr")).ToHaveCountAsync(3);
        await council.GetByRole(AriaRole.Link, new() { Name = "Vuosiseuranta" }).ClickAsync();
        await council.GetByRole(AriaRole.Link, new() { Name = "Seuranta 2026" }).ClickAsync();
        await Assertions.Expect(council.Locator("main")).ToContainTextAsync("Lektionerna började i två skolor i augusti.");
        await Assertions.Expect(council.GetByRole(AriaRole.Button, new() { Name = "Sulje kierros" })).ToHaveCountAsync(0);
        await council.GotoAsync("/plan/follow-up/2025");
        await Assertions.Expect(council.Locator("main")).ToContainTextAsync("Arviota muutti Kaisa Koordinaattori");
        await council.ScreenshotAsync(new() { Path = Shot("plan-round-fi.png"), FullPage = true });
    }
}
