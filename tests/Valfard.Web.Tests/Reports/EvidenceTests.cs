using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Documents;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Reports;

/// <summary>
/// Joys and concerns from evidence (issue 15 §5): candidates from the organisation's sets, accept with evidence as of
/// the day, reject until newer data, the saved evidence against a data change, the snapshot and tenant isolation.
/// Each test has its own database, because the tests rewrite indicator values.
/// </summary>
public sealed class EvidenceTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Makes one of the demo organisation's set indicators a clear concern: lower is better, the own municipality at
    /// 20, 24, 28, 32, 36 (with numerators: 1,000 to 1,800 events) for 2019–2023 against 15 in the county and the
    /// whole country. The other years of these three regions are removed so 2023 is the latest.
    /// </summary>
    private async Task<int> MakeConcernAsync(int skip = 0)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var ids = await db.IndicatorSets.IgnoreQueryFilters().Where(s => s.OrganisationId == DemoSeeder.DemokommunId)
            .SelectMany(s => s.Members.Select(m => m.IndicatorId)).Distinct().ToListAsync();
        var indicators = await db.Indicators.Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync();
        var indicator = indicators.Where(i => ValueScale.For(i).Kind is ValueKind.Proportion or ValueKind.CrudeRate).Skip(skip).First();
        var (own, county, country) = await RegionsAsync(db);
        await db.Database.ExecuteSqlAsync($"UPDATE Indicators SET Direction = 'LowerIsBetter' WHERE Id = {indicator.Id}");
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM IndicatorValues WHERE IndicatorId = {indicator.Id} AND RegionId IN ({own}, {county}, {country})");
        for (var i = 0; i < 5; i++)
        {
            await SetValueAsync(db, indicator.Id, own, 2019 + i, 20 + (4 * i));
            await SetValueAsync(db, indicator.Id, county, 2019 + i, 15);
            await SetValueAsync(db, indicator.Id, country, 2019 + i, 15);
        }
        return indicator.Id;
    }

    private static async Task<(int Own, int County, int Country)> RegionsAsync(ValfardDbContext db)
    {
        var organisation = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == DemoSeeder.DemokommunId);
        var regions = await db.Regions.ToListAsync();
        var own = regions.First(r => r.Category == Region.Municipality && r.Code == organisation.OfficialCode);
        var county = regions.First(r => r.Category == Region.County && own.MemberOfIds().Contains(r.Id));
        var country = regions.Where(r => r.Category == Region.Country).OrderBy(r => r.Id).First();
        return (own.Id, county.Id, country.Id);
    }

    /// <summary>Writes a total value with a numerator of value × 50 (a denominator of 50 × the unit's multiplier).</summary>
    private static async Task SetValueAsync(ValfardDbContext db, int indicatorId, int regionId, int year, double value)
    {
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM IndicatorValues WHERE IndicatorId = {indicatorId} AND RegionId = {regionId} AND Year = {year} AND Gender = 0");
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO IndicatorValues (IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES ({indicatorId}, {regionId}, {year}, 0, {value}, {value * 50})");
    }

    private async Task<Guid> ReportIdAsync() => (await _factory.DemoReportAsync()).Id;

    private static async Task<HttpResponseMessage> AcceptAsync(Browser browser, Guid reportId, int indicatorId) =>
        await browser.PostFormAsync($"/reports/{reportId}/observations/accept?indicator={indicatorId}&kind=Concern",
            $"/reports/{reportId}/observations/accept",
            ("IndicatorId", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Kind", "Concern"), ("LifeStage", "Youth"),
            ("TextFi", "Nuorten huoli kasvaa"), ("TextSv", "Ungas oro ökar"));

    [Fact]
    public async Task Accepting_a_candidate_saves_the_observation_with_its_evidence_which_stays_when_the_data_change()
    {
        var indicatorId = await MakeConcernAsync();
        var reportId = await ReportIdAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var setId = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters()
            .Where(x => x.OrganisationId == DemoSeeder.DemokommunId && x.Members.Any(m => m.IndicatorId == indicatorId)).Select(x => x.Id).FirstAsync());
        var overview = await coordinator.GetHtmlAsync($"/indicators/overview?set={setId}");
        Assert.Contains("Ehdotetut ilon ja huolen aiheet", overview);
        Assert.Contains($"href=\"/indicators/{indicatorId}#propose\"", overview);
        var before = await coordinator.GetHtmlAsync($"/reports/{reportId}/observations");
        Assert.Contains($"observations/accept?indicator={indicatorId}&amp;kind=Concern", before);
        var form = await coordinator.GetHtmlAsync($"/reports/{reportId}/observations/accept?indicator={indicatorId}&kind=Concern");
        Assert.Contains("huonompi kuin", form);
        Assert.Contains("kehitys heikentynyt vuosina 2019–2023", form);
        Assert.Contains("sämre än", form);

        var accepted = await AcceptAsync(coordinator, reportId, indicatorId);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var observation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().Include(o => o.Indicators)
            .SingleAsync(o => o.ReportId == reportId && o.TextFi == "Nuorten huoli kasvaa"));
        var evidence = Assert.Single(observation.Indicators);
        Assert.Equal((ObservationKind.Concern, LifeStage.Youth), (observation.Kind, observation.LifeStage));
        Assert.Equal((2023, 36.0), (evidence.Year, evidence.Value));
        var saved = Valfard.Web.Features.Reports.EvidenceService.ReadAnalysis(evidence, "fi")!;
        Assert.Contains(saved.Comparisons, c => c.Kind == "county" && c.Result.Outcome == ComparisonOutcome.Worse);
        Assert.Equal(SignificantTrendOutcome.IncreasingAndWorsening, saved.Trend.Outcome);
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .AnyAsync(a => a.ReportId == reportId && a.Action == "Observation.Accepted")));
        var page = await coordinator.GetHtmlAsync($"/reports/{reportId}/observations");
        Assert.Contains("Nykyiset tiedot tukevat sitä yhä.", page);
        Assert.DoesNotContain($"observations/accept?indicator={indicatorId}&amp;kind=Concern", page);

        // The 2023 value comes down to the county's level: the saved evidence does not move, the support flips.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            await SetValueAsync(db, indicatorId, (await RegionsAsync(db)).Own, 2023, 15);
        }
        var after = await coordinator.GetHtmlAsync($"/reports/{reportId}/observations");
        var unchanged = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().Include(o => o.Indicators)
            .SingleAsync(o => o.Id == observation.Id));
        Assert.Equal(evidence.Analysis, Assert.Single(unchanged.Indicators).Analysis);
        Assert.Equal(36.0, unchanged.Indicators.Single().Value);
        Assert.Contains("Nykyiset tiedot eivät enää tue sitä.", after);
        Assert.Contains("<strong class=\"analysis-value\">36", after);
        // The reading view shows the evidence as saved, not recomputed from the changed data.
        var reading = await coordinator.GetHtmlAsync($"/reports/{reportId}/read");
        Assert.Contains("Nuorten huoli kasvaa", reading);
        Assert.Contains("<strong class=\"analysis-value\">36", reading);
    }

    [Fact]
    public async Task The_approved_snapshot_keeps_the_saved_evidence_and_an_older_snapshot_without_it_still_loads()
    {
        var indicatorId = await MakeConcernAsync();
        var reportId = await ReportIdAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(coordinator, reportId, indicatorId)).StatusCode);

        using var scope = _factory.Services.CreateScope();
        // The tenant filter reads the organisation from the request's user, so the scope gets one like a request would.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ValfardClaims.Organisation, DemoSeeder.DemokommunId.ToString())], "test")),
        };
        var json = (await scope.ServiceProvider.GetRequiredService<ReportDocumentBuilder>().SnapshotAsync(reportId, CancellationToken.None))!;
        var sv = ReportDocumentBuilder.ReadSnapshot(json, "sv");
        var item = sv.Observations.Single(o => o.Text == "Ungas oro ökar");
        var frozen = Assert.Single(item.Indicators);
        Assert.Equal(36.0, frozen.Analysis!.Value);
        Assert.Contains(frozen.Analysis.Comparisons, c => c.Result.Outcome == ComparisonOutcome.Worse);

        // A snapshot frozen before evidence was saved has no "indicators" on its observations.
        var old = JsonNode.Parse(json)!.AsObject();
        foreach (var document in old)
        {
            foreach (var observation in document.Value!["observations"]!.AsArray())
            {
                observation!.AsObject().Remove("indicators");
            }
        }
        var read = ReportDocumentBuilder.ReadSnapshot(old.ToJsonString(), "fi");
        Assert.All(read.Observations, o => Assert.Empty(o.Indicators));
        Assert.Contains(read.Observations, o => o.Text == "Nuorten huoli kasvaa");
    }

    [Fact]
    public async Task A_rejected_candidate_stays_away_until_a_newer_year_of_data()
    {
        var indicatorId = await MakeConcernAsync(skip: 1);
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "sv");
        var link = $"observations/accept?indicator={indicatorId}&amp;kind=Concern";
        Assert.Contains(link, await editor.GetHtmlAsync($"/reports/{reportId}/observations"));

        var rejected = await editor.PostFormAsync($"/reports/{reportId}/observations", $"/reports/{reportId}/observations/reject",
            ("indicator", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("kind", "Concern"), ("reason", "Känd sedan tidigare"));

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.DoesNotContain(link, await editor.GetHtmlAsync($"/reports/{reportId}/observations"));
        var rejection = await _factory.QueryAsync(db => db.CandidateRejections.IgnoreQueryFilters().SingleAsync(r => r.ReportId == reportId));
        Assert.Equal((indicatorId, 2023, "Känd sedan tidigare"), (rejection.IndicatorId, rejection.Year, rejection.Reason));
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .AnyAsync(a => a.ReportId == reportId && a.Action == "Candidate.Rejected")));

        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var (own, county, country) = await RegionsAsync(db);
            await SetValueAsync(db, indicatorId, own, 2024, 40);
            await SetValueAsync(db, indicatorId, county, 2024, 15);
            await SetValueAsync(db, indicatorId, country, 2024, 15);
        }
        Assert.Contains(link, await editor.GetHtmlAsync($"/reports/{reportId}/observations"));
    }

    [Fact]
    public async Task Another_organisation_cannot_see_accept_reject_or_link_on_a_report_not_its_own()
    {
        var indicatorId = await MakeConcernAsync();
        var reportId = await ReportIdAsync();
        var observationId = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().Where(o => o.ReportId == reportId).Select(o => o.Id).FirstAsync());
        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "fi");
        var token = await stranger.TokenFromAsync("/reports");
        var id = indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var form = await stranger.Client.GetAsync($"/reports/{reportId}/observations/accept?indicator={id}");
        var accept = await stranger.Client.PostAsync($"/reports/{reportId}/observations/accept",
            Browser.Form(token, ("IndicatorId", id), ("Kind", "Concern"), ("LifeStage", "Youth"), ("TextFi", "Vieras")));
        var reject = await stranger.Client.PostAsync($"/reports/{reportId}/observations/reject", Browser.Form(token, ("indicator", id), ("kind", "Concern")));
        var link = await stranger.Client.PostAsync($"/reports/{reportId}/observations/{observationId}/indicators", Browser.Form(token, ("indicatorId", id)));

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.CandidateRejections.IgnoreQueryFilters().AnyAsync()));
        Assert.False(await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().AnyAsync(o => o.TextFi == "Vieras")));
    }

    [Fact]
    public async Task An_indicator_is_linked_to_a_hand_written_observation_and_the_indicator_page_offers_to_propose()
    {
        var indicatorId = await MakeConcernAsync();
        var reportId = await ReportIdAsync();
        var observationId = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters()
            .Where(o => o.ReportId == reportId && o.Kind == ObservationKind.Concern).Select(o => o.Id).FirstAsync());
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");

        var linked = await editor.PostFormAsync($"/reports/{reportId}/observations", $"/reports/{reportId}/observations/{observationId}/indicators",
            ("indicatorId", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var again = await editor.PostFormAsync($"/reports/{reportId}/observations", $"/reports/{reportId}/observations/{observationId}/indicators",
            ("indicatorId", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var indicatorPage = await editor.GetHtmlAsync($"/indicators/{indicatorId}");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var observation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().Include(o => o.Indicators).SingleAsync(o => o.Id == observationId));
        Assert.Equal(indicatorId, Assert.Single(observation.Indicators).IndicatorId);
        Assert.Contains("Ehdota huolen aiheeksi", indicatorPage);
        Assert.Contains("candidate-highlight", indicatorPage);
        Assert.Contains("action=\"/observations/propose\"", indicatorPage);
    }
}
