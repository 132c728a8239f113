using Microsoft.Playwright;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>A coordinator finds an indicator by its name, adds it to a set in one click and opens its chart.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_finds_an_indicator_by_name_adds_it_to_a_set_and_sees_its_chart()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "fi");
        var setName = $"Perheiden seuranta {Guid.NewGuid():N}"[..26];
        await page.GotoAsync("/indicators/sets");
        await page.GetByLabel("Uusi oma kokonaisuus").FillAsync(setName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = setName })).ToBeVisibleAsync();

        // By keyboard: the search field is the catalogue's labelled search landmark, Enter searches.
        await page.GotoAsync("/indicators");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Indikaattorihaku" }).GetByLabel("Hae indikaattoreita nimellä tai numerolla");
        await search.FillAsync("lapsiperheet kotitalouksista");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("Haulla ”lapsiperheet kotitalouksista” löytyi 1 indikaattori.");
        var result = page.Locator("li.catalogue-result").Filter(new() { HasText = "Lapsiperheet, % kotitalouksista" });
        await Assertions.Expect(result).ToContainTextAsync("Arvot tallennettu");

        await result.GetByLabel("Kokonaisuus, johon ”Lapsiperheet, % kotitalouksista” lisätään").SelectOptionAsync(new SelectOptionValue { Label = setName });
        await result.GetByRole(AriaRole.Button, new() { Name = "Lisää ”Lapsiperheet, % kotitalouksista” valittuun kokonaisuuteen" }).ClickAsync();

        var notice = page.Locator("#added-indicator");
        await Assertions.Expect(notice).ToContainTextAsync($"”Lapsiperheet, % kotitalouksista” lisättiin kokonaisuuteen ”{setName}”.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "catalogue-added-fi.png"), FullPage = true });
        // The set just used is offered first from now on.
        var select = page.Locator("li.catalogue-result select").First;
        var chosen = await select.Locator("option", new() { HasText = setName }).GetAttributeAsync("value");
        await Assertions.Expect(select).ToHaveValueAsync(chosen!);
        await page.GotoAsync("/indicators/sets");
        await Assertions.Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = setName }) }))
            .ToContainTextAsync("Lapsiperheet, % kotitalouksista");

        await page.GotoAsync("/indicators?search=lapsiperheet+kotitalouksista");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lapsiperheet, % kotitalouksista", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lapsiperheet, % kotitalouksista");
        var chart = page.Locator("canvas[id^='indicator-chart-']").First;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // Chart.js has drawn: the canvas holds pixels that are not blank.
        Assert.True(await chart.EvaluateAsync<bool>("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return d.some(v => v !== 0); }"));
    }

    [Fact]
    public async Task A_writer_finds_an_indicator_for_a_section_by_name_in_the_section_editor()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "sv");
        var section = await app.Factory.DemoSectionAsync("Työikäiset");
        await page.GotoAsync($"/reports/{section.ReportId}/sections/{section.Id}");

        var find = page.GetByLabel("Eller sök vilken indikator som helst i katalogen");
        await find.FillAsync("ensamförsörjarfamiljer");
        await find.PressAsync("Enter");
        var results = page.Locator("#indicator-results");
        await Assertions.Expect(results).ToContainTextAsync("Sökningen ”ensamförsörjarfamiljer” gav 1 träff.");
        var violations = await AuthoringAccessibilityTests.ViolationsAsync(page, "section editor with catalogue results");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "section-indicator-search-sv.png"), FullPage = true });
        await results.GetByRole(AriaRole.Button, new() { Name = "Lägg till ”Ensamförsörjarfamiljer, % av barnfamiljerna” i detta avsnitt" }).ClickAsync();

        await Assertions.Expect(page.Locator("#added-indicator")).ToContainTextAsync("”Ensamförsörjarfamiljer, % av barnfamiljerna” lades till i avsnittet.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ensamförsörjarfamiljer, % av barnfamiljerna", Level = 3 })).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_catalogue_has_no_wcag_a_or_aa_violations_and_works_at_390_pixels()
    {
        var problems = new List<string>();
        foreach (var language in new[] { "fi", "sv" })
        {
            var page = await app.SignInAsync("coordinator@demo.test", language);
            var words = language == "fi" ? "väestöstä" : "befolkningen";
            foreach (var url in new[] { "/indicators", $"/indicators?search={Uri.EscapeDataString(words)}", "/indicators?search=qwxz" })
            {
                await page.GotoAsync(url);
                problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, $"{language} {url}"));
            }
            await page.GotoAsync($"/indicators?search={Uri.EscapeDataString(words)}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"catalogue-search-{language}.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
            // Nothing sticks out sideways on a phone.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"the catalogue scrolls sideways at 390 px ({language})");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"catalogue-search-{language}-390.png"), FullPage = true });
            await page.GotoAsync("/indicators?search=qwxz");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"catalogue-no-results-{language}-390.png"), FullPage = true });
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
