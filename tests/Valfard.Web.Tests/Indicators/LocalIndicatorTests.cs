using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

public sealed partial class LocalIndicatorTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_coordinator_creates_an_own_indicator_and_values_are_entered_with_year_and_source()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var created = await coordinator.PostFormAsync("/indicators/local", "/indicators/local",
            ("titleFi", "Etsivän nuorisotyön tavoittamat nuoret"), ("titleSv", "Unga som det uppsökande ungdomsarbetet nått"),
            ("unit", "lukumäärä"), ("direction", "HigherIsBetter"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;

        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");
        foreach (var (year, value) in new[] { ("2023", "96"), ("2024", "104"), ("2025", "118,0") })
        {
            var html = await editor.GetHtmlAsync(page);
            var saved = await editor.Client.PostAsync($"{page}/values", Browser.Form(Browser.TokenIn(html),
                ("year", year), ("value", value), ("source", $"Nuorisopalveluiden vuositilasto {year}"), ("version", Version(html))));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var shown = await editor.GetHtmlAsync(page);
        Assert.Contains("Nuorisopalveluiden vuositilasto 2025", shown);
        Assert.Contains("Erik Editor", shown);
        // A count has an interval of its own; three years are too few for the trend test, and the page says so.
        Assert.Matches("95 %:n luottamusväli [0-9,]+–[0-9,]+", shown);
        Assert.Contains("Kehitystä ei laskettu: siihen tarvitaan luvut viideltä peräkkäiseltä vuodelta.", shown);
        Assert.Contains("data-chart=", shown);
        var values = await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Include(i => i.Values)
            .SingleAsync(i => i.TitleSv == "Unga som det uppsökande ungdomsarbetet nått"));
        Assert.Equal([96.0, 104.0, 118.0], values.Values.OrderBy(v => v.Year).Select(v => v.Value));
    }

    [Fact]
    public async Task A_value_without_a_source_or_number_is_refused_and_a_stale_form_is_not_saved()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var created = await coordinator.PostFormAsync("/indicators/local", "/indicators/local", ("titleFi", "Kirjaston lainat"), ("direction", "Neutral"));
        var page = created.Headers.Location!.OriginalString;
        var html = await coordinator.GetHtmlAsync(page);
        var token = Browser.TokenIn(html);
        var version = Version(html);

        await coordinator.Client.PostAsync($"{page}/values", Browser.Form(token, ("year", "2024"), ("value", "12"), ("source", " "), ("version", version)));
        Assert.Contains("Give the source of the value.", await coordinator.GetHtmlAsync(page));
        await coordinator.Client.PostAsync($"{page}/values", Browser.Form(token, ("year", "2024"), ("value", "many"), ("source", "Kirjasto"), ("version", version)));
        Assert.Contains("The value must be a number", await coordinator.GetHtmlAsync(page));

        await coordinator.Client.PostAsync($"{page}/values", Browser.Form(token, ("year", "2024"), ("value", "12"), ("source", "Kirjasto"), ("version", version)));
        await coordinator.Client.PostAsync($"{page}/values", Browser.Form(token, ("year", "2025"), ("value", "13"), ("source", "Kirjasto"), ("version", version)));
        Assert.Contains("Someone else saved a change", await coordinator.GetHtmlAsync(page));
        Assert.Equal(1, await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(i => i.TitleFi == "Kirjaston lainat").SelectMany(i => i.Values).CountAsync()));
    }

    [Fact]
    public async Task Removing_a_value_renews_the_indicators_version_so_a_form_opened_before_it_is_stale()
    {
        using var editor = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var created = await editor.PostFormAsync("/indicators/local", "/indicators/local", ("titleFi", "Uimahallin käynnit"), ("direction", "Neutral"));
        var page = created.Headers.Location!.OriginalString;
        var html = await editor.GetHtmlAsync(page);
        await editor.Client.PostAsync($"{page}/values", Browser.Form(Browser.TokenIn(html), ("year", "2024"), ("value", "5"), ("source", "Kassa"), ("version", Version(html))));
        var before = await editor.GetHtmlAsync(page);

        var removed = await editor.PostFormAsync(page, $"{page}/values/2024/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("The value has been removed.", await editor.GetHtmlAsync(page));

        await editor.Client.PostAsync($"{page}/values", Browser.Form(Browser.TokenIn(before), ("year", "2025"), ("value", "6"), ("source", "Kassa"), ("version", Version(before))));
        Assert.Contains("Someone else saved a change", await editor.GetHtmlAsync(page));
        Assert.Equal(0, await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(i => i.TitleFi == "Uimahallin käynnit").SelectMany(i => i.Values).CountAsync()));
    }

    [Fact]
    public async Task Another_organisation_cannot_see_or_change_an_own_indicator()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var created = await coordinator.PostFormAsync("/indicators/local", "/indicators/local", ("titleFi", "Paikallinen kysely"), ("direction", "Neutral"));
        var page = created.Headers.Location!.OriginalString;
        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("Paikallinen kysely", await stranger.GetHtmlAsync("/indicators/local"));
        var token = await stranger.TokenFromAsync("/indicators/local");
        var post = await stranger.Client.PostAsync($"{page}/values", Browser.Form(token, ("year", "2024"), ("value", "1"), ("source", "x"), ("version", Guid.Empty.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();

    public void Dispose() => _factory.Dispose();
}
