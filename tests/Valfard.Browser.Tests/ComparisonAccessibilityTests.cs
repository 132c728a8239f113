using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Valfard.Domain.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>The pages that judge the numbers (indicator page, overview, comparison municipalities) meet WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparisonAccessibilityTests(AppFixture app)
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_indicator_page_the_overview_and_the_peers_page_have_no_wcag_a_or_aa_violations(string language)
    {
        var page = await app.SignInAsync("coordinator@demo.test", language);

        var problems = new List<string>();
        foreach (var url in new[] { "/indicators/90005", "/indicators/overview", "/indicators/overview?sort=country", "/indicators/peers" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, url));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Opened, the explanation is part of the page and must be readable too.
        await page.GotoAsync("/indicators/90005");
        await page.Locator("details.analysis-help summary").ClickAsync();
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, "/indicators/90005 (explanation open)"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/indicators/overview");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"overview-{language}-{width}.png"), FullPage = true });
            await page.GotoAsync("/indicators/90005");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"indicator-analysis-{language}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_concern_proposed_from_an_indicator_page_shows_its_saved_evidence_accessibly(string language)
    {
        var page = await app.SignInAsync("coordinator@demo.test", language);
        var problems = new List<string>();

        // From the indicator page, through the accept form, to the joys and concerns page with the evidence.
        await page.GotoAsync("/indicators/90005");
        await page.Locator("#propose button[value=Concern]").ClickAsync();
        await page.WaitForURLAsync("**/observations/accept**");
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, "accept form"));
        await page.Locator("#LifeStage").SelectOptionAsync("Youth");
        await page.Locator("section[aria-labelledby=accept-heading] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/observations");

        Assert.True(await page.Locator(".evidence-item").CountAsync() > 0, "The accepted concern shows no evidence");
        Assert.True(await page.Locator(".evidence-support").First.IsVisibleAsync());
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, page.Url));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"observations-evidence-{language}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_differences_between_groups_districts_and_age_groups_have_no_wcag_a_or_aa_violations(string language)
    {
        var (localId, districtId) = await SeedGroupsAsync();
        var page = await app.SignInAsync("coordinator@demo.test", language);

        var problems = new List<string>();
        foreach (var url in new[] { "/indicators/overview?view=groups", "/indicators/overview?view=groups&sort=age", "/indicators/districts",
                     $"/indicators/districts/{districtId}/remove", $"/indicators/local/{localId}", "/indicators/91402" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, url));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await Assertions.Expect(page.Locator("#age-groups-heading")).ToBeVisibleAsync();

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var (url, name) in new[] { ("/indicators/overview?view=groups", "overview-groups"), ($"/indicators/local/{localId}", "local-districts"),
                         ("/indicators/91402", "indicator-age-groups"), ("/indicators/districts", "districts") })
            {
                await page.GotoAsync(url);
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"{name}-{language}-{width}.png"), FullPage = true });
            }
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>
    /// A district with a share entered for it and the whole municipality, and child mortality by age group as Sotkanet
    /// titles it (indicators 390, 400–403) under test ids, with values for Demokunta. Once per app.
    /// </summary>
    private async Task<(Guid LocalId, Guid DistrictId)> SeedGroupsAsync() => await app.Factory.QueryAsync(async db =>
    {
        if (await db.Districts.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.NameFi == "Kirkonkylä") is { } existing)
        {
            var local = await db.LocalIndicators.IgnoreQueryFilters().FirstAsync(i => i.TitleFi == "Liikuntaa liian vähän harrastavat");
            return (local.Id, existing.Id);
        }
        var coordinator = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "coordinator@demo.test");
        var district = new District(Guid.NewGuid(), DemoSeeder.DemokommunId, "Kirkonkylä", "Kyrkbyn");
        var other = new District(Guid.NewGuid(), DemoSeeder.DemokommunId, "Rantakylä", "Strandbyn");
        var indicator = new LocalIndicator(Guid.NewGuid(), DemoSeeder.DemokommunId, "Liikuntaa liian vähän harrastavat", "Motionerar för lite", "%",
            IndicatorDirection.LowerIsBetter);
        var now = DateTimeOffset.UtcNow;
        indicator.Record(2025, null, 40, 400, 1000, "Kouluterveyskysely 2025", coordinator.Id, now);
        indicator.Record(2025, district.Id, 30.8, 81, 263, "Kouluterveyskysely 2025", coordinator.Id, now);
        indicator.Record(2025, other.Id, 44, null, null, "Kouluterveyskysely 2025", coordinator.Id, now);
        db.Districts.AddRange(district, other);
        db.LocalIndicators.Add(indicator);

        var organisation = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Id == DemoSeeder.DemokommunId);
        var region = await db.Regions.SingleAsync(r => r.Category == Region.Municipality && r.Code == organisation.OfficialCode);
        foreach (var (id, ages, agesSv, value, deaths) in new[]
                 {
                     (91390, "1 - 17", "1-17", 100.0, 150.0), (91400, "1 - 4", "1-4", 90, 18), (91401, "5 - 9", "5-9", 95, 19),
                     (91402, "10 - 14", "10-14", 200, 60), (91403, "15 - 17", "15-17", 300, 45),
                 })
        {
            var sibling = new Indicator(id)
            {
                Title = new LocalizedText($"Kuolleisuus {ages}-vuotiailla / 100 000 vastaavanikäistä", $"Dödlighet bland {agesSv}-åringar / 100 000 i samma ålder", string.Empty),
                UnitCode = "PER100000",
                Unit = new LocalizedText("/ 100 000 vastaavanikäistä", "/ 100 000 i samma ålder", "per 100 000"),
                SourceOrganisationId = 3,
                HasFullMetadata = true,
            };
            sibling.ChangeDirection(IndicatorDirection.LowerIsBetter);
            db.Indicators.Add(sibling);
            db.IndicatorValues.Add(new IndicatorValue(id, region.Id, 2024, Gender.Total, value, deaths));
        }
        var set = await db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members).Where(s => s.OrganisationId == DemoSeeder.DemokommunId)
            .OrderBy(s => s.Name).FirstAsync();
        set.Add(91402);
        await db.SaveChangesAsync();
        return (indicator.Id, district.Id);
    });
}
