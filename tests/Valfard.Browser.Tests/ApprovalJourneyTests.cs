using System.Security.Cryptography;
using Microsoft.Playwright;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>A separate app for the approval journey: it moves the demo report out of draft, which other journeys need.</summary>
[CollectionDefinition(Name)]
public sealed class ApprovalCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "approval";
}

/// <summary>The report's way from the welfare group to the residents, done in the browser by the three people whose part it is.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class ApprovalJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    /// <summary>Ticks the checklist's "I have checked these warnings" when the step shows warnings.</summary>
    private static async Task ConfirmWarningsAsync(IPage page)
    {
        var confirm = page.GetByLabel("Olen tarkistanut nämä huomautukset");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.CheckAsync();
        }
    }

    [Fact]
    public async Task Coordinator_council_member_and_secretary_take_the_report_from_draft_through_the_board_to_published()
    {
        // The coordinator sends the draft for review and then to the council.
        var coordinator = await app.SignInAsync("coordinator@demo.test", "fi");
        await coordinator.GotoAsync("/reports");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Laaja hyvinvointikertomus 2025–2029" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Lue ja päätä" }).First.ClickAsync();
        // The demo draft has sections nobody has written yet; the welfare group leaves them empty on purpose, with a
        // reason, as the checklist before the board asks (the section editor's form for it is tested over HTTP).
        var reportId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(coordinator.Url, "/reports/([0-9a-f-]{36})").Groups[1].Value);
        Assert.True(await app.Factory.LeaveEmptySectionsAsync(reportId) > 0);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Lähetä tarkastettavaksi" }).ClickAsync();
        // Sections not done are warnings the coordinator confirms before the step.
        await ConfirmWarningsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lähetä tarkastettavaksi" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert).Or(coordinator.Locator(".alert-success"))).ToContainTextAsync("Kertomus lähetettiin tarkastettavaksi.");
        // The board prepares what the council decides: the coordinator sends the report to the board first.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Lähetä hallitukselle" }).ClickAsync();
        var problems = (await AuthoringAccessibilityTests.ViolationsAsync(coordinator, "send to the board")).ToList();
        await ConfirmWarningsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lähetä hallitukselle" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".workflow-step-current")).ToContainTextAsync("Hallituksen käsittelyssä", new() { Timeout = 60_000 });
        await coordinator.ScreenshotAsync(new() { Path = Shot("reading-view-board-fi.png"), FullPage = false });
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(coordinator, "reading view with the board"));

        // The secretary records the board's decision and its proposal to the council.
        var secretary = await app.SignInAsync("secretary@demo.test", "fi");
        await secretary.GotoAsync("/reports");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Laaja hyvinvointikertomus 2025–2029" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Kirjaa hallituksen päätös" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Kirjaa päätös" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#Body-error")).ToContainTextAsync("Anna päättänyt toimielin.");
        await secretary.GetByLabel("Hallitus suomeksi").FillAsync("Kunnanhallitus");
        await secretary.GetByLabel("Hallitus ruotsiksi").FillAsync("Kommunstyrelsen");
        await secretary.GetByLabel("Kokouspäivä").FillAsync("2026-11-09");
        await secretary.GetByLabel("Pykälä (§)").FillAsync("201");
        await secretary.GetByLabel("Hallituksen esitys valtuustolle").FillAsync("Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen.");
        await secretary.ScreenshotAsync(new() { Path = Shot("board-decision-form-fi.png"), FullPage = true });
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(secretary, "board decision form"));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Kirjaa päätös" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".workflow-step-current")).ToContainTextAsync("Hallitus on tehnyt esityksen");

        // Then to the council, whose document is kept as the council was given it.
        await coordinator.ReloadAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Lähetä valtuustolle" }).ClickAsync();
        await ConfirmWarningsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lähetä valtuustolle" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".workflow-step-current")).ToContainTextAsync("Valtuuston käsittelyssä", new() { Timeout = 60_000 });
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Hallitukselle ja valtuustolle annetut asiakirjat" })).ToBeVisibleAsync();

        // A council member reads the report in Swedish and comments beside the section on young people.
        var council = await app.SignInAsync("council@demo.test", "sv");
        await council.GotoAsync("/reports");
        await council.GetByRole(AriaRole.Link, new() { Name = "Omfattande välfärdsberättelse 2025–2029" }).ClickAsync();
        await council.GetByRole(AriaRole.Link, new() { Name = "På svenska", Exact = true }).ClickAsync();
        var youth = council.Locator(".reading-row").Filter(new() { Has = council.GetByRole(AriaRole.Heading, new() { Name = "Unga" }) });
        await youth.Locator("summary").GetByText("Ny kommentar").ClickAsync();
        await youth.GetByLabel("Ny kommentar").FillAsync("Hur finansieras det uppsökande ungdomsarbetet?");
        await youth.GetByRole(AriaRole.Button, new() { Name = "Kommentera" }).ClickAsync();
        await Assertions.Expect(council.Locator(".reading-row").Filter(new() { HasText = "Hur finansieras det uppsökande ungdomsarbetet?" })).ToHaveCountAsync(1);
        await council.ScreenshotAsync(new() { Path = Shot("reading-view-council-sv.png"), FullPage = false });
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(council, "reading view with the council"));

        // The secretary records the council's decision; that freezes the version.
        await secretary.ReloadAsync();
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Kirjaa valtuuston päätös" }).ClickAsync();
        await secretary.GetByLabel("Päättävä toimielin suomeksi").FillAsync("Kunnanvaltuusto");
        await secretary.GetByLabel("Päättävä toimielin ruotsiksi").FillAsync("Kommunfullmäktige");
        await secretary.GetByLabel("Kokouspäivä").FillAsync("2026-11-16");
        await secretary.GetByLabel("Pykälä (§)").FillAsync("112");
        await secretary.GetByLabel("Linkki pöytäkirjaan").FillAsync("https://demo.example/poytakirjat/2026-11-16");
        await secretary.ScreenshotAsync(new() { Path = Shot("decision-form-fi.png"), FullPage = true });
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(secretary, "decision form"));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Kirjaa päätös ja lukitse versio" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".workflow-step-current")).ToContainTextAsync("Hyväksytty");
        await Assertions.Expect(secretary.GetByText("Hyväksytty versio 1, lukittu")).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Hallituksen päätös" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Valtuuston päätös" })).ToBeVisibleAsync();

        // The coordinator publishes: the PDFs are archived and the hash is shown next to each download.
        await coordinator.ReloadAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Julkaise" }).ClickAsync();
        await ConfirmWarningsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Julkaise ja arkistoi PDF" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".workflow-step-current")).ToContainTextAsync("Julkaistu", new() { Timeout = 60_000 });
        var hash = (await coordinator.Locator(".downloads li").First.Locator("code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        await coordinator.ScreenshotAsync(new() { Path = Shot("reading-view-published-fi.png"), FullPage = false });

        var download = await coordinator.RunAndWaitForDownloadAsync(() =>
            coordinator.GetByRole(AriaRole.Link, new() { Name = "Valtuustoasiakirja (PDF) – Suomeksi" }).ClickAsync());
        var path = await download.PathAsync();
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path!))));
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(coordinator, "published reading view"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
