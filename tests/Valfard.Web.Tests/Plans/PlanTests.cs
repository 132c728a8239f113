using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Features.Plans;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Plans;

/// <summary>The welfare plan in the browser's shoes: reading, follow-up rounds, assessments, permissions and tenants.</summary>
public sealed partial class PlanTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<Measure> MeasureAsync(string code) =>
        _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Code == code));

    private Task<Goal> GoalAsync(string code) =>
        _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Code == code));

    /// <summary>The part of a page that is one goal's section.</summary>
    private static string GoalBlock(string html, Guid goalId)
    {
        var start = html.IndexOf($"id=\"goal-{goalId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The goal is not on the page");
        var end = html.IndexOf("<section", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    /// <summary>A refusal sends the signed-in user to the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_council_member_reads_the_plan_and_its_follow_up_but_changes_nothing()
    {
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "fi");
        var plan = await council.GetHtmlAsync("/plan");
        Assert.Contains("Hyvinvointisuunnitelma 2025–2029", plan);
        Assert.Contains("Lapsiperheet saavat tukea ajoissa", plan);
        Assert.Contains("Etsivä nuorisotyö", plan);
        Assert.DoesNotContain("/plan/goals/new", plan);
        Assert.DoesNotContain("/remove", plan);

        var measure = await MeasureAsync("T2.1");
        var page = await council.GetHtmlAsync($"/plan/measures/{measure.Id}");
        Assert.Contains("Tavoitettiin 118 nuorta", page);
        Assert.DoesNotContain($"/plan/follow-up/2025/measures/{measure.Id}\"", page);
        var round = await council.GetHtmlAsync("/plan/follow-up/2025");
        Assert.Contains("Toteutuminen vaarassa", round);
        Assert.DoesNotContain("/assessment\"", round);

        Assert.NotEqual(HttpStatusCode.OK, (await council.Client.GetAsync("/plan/goals/new")).StatusCode);
        AssertRefused(await council.Client.GetAsync($"/plan/follow-up/2025/measures/{measure.Id}"));
        var token = Browser.TokenIn(plan);
        var post = await council.Client.PostAsync($"/plan/follow-up/2025/measures/{measure.Id}",
            Browser.Form(token, ("Status", "Done"), ("ProgressPercent", "100"), ("Account", "x"), ("Version", Guid.Empty.ToString())));
        AssertRefused(post);
        var opened = await council.Client.PostAsync("/plan/follow-up", Browser.Form(token, ("year", "2026")));
        Assert.NotEqual("/plan/follow-up/2026", opened.Headers.Location?.OriginalString);
        Assert.False(await _factory.QueryAsync(db => db.FollowUpRounds.IgnoreQueryFilters().AnyAsync(r => r.Year == 2026)));
        Assert.Equal(MeasureStatus.InProgress, (await MeasureAsync("T2.1")).Status);
    }

    [Fact]
    public async Task An_owner_records_follow_up_of_their_own_measures_and_of_their_sector_but_not_of_others()
    {
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var mine = await editor.GetHtmlAsync("/plan/mine");
        Assert.Contains("Lektioner i psykiska färdigheter", (await MeasureAsync("T2.3")).TitleSv);
        Assert.Contains("T2.3", mine);
        Assert.Contains("Record 2025", mine);
        Assert.Contains("My measures", await editor.GetHtmlAsync("/"));

        var own = await MeasureAsync("T2.3");
        var url = $"/plan/follow-up/2025/measures/{own.Id}";
        var form = await editor.GetHtmlAsync(url);
        var saved = await editor.Client.PostAsync(url, Browser.Form(Browser.TokenIn(form),
            ("Status", "InProgress"), ("ProgressPercent", "30"), ("Account", "Tunnit alkoivat kahdessa koulussa syksyllä."), ("Version", Version(form))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = await _factory.QueryAsync(db => db.MeasureFollowUps.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.MeasureId == own.Id));
        Assert.Equal((MeasureStatus.InProgress, 30), (entry.Status, entry.ProgressPercent));
        Assert.Equal((await _factory.UserAsync("editor@demo.test")).Id, entry.UpdatedById);
        Assert.Equal(MeasureStatus.InProgress, (await MeasureAsync("T2.3")).Status);
        Assert.Contains("Tunnit alkoivat kahdessa koulussa", await editor.GetHtmlAsync($"/plan/measures/{own.Id}"));

        // The same form again is stale: someone (here the same person) saved in between.
        var stale = await editor.Client.PostAsync(url, Browser.Form(Browser.TokenIn(form),
            ("Status", "Done"), ("ProgressPercent", "100"), ("Account", "x"), ("Version", Version(form))));
        Assert.Contains("Someone else saved a change", await stale.Content.ReadAsStringAsync());

        // Not started with progress, and postponed without an account, are refused.
        var fresh = await editor.GetHtmlAsync(url);
        var refused = await editor.Client.PostAsync(url, Browser.Form(Browser.TokenIn(fresh),
            ("Status", "Postponed"), ("ProgressPercent", "30"), ("Account", ""), ("Version", Version(fresh))));
        Assert.Contains("Say why the measure is postponed.", await refused.Content.ReadAsStringAsync());

        // An editor of the education sector may record a measure of that sector owned by someone else…
        var sectorMeasure = await MeasureAsync("T1.3");
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync($"/plan/follow-up/2025/measures/{sectorMeasure.Id}")).StatusCode);
        // …but not a measure of another sector owned by another person.
        var other = await MeasureAsync("T3.3");
        AssertRefused(await editor.Client.GetAsync($"/plan/follow-up/2025/measures/{other.Id}"));
        var post = await editor.Client.PostAsync($"/plan/follow-up/2025/measures/{other.Id}", Browser.Form(Browser.TokenIn(fresh),
            ("Status", "Done"), ("ProgressPercent", "100"), ("Account", "x"), ("Version", Guid.Empty.ToString())));
        AssertRefused(post);
        Assert.Equal(MeasureStatus.NotStarted, (await MeasureAsync("T3.3")).Status);
        // Editors do not manage the plan.
        Assert.NotEqual(HttpStatusCode.OK, (await editor.Client.GetAsync($"/plan/measures/{own.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_opens_a_round_and_overrides_an_assessment_with_a_reason_that_is_shown_and_audited()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var index = await coordinator.GetHtmlAsync("/plan/follow-up");
        Assert.Contains("Follow-up 2025", index);
        var opened = await coordinator.Client.PostAsync("/plan/follow-up", Browser.Form(Browser.TokenIn(index), ("year", "2026")));
        Assert.Equal("/plan/follow-up/2026", opened.Headers.Location!.OriginalString);
        var round = await _factory.QueryAsync(db => db.FollowUpRounds.IgnoreQueryFilters().SingleAsync(r => r.Year == 2026));
        // Every measure of the round's plan (the demo also has the earlier term's plan, delivered to the county).
        var measures = await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().CountAsync(m => m.PlanId == round.PlanId));
        Assert.Equal(measures, await _factory.QueryAsync(db => db.MeasureFollowUps.IgnoreQueryFilters().CountAsync(f => f.RoundId == round.Id)));
        var again = await coordinator.Client.PostAsync("/plan/follow-up", Browser.Form(Browser.TokenIn(index), ("year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await _factory.QueryAsync(db => db.FollowUpRounds.IgnoreQueryFilters().CountAsync(r => r.Year == 2026)));
        var outside = await coordinator.Client.PostAsync("/plan/follow-up", Browser.Form(Browser.TokenIn(index), ("year", "2031")));
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.FollowUpRounds.IgnoreQueryFilters().AnyAsync(r => r.Year == 2031)));

        // The 2025 round: goal T3's indicators both improve and no measure is late, so the rule says on track.
        var page = await coordinator.GetHtmlAsync("/plan/follow-up/2025");
        var t3 = await GoalAsync("T3");
        Assert.Contains("plan-assessment plan-assessment-OnTrack", GoalBlock(page, t3.Id));
        Assert.Contains("Off track when more than half of the indicators", page);

        var url = $"/plan/follow-up/2025/goals/{t3.Id}/assessment";
        var form = await coordinator.GetHtmlAsync(url);
        var noReason = await coordinator.Client.PostAsync(url, Browser.Form(Browser.TokenIn(form), ("Assessment", "AtRisk"), ("Reason", "  ")));
        Assert.Contains("Give a reason for overriding the assessment.", await noReason.Content.ReadAsStringAsync());
        Assert.False(await _factory.QueryAsync(db => db.AssessmentOverrides.IgnoreQueryFilters().AnyAsync(o => o.GoalId == t3.Id)));

        var saved = await coordinator.Client.PostAsync(url, Browser.Form(Browser.TokenIn(form), ("Assessment", "AtRisk"),
            ("Reason", "Yrityskoordinaattorin rekrytointi viivästyi puoli vuotta.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await coordinator.GetHtmlAsync("/plan/follow-up/2025");
        Assert.Matches("plan-assessment-AtRisk[\\s\\S]*By the rule[\\s\\S]*plan-assessment-OnTrack", GoalBlock(page, t3.Id));
        Assert.Contains("Overridden by Kaisa Koordinaattori", page);
        Assert.Contains("Yrityskoordinaattorin rekrytointi viivästyi", page);
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .AnyAsync(a => a.Action == "Plan.AssessmentOverridden" && a.Details.Contains("Yrityskoordinaattorin"))));

        // Back to the rule.
        var cleared = await coordinator.Client.PostAsync($"{url}/clear", Browser.Form(Browser.TokenIn(form)));
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.AssessmentOverrides.IgnoreQueryFilters().AnyAsync(o => o.GoalId == t3.Id)));

        // A closed round takes no more recordings until reopened.
        await coordinator.Client.PostAsync("/plan/follow-up/2026/close", Browser.Form(Browser.TokenIn(form)));
        var measure = await MeasureAsync("T1.3");
        var recordForm = await coordinator.GetHtmlAsync($"/plan/follow-up/2026/measures/{measure.Id}");
        var refused = await coordinator.Client.PostAsync($"/plan/follow-up/2026/measures/{measure.Id}", Browser.Form(Browser.TokenIn(recordForm),
            ("Status", "Done"), ("ProgressPercent", "100"), ("Account", ""), ("Version", Version(recordForm))));
        Assert.Contains("The round is closed.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_coordinator_builds_the_plan_and_removes_after_confirming()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var newGoal = await coordinator.GetHtmlAsync("/plan/goals/new");
        Assert.Contains("value=\"T6\"", newGoal);
        var created = await coordinator.Client.PostAsync("/plan/goals/new", Browser.Form(Browser.TokenIn(newGoal),
            ("Code", "T6"), ("TitleFi", "Kulttuuri kuuluu kaikille"), ("TitleSv", "Kultur för alla"), ("LifeStage", "WholePopulation"),
            ("Strategy", "Kuntastrategia: Osallisuus")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var goal = await GoalAsync("T6");

        var duplicate = await coordinator.Client.PostAsync("/plan/goals/new", Browser.Form(Browser.TokenIn(newGoal),
            ("Code", "T6"), ("TitleFi", "Toinen"), ("LifeStage", "Youth")));
        Assert.Contains("Another goal or measure of the plan has this code.", await duplicate.Content.ReadAsStringAsync());

        var measureForm = await coordinator.GetHtmlAsync($"/plan/measures/new?goalId={goal.Id}");
        Assert.Contains("value=\"T6.1\"", measureForm);
        var editor = await _factory.UserAsync("editor@demo.test");
        var sector = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().SingleAsync(s => s.Code == "culture-leisure" && s.OrganisationId == editor.OrganisationId));
        var badYears = await coordinator.Client.PostAsync("/plan/measures/new", Browser.Form(Browser.TokenIn(measureForm),
            ("GoalId", goal.Id.ToString()), ("Code", "T6.1"), ("TitleFi", "Kulttuurikaveri"), ("StartYear", "2027"), ("EndYear", "2026"), ("Status", "NotStarted")));
        Assert.Contains("The end year is before the start year.", await badYears.Content.ReadAsStringAsync());
        var measureSaved = await coordinator.Client.PostAsync("/plan/measures/new", Browser.Form(Browser.TokenIn(measureForm),
            ("GoalId", goal.Id.ToString()), ("Code", "T6.1"), ("TitleFi", "Kulttuurikaveritoiminta"), ("TitleSv", "Kulturkompisverksamhet"),
            ("SectorId", sector.Id.ToString()), ("ResponsibleUserId", editor.Id.ToString()), ("Partners", "Organisations"), ("Partners", "Parishes"),
            ("PartnerNames", "SPR Demokunta"), ("StartYear", "2026"), ("EndYear", "2028"), ("BudgetEuros", "4500.50"), ("Resources", "Vapaaehtoiset"),
            ("Status", "NotStarted")));
        Assert.Equal(HttpStatusCode.Redirect, measureSaved.StatusCode);
        var measure = await MeasureAsync("T6.1");
        Assert.Equal((MeasurePartners.Organisations | MeasurePartners.Parishes, 4500.50m, editor.Id), (measure.Partners, measure.BudgetEuros, measure.ResponsibleUserId));

        var indicatorForm = await coordinator.GetHtmlAsync($"/plan/indicators/new?measureId={measure.Id}");
        var indicatorSaved = await coordinator.Client.PostAsync("/plan/indicators/new", Browser.Form(Browser.TokenIn(indicatorForm),
            ("MeasureId", measure.Id.ToString()), ("Source", "sotkanet:90040"), ("BaselineYear", "2023"), ("Target", "9.5"), ("TargetYear", "2028")));
        Assert.Equal(HttpStatusCode.Redirect, indicatorSaved.StatusCode);
        var indicator = await _factory.QueryAsync(db => db.PlanIndicators.IgnoreQueryFilters().SingleAsync(i => i.MeasureId == measure.Id));
        Assert.Equal((8.2, Domain.Indicators.IndicatorDirection.HigherIsBetter), (indicator.Baseline!.Value, indicator.Direction));
        var against = await coordinator.Client.PostAsync("/plan/indicators/new", Browser.Form(Browser.TokenIn(indicatorForm),
            ("MeasureId", measure.Id.ToString()), ("Source", "sotkanet:90040"), ("Baseline", "8.2"), ("BaselineYear", "2023"), ("Target", "7"), ("TargetYear", "2028")));
        Assert.Contains("The target is worse than the baseline", await against.Content.ReadAsStringAsync());

        var confirm = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}/remove");
        Assert.Contains("Remove this goal together with its 1 measure and its follow-up indicators?", confirm);
        Assert.True(await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AnyAsync(g => g.Id == goal.Id)));
        var removed = await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}/remove", Browser.Form(Browser.TokenIn(confirm)));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AnyAsync(m => m.Id == measure.Id)));
        Assert.False(await _factory.QueryAsync(db => db.PlanIndicators.IgnoreQueryFilters().AnyAsync(i => i.MeasureId == measure.Id)));
    }

    [Fact]
    public async Task The_tree_filters_by_sector_status_and_partner_and_counts_measures()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var all = await coordinator.GetHtmlAsync("/plan");
        Assert.Equal(17, MeasureRowPattern().Count(all));
        var done = await coordinator.GetHtmlAsync("/plan?status=Done");
        Assert.Equal(3, MeasureRowPattern().Count(done));
        var parishes = await coordinator.GetHtmlAsync("/plan?partner=Parishes");
        Assert.Equal(3, MeasureRowPattern().Count(parishes));
        var sector = await _factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().FirstAsync(s => s.Code == "technical" && s.OrganisationId == DemoSeeder.DemokommunId));
        var technical = await coordinator.GetHtmlAsync($"/plan?sector={sector.Id}");
        Assert.Equal(2, MeasureRowPattern().Count(technical));
        Assert.DoesNotContain("Lapsiperheet saavat tukea ajoissa", technical);
        // 2026: T2.4 postponed and T4.2 (ended 2025, in progress) are late.
        Assert.Matches("<div class=\"late\"><dt>Late</dt><dd>2</dd>", all);
    }

    [Fact]
    public async Task Another_organisation_cannot_see_or_change_the_plan_by_url()
    {
        var measure = await MeasureAsync("T2.1");
        var goal = await GoalAsync("T2");
        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "fi");
        var plan = await stranger.GetHtmlAsync("/plan");
        Assert.DoesNotContain("Lapsiperheet", plan);
        Assert.Contains("ei ole vielä hyvinvointisuunnitelmaa", plan);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/plan/measures/{measure.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/plan/follow-up/2025/measures/{measure.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync("/plan/follow-up/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync("/plan/export.csv")).StatusCode);
        Assert.DoesNotContain("Etsivä", await stranger.GetHtmlAsync("/plan/mine"));
        var post = await stranger.Client.PostAsync($"/plan/follow-up/2025/measures/{measure.Id}", Browser.Form(Browser.TokenIn(plan),
            ("Status", "Done"), ("ProgressPercent", "100"), ("Account", "x"), ("Version", Guid.Empty.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.Client.GetAsync($"/plan/follow-up/2025/goals/{goal.Id}/assessment")).StatusCode);
        Assert.Equal(MeasureStatus.InProgress, (await MeasureAsync("T2.1")).Status);
    }

    [Fact]
    public async Task The_snapshot_carries_the_plan_for_the_term_report_and_the_round_for_the_annual_report()
    {
        var comprehensive = await _factory.DemoReportAsync();
        var termPlan = await SnapshotAsync(comprehensive.Id);
        Assert.NotNull(termPlan);
        Assert.Null(termPlan.FollowUpYear);
        Assert.Equal(("Hyvinvointisuunnitelma 2025–2029", "Välfärdsplan 2025–2029"), (termPlan.TitleFi, termPlan.TitleSv));
        // YT1 is the shared goal the demo's 2026 negotiation with the county put into the plan.
        Assert.Equal(["T1", "T2", "T3", "T4", "T5", "YT1"], termPlan.Goals.Select(g => g.Code));
        Assert.Equal(17, termPlan.Goals.Sum(g => g.Measures.Count));
        Assert.All(termPlan.Goals, g => Assert.Null(g.Assessment));
        var outreach = termPlan.Goals[1].Measures[0];
        Assert.Equal(("T2.1", "Uppsökande ungdomsarbete", "InProgress", (int?)null), (outreach.Code, outreach.TitleSv, outreach.Status, outreach.ProgressPercent));
        Assert.Equal("Kulttuuri- ja vapaa-aikatoimi / Erik Editor", outreach.Responsible);
        Assert.Equal(55000m, outreach.BudgetEuros);
        Assert.Equal("2025–2029", outreach.Schedule);
        Assert.Equal("HigherIsBetter", outreach.Indicators.Single().Direction);
        // The term report's plan carries the latest value as the actual, as the plan page shows it.
        Assert.Equal(118, outreach.Indicators.Single().Actual);
        Assert.NotNull(outreach.Indicators.Single().ActualYear);

        // The same plan as the residents' spreadsheet file: Swedish words for the codes, the actual value filled.
        var localizer = _factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Valfard.Web.SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv-FI");
        try
        {
            var sheet = Security.SpreadsheetFormulaTests.Rows(Valfard.Web.Features.PublicSite.OpenData.PlanSheet(termPlan, key => localizer[key]), ';');
            Assert.Equal(["Rad", "Mål", "Kod", "Namn på finska", "Namn på svenska", "Status eller bedömning"], sheet[0][..6]);
            var outreachRow = sheet.Single(r => r[2] == "T2.1" && r[0] == "åtgärd");
            Assert.Equal("pågår", outreachRow[5].ToLowerInvariant());
            var indicatorRow = sheet.First(r => r[2] == "T2.1" && r[0] == "åtgärdens indikator");
            Assert.Equal("118", indicatorRow[Valfard.Web.Features.PublicSite.OpenData.PlanColumns.ToList().IndexOf("actual")]);
            Assert.DoesNotContain(sheet.SelectMany(r => r), c => c.StartsWith("Plan.", StringComparison.Ordinal) || c.StartsWith("OpenData.", StringComparison.Ordinal)
                || c is "InProgress" or "NotStarted" or "Done" or "HigherIsBetter");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var round = await coordinator.GetHtmlAsync("/plan/follow-up/2025");
        var made = await coordinator.Client.PostAsync("/plan/follow-up/2025/report", Browser.Form(Browser.TokenIn(round)));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var annual = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().SingleAsync(r => r.Kind == ReportKind.Annual && r.Year == 2025));
        Assert.Equal(annual.Id, (await _factory.QueryAsync(db => db.FollowUpRounds.IgnoreQueryFilters().SingleAsync(r => r.Year == 2025))).ReportId);
        // Making it again links the same report instead of a second one.
        await coordinator.Client.PostAsync("/plan/follow-up/2025/report", Browser.Form(Browser.TokenIn(round)));
        Assert.Equal(1, await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().CountAsync(r => r.Kind == ReportKind.Annual)));

        var yearly = await SnapshotAsync(annual.Id);
        Assert.NotNull(yearly);
        Assert.Equal(2025, yearly.FollowUpYear);
        var youth = yearly.Goals.Single(g => g.Code == "T2");
        Assert.Equal("AtRisk", youth.Assessment);
        Assert.StartsWith("Etsivä nuorisotyö tavoittaa", youth.AssessmentReason);
        Assert.Equal("OnTrack", yearly.Goals.Single(g => g.Code == "T3").Assessment);
        Assert.Null(yearly.Goals.Single(g => g.Code == "T3").AssessmentReason);
        var family = yearly.Goals.Single(g => g.Code == "T1").Measures.Single(m => m.Code == "T1.1");
        Assert.Equal(("InProgress", (int?)60), (family.Status, family.ProgressPercent));
        Assert.StartsWith("Perhekeskuksen avoin kohtaamispaikka", family.Account);
        var postponed = youth.Measures.Single(m => m.Code == "T2.4");
        Assert.Equal("Postponed", postponed.Status);
        var recorded = youth.Measures.Single(m => m.Code == "T2.1").Indicators.Single();
        Assert.Equal((118.0, 2025), (recorded.Actual!.Value, recorded.ActualYear!.Value));
        var loneliness = youth.Indicators[0];
        Assert.Equal((14.1, 2023, "LowerIsBetter"), (loneliness.Actual!.Value, loneliness.ActualYear!.Value, loneliness.Direction));

        // The annual report's plan section shows the round, read-only.
        var planSection = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().FirstAsync(s => s.ReportId == annual.Id && s.Purpose == SectionPurpose.WelfarePlan));
        var sectionPage = await coordinator.GetHtmlAsync($"/reports/{annual.Id}/sections/{planSection.Id}");
        Assert.Contains("The plan with the follow-up round 2025", sectionPage);
        Assert.Contains("Perhekeskuksen avoin kohtaamispaikka", sectionPage);
    }

    private async Task<PlanSnapshot?> SnapshotAsync(Guid reportId)
    {
        using var scope = _factory.Services.CreateScope();
        // The tenant filter reads the organisation from the request's user, so the scope gets one like a request would.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ValfardClaims.Organisation, DemoSeeder.DemokommunId.ToString())], "test")),
        };
        return await scope.ServiceProvider.GetRequiredService<IPlanSnapshotSource>().ForReportAsync(reportId, CancellationToken.None);
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<th scope=\"row\"><span class=\"section-number\">T\\d\\.\\d</span><a href=\"/plan/measures/")]
    private static partial Regex MeasureRowPattern();

    public void Dispose() => _factory.Dispose();
}
