using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>An impact assessment in advance from start to published, with axe on every page it passes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentJourneyTests(AppFixture app)
{
    private static string Shot(string name) => Path.Combine(AppFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task An_editor_starts_an_assessment_assesses_every_area_completes_and_publishes_it_on_accessible_pages()
    {
        var page = await app.SignInAsync("editor@demo.test", "fi");
        var problems = new List<string>();
        async Task Check(string name) => problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, name));

        await page.GetByRole(AriaRole.Link, new() { Name = "Ennakkoarvioinnit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ennakkovaikutusten arvioinnit");
        await Check("register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aloita arviointi" }).ClickAsync();
        await Check("start");
        await page.GetByLabel("Päätös", new() { Exact = true }).FillAsync("Nuorisotilan siirto kirjastoon");
        await page.GetByLabel("Valmisteleva toimielin").FillAsync("Vapaa-aikalautakunta");
        await page.GetByLabel("Vaihtoehto, jota verrataan nollavaihtoehtoon").FillAsync("Nuorisotila siirtyy kirjaston yläkertaan");
        await page.GetByLabel("Lapsivaikutusten arviointi").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Arviointi aloitettiin.");
        await Check("assessment");
        var address = page.Url;

        // Six areas for two alternatives: each cell of the summary table leads to its form until none is left.
        for (var i = 0; i < 12; i++)
        {
            await page.Locator("table.summary-table a", new() { HasTextString = "Arvioi" }).First.ClickAsync();
            if (i == 0)
            {
                await Check("impact");
                await page.GetByLabel("Myönteinen").CheckAsync();
                await page.GetByLabel("Vaikutuksen suuruus").SelectOptionAsync("Moderate");
                await page.GetByLabel("Arvion varmuus").SelectOptionAsync("High");
                await page.GetByLabel("Nuoret", new() { Exact = true }).CheckAsync();
                await page.GetByLabel("Perustelut ja tietolähteet").FillAsync("Nuorisovaltuuston kysely 2026.");
            }
            else
            {
                await page.GetByLabel("Ei vaikutusta").CheckAsync();
            }
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Tallennettu.");
        }
        await Assertions.Expect(page.Locator("table.summary-table a", new() { HasTextString = "Arvioi" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjoita johtopäätös" }).ClickAsync();
        await Check("conclusion");
        await page.GetByLabel("Valmistelijan johtopäätös").FillAsync("Siirto lisää nuorten kohtaamispaikkoja kirjaston aukioloaikoina.");
        await page.GetByLabel("Kyllä").CheckAsync();
        await page.GetByLabel("Miten heitä kuultiin").FillAsync("Nuorisovaltuusto ja nuorisotilan kävijät kuultiin kyselyllä.");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Tallennettu.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kaikki tarvittava on täytetty.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Merkitse valmiiksi" }).ClickAsync();
        await Check("confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse valmiiksi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Arviointi on valmis.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Julkaise" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Julkaise" }).ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Arviointi on julkisilla sivuilla.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Julkinen");
        await page.ScreenshotAsync(new() { Path = Shot("assessment-published-fi.png"), FullPage = true });

        // The proposal text is visible and the button says in words what happened.
        await Assertions.Expect(page.Locator("#proposal-text")).ToContainTextAsync("+ Elinympäristö: Myönteinen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kopioi teksti" }).ClickAsync();
        await Assertions.Expect(page.Locator("#proposal-copied")).Not.ToBeEmptyAsync();

        await page.GotoAsync(address + "/print?lang=sv");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Check("print-sv");

        var coordinator = await app.SignInAsync("coordinator@demo.test", "sv");
        await coordinator.GotoAsync("/assessments/areas");
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(coordinator, "areas-sv"));
        await coordinator.GotoAsync("/assessments");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Kouluverkon muutos: Mäkelän ja Kirkonkylän koulujen yhdistäminen" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Beslutat");
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(coordinator, "decided-sv"));
        await coordinator.ScreenshotAsync(new() { Path = Shot("assessment-decided-sv.png"), FullPage = true });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Issue 19 §5: residents read assessments on the public site's own pages, which pass axe and fit a phone.</summary>
    [Fact]
    public async Task The_public_assessment_pages_are_public_site_pages_without_axe_violations_that_fit_390_pixels()
    {
        var problems = new List<string>();
        foreach (var (language, locale) in new[] { ("fi", "fi-FI"), ("sv", "sv-FI") })
        {
            var page = await app.NewPageAsync(locale);
            await page.GotoAsync($"/{language}/demo/assessments");
            await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("public-site");
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, $"public list {language}"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Kouluverkon muutos: Mäkelän ja Kirkonkylän koulujen yhdistäminen" }).ClickAsync();
            await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("public-site");
            await Assertions.Expect(page.Locator("a.skip-link")).ToHaveCountAsync(1);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, $"public assessment {language}"));

            // The summary table scrolls in its own region, which the keyboard reaches.
            var region = page.Locator("div[role=region]:has(table.summary-table)");
            await Assertions.Expect(region).ToHaveAttributeAsync("tabindex", "0");
            await region.FocusAsync();
            Assert.True(await region.EvaluateAsync<bool>("e => document.activeElement === e"));
            await page.ScreenshotAsync(new() { Path = Shot($"assessment-public-{language}.png"), FullPage = true });

            await page.SetViewportSizeAsync(390, 844);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"the public assessment scrolls sideways at 390 px ({language})");
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, $"public assessment {language} 390"));
            await page.ScreenshotAsync(new() { Path = Shot($"assessment-public-{language}-390.png"), FullPage = true });
            await page.GotoAsync($"/{language}/demo/assessments");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"the public assessment list scrolls sideways at 390 px ({language})");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Issue 19 §4 (areas): the coordinator reorders the areas with buttons from the keyboard, no dragging.</summary>
    [Fact]
    public async Task The_coordinator_moves_an_area_down_and_back_up_from_the_keyboard()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "fi");
        await page.GotoAsync("/assessments/areas");
        var rows = page.Locator("main tbody tr");
        var first = await rows.First.Locator("td").First.InnerTextAsync();

        await rows.First.Locator("button", new() { HasTextString = "Alas" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Osa-alueiden järjestys on muutettu.");
        await Assertions.Expect(rows.Nth(1).Locator("td").First).ToHaveTextAsync(first);
        problems(await AuthoringAccessibilityTests.ViolationsAsync(page, "areas moved"));

        await rows.Nth(1).Locator("button", new() { HasTextString = "Ylös" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync(first);

        static void problems(IEnumerable<string> found) => Assert.True(!found.Any(), string.Join("\n", found));
    }
}
