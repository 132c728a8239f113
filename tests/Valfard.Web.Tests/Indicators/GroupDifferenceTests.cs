using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// Differences between groups (issue 15 §4, docs/decisions/0023-differences-between-groups.md): districts for own
/// indicators compared with the whole municipality, age groups on the indicator page, and the overview's groups view.
/// </summary>
public sealed partial class GroupDifferenceTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_coordinator_keeps_the_districts_and_removing_one_with_values_is_confirmed_first()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var added = await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Kirkonkylä"), ("nameSv", "Kyrkbyn"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var taken = await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "kirkonkylä"), ("nameSv", ""));
        Assert.Contains("Samanniminen osa-alue on jo olemassa.", await taken.Content.ReadAsStringAsync());
        var empty = await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", " "), ("nameSv", ""));
        Assert.Contains("Anna osa-alueelle nimi suomeksi tai ruotsiksi.", await empty.Content.ReadAsStringAsync());

        var district = await DistrictAsync("Kirkonkylä");
        var renamed = await coordinator.PostFormAsync("/indicators/districts", $"/indicators/districts/{district.Id}",
            ("nameFi", "Kirkonkylä"), ("nameSv", "Kyrkbyn centrum"), ("version", district.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using var swedish = await Browser.SignedInAsync(_factory, "editor@demo.test", "sv");
        Assert.Contains("Kyrkbyn centrum", await swedish.GetHtmlAsync("/indicators/districts"));
        // An editor reads the list but cannot change it.
        var refused = await swedish.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Uusi"));
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var page = await CreateLocalAsync(coordinator, "Koulukyselyn kiusatut", "%", "LowerIsBetter");
        await RecordAsync(coordinator, page, "2025", district.Id.ToString(), "20", "10", "50");
        var confirm = await coordinator.GetHtmlAsync($"/indicators/districts/{district.Id}/remove");
        Assert.Contains("Osa-alueelle kirjatut luvut (1 kpl) poistetaan sen mukana.", confirm);

        var removed = await coordinator.Client.PostAsync($"/indicators/districts/{district.Id}/remove",
            Browser.Form(Browser.TokenIn(confirm), ("version", Version(confirm))));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Districts.IgnoreQueryFilters().CountAsync(d => d.NameFi == "Kirkonkylä")));
        Assert.Equal(0, await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().SelectMany(i => i.Values).CountAsync(v => v.DistrictId == district.Id)));
        Assert.Contains(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().Select(a => a.Action).ToListAsync()), a => a == "DistrictRemoved");
    }

    [Fact]
    public async Task A_value_entered_for_a_district_is_compared_with_the_whole_municipality_with_its_interval()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Pohjoinen"), ("nameSv", "Norra"));
        await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Etelä"), ("nameSv", "Södra"));
        await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Itä"), ("nameSv", "Östra"));
        var north = await DistrictAsync("Pohjoinen");
        var south = await DistrictAsync("Etelä");
        var page = await CreateLocalAsync(coordinator, "Liikuntaa liian vähän harrastavat", "%", "LowerIsBetter");

        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");
        await RecordAsync(editor, page, "2025", "", "40", "400", "1 000");
        // Newcombe (1998): 81 of 263 has the Wilson 95 % interval 25.53–36.62 %, below the municipality's 40 %.
        await RecordAsync(editor, page, "2025", north.Id.ToString(), "30,8", "81", "263");
        // No count: shown, not compared.
        await RecordAsync(editor, page, "2025", south.Id.ToString(), "45", "", "");

        var html = await editor.GetHtmlAsync(page);
        Assert.Contains("Osa-alueittain", html);
        Assert.Contains("Pohjoinen", html);
        Assert.Contains("95 %:n luottamusväli 25,5–36,6", html);
        Assert.Matches("verdict-better\">\\s*<span class=\"verdict-symbol\" aria-hidden=\"true\">✔</span>\\s*<span>Parempi kuin koko kunta</span>", html);
        Assert.Contains("Ei verrattu: luvun yhteydessä ei ole kirjattu tapausten määrää", html);
        Assert.Contains("<span>Ei lukua</span>", html);
        var values = await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(i => i.TitleFi == "Liikuntaa liian vähän harrastavat")
            .SelectMany(i => i.Values).ToListAsync());
        Assert.Equal(3, values.Count);
        Assert.Equal(1000, values.Single(v => v.DistrictId is null).Denominator);

        using var swedish = await Browser.SignedInAsync(_factory, "editor@demo.test", "sv");
        var sv = await swedish.GetHtmlAsync(page);
        Assert.Contains("Enligt delområde", sv);
        Assert.Contains("Bättre än hela kommunen", sv);
        Assert.Contains("Norra", sv);

        // Entering the same year and area again replaces the value; removing it takes only that area's row.
        await RecordAsync(editor, page, "2025", north.Id.ToString(), "31,0", "82", "263");
        html = await editor.GetHtmlAsync(page);
        var removed = await editor.Client.PostAsync($"{page}/values/2025/remove?district={north.Id}", Browser.Form(Browser.TokenIn(html)));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(i => i.TitleFi == "Liikuntaa liian vähän harrastavat")
            .SelectMany(i => i.Values).CountAsync()));
    }

    [Fact]
    public async Task Districts_are_the_organisations_own_and_another_organisations_district_cannot_be_used()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Salainen kylä"), ("nameSv", "Hemliga byn"));
        var district = await DistrictAsync("Salainen kylä");
        var foreign = Guid.NewGuid();
        await _factory.QueryAsync(async db =>
        {
            db.LocalIndicators.Add(new LocalIndicator(foreign, DemoSeeder.EsimerkkilaId, "Esimerkkilän kysely", string.Empty, "%", IndicatorDirection.Neutral));
            return await db.SaveChangesAsync();
        });

        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "fi");
        Assert.DoesNotContain("Salainen kylä", await stranger.GetHtmlAsync("/indicators/districts"));
        var own = await stranger.GetHtmlAsync($"/indicators/local/{foreign}");
        Assert.DoesNotContain("Salainen kylä", own);
        await stranger.Client.PostAsync($"/indicators/local/{foreign}/values", Browser.Form(Browser.TokenIn(own),
            ("year", "2025"), ("district", district.Id.ToString()), ("value", "5"), ("source", "Kysely"), ("version", Version(own))));
        Assert.Contains("Valitse jokin organisaationne osa-alueista.", await stranger.GetHtmlAsync($"/indicators/local/{foreign}"));
        Assert.Equal(0, await _factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(i => i.Id == foreign).SelectMany(i => i.Values).CountAsync()));
        // The demo coordinator's district is untouched and still counted as the demo's.
        Assert.Equal(DemoSeeder.DemokommunId, (await DistrictAsync("Salainen kylä")).OrganisationId);
    }

    [Fact]
    public async Task The_indicator_page_shows_the_age_groups_sotkanet_publishes_as_separate_indicators()
    {
        var regionId = await SeedAgeGroupsAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");

        var html = await editor.GetHtmlAsync("/indicators/95402");

        Assert.Contains("Ikäryhmittäin", html);
        Assert.Contains("1–4-vuotiaat", html);
        Assert.Contains("1–17-vuotiaat", html);
        Assert.Contains("Kaikki ikäryhmät yhdessä: muita verrataan tähän", html);
        // 10–14: 60 deaths of 30,000 = 200 per 100,000, far above the whole's 100.
        Assert.Matches("<span>Huonompi kuin kokonaisuus</span>", html);
        Assert.Contains("Samaa tasoa kuin kokonaisuus", html);
        Assert.Contains("href=\"/indicators/95401\"", html);
        Assert.True(regionId > 0);

        using var swedish = await Browser.SignedInAsync(_factory, "editor@demo.test", "sv");
        var sv = await swedish.GetHtmlAsync("/indicators/95402");
        Assert.Contains("Enligt åldersgrupp", sv);
        Assert.Contains("Sämre än helheten", sv);
    }

    [Fact]
    public async Task The_overview_switches_to_differences_between_groups_and_its_download_follows()
    {
        await SeedAgeGroupsAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var set = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members)
            .FirstAsync(s => s.OrganisationId == DemoSeeder.DemokommunId));
        await _factory.QueryAsync(async db =>
        {
            var tracked = await db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members).FirstAsync(s => s.Id == set.Id);
            tracked.Add(95402);
            return await db.SaveChangesAsync();
        });
        await coordinator.PostFormAsync("/indicators/districts", "/indicators/districts", ("nameFi", "Länsi"), ("nameSv", "Västra"));
        var west = await DistrictAsync("Länsi");
        var page = await CreateLocalAsync(coordinator, "Nuorisotalon kävijät", "%", "HigherIsBetter");
        await RecordAsync(coordinator, page, "2025", "", "40", "400", "1000");
        await RecordAsync(coordinator, page, "2025", west.Id.ToString(), "30,8", "81", "263");

        var html = await coordinator.GetHtmlAsync($"/indicators/overview?set={set.Id}&view=groups&sort=age");

        Assert.Contains("aria-current=\"page\"", html);
        Assert.Contains("Väestöryhmien väliset erot", html);
        Assert.Contains("Naiset ja miehet", html);
        // 15–17 at 300 lies furthest from the whole's 100.
        Assert.Matches("Kauimpana: 15–17-vuotiaat\\.</span>\\s*<span>Huonompi kuin kokonaisuus</span>", html);
        Assert.Contains("Omat indikaattorit osa-alueittain", html);
        Assert.Contains("Huonompi kuin koko kunta", html);
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/indicators/overview?set=", html);
        Assert.DoesNotContain("<svg class=\"spine\"", html);
        Assert.DoesNotContain("{0}", html);
        // Sorted by the age groups, the indicator with an age group worse than the whole comes first.
        var first = Regex.Match(html, "<th scope=\"row\" class=\"fw-normal\"><a href=\"/indicators/(\\d+)\"").Groups[1].Value;
        Assert.Equal("95402", first);

        var csv = Encoding.UTF8.GetString(await coordinator.Client.GetByteArrayAsync($"/indicators/overview/csv?set={set.Id}&view=groups")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', OverviewService.GroupExportColumns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("age;95403;", StringComparison.Ordinal) && l.EndsWith(";Worse", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("district;", StringComparison.Ordinal) && l.Contains(";Länsi;2025;30.8;", StringComparison.Ordinal)
            && l.EndsWith(";Worse", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("gender;", StringComparison.Ordinal));
        var xlsx = await coordinator.Client.GetAsync($"/indicators/overview/xlsx?set={set.Id}&view=groups");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(lines.Length, workbook.Worksheets.First().RowsUsed().Count());
        Assert.Equal("kind", workbook.Worksheets.First().Cell(1, 1).GetString());
    }

    /// <summary>
    /// Child mortality as Sotkanet publishes it (titles of indicators 390 and 400–403), under test ids, with values for
    /// Demokunta: the whole 1–17 at 100 per 100,000 and its groups around it.
    /// </summary>
    private async Task<int> SeedAgeGroupsAsync() => await _factory.QueryAsync(async db =>
    {
        var organisation = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Id == DemoSeeder.DemokommunId);
        var region = await db.Regions.SingleAsync(r => r.Category == Region.Municipality && r.Code == organisation.OfficialCode);
        if (await db.Indicators.AnyAsync(i => i.Id == 95390))
        {
            return region.Id;
        }
        var unit = new LocalizedText("/ 100 000 vastaavanikäistä", "/ 100 000 i samma ålder", "per 100 000");
        (int Id, string Ages, string AgesSv, double Value, double Deaths)[] groups =
        [
            (95390, "1 - 17", "1-17", 100, 150), (95400, "1 - 4", "1-4", 90, 18), (95401, "5 - 9", "5-9", 95, 19),
            (95402, "10 - 14", "10-14", 200, 60), (95403, "15 - 17", "15-17", 300, 45),
        ];
        foreach (var (id, ages, agesSv, value, deaths) in groups)
        {
            var indicator = new Indicator(id)
            {
                Title = new LocalizedText($"Kuolleisuus {ages}-vuotiailla / 100 000 vastaavanikäistä", $"Dödlighet bland {agesSv}-åringar / 100 000 i samma ålder",
                    string.Empty),
                UnitCode = "PER100000",
                Unit = unit,
                SourceOrganisationId = 3,
                HasFullMetadata = true,
            };
            indicator.ChangeDirection(IndicatorDirection.LowerIsBetter);
            db.Indicators.Add(indicator);
            db.IndicatorValues.Add(new IndicatorValue(id, region.Id, 2024, Gender.Total, value, deaths));
        }
        await db.SaveChangesAsync();
        return region.Id;
    });

    private Task<District> DistrictAsync(string nameFi) =>
        _factory.QueryAsync(db => db.Districts.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.NameFi == nameFi));

    private static async Task<string> CreateLocalAsync(Browser coordinator, string title, string unit, string direction)
    {
        var created = await coordinator.PostFormAsync("/indicators/local", "/indicators/local", ("titleFi", title), ("titleSv", string.Empty),
            ("unit", unit), ("direction", direction));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    private static async Task RecordAsync(Browser browser, string page, string year, string district, string value, string count, string denominator)
    {
        var html = await browser.GetHtmlAsync(page);
        var saved = await browser.Client.PostAsync($"{page}/values", Browser.Form(Browser.TokenIn(html), ("year", year), ("district", district),
            ("value", value), ("count", count), ("denominator", denominator), ("source", $"Kouluterveyskysely {year}"), ("version", Version(html))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("alert-danger", await browser.GetHtmlAsync(page));
    }

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();

    public void Dispose() => _factory.Dispose();
}
