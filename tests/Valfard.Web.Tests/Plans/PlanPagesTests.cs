using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Plans;

/// <summary>
/// The plan's pages are served by several controllers (plan, goals, measures, follow-up indicators, CSV): every link
/// and form leads to the address of its action, each save leads back where it did, and a stale goal or measure form
/// is answered with what is saved now.
/// </summary>
public sealed partial class PlanPagesTests : IDisposable
{
    private const string Conflict = "Someone else saved a change while you were editing.";

    private readonly ValfardFactory _factory = new();

    private Task<Goal> GoalAsync(string code) =>
        _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Code == code));

    private Task<Measure> MeasureAsync(string code) =>
        _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Code == code));

    private static void AssertLinks(string html, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            Assert.Contains(address, html, StringComparison.Ordinal);
        }
        // A link whose controller or action is not found renders without an address.
        Assert.DoesNotContain("href=\"\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"\"", html, StringComparison.Ordinal);
    }

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    private static string Location(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Every_link_and_form_of_the_plan_pages_leads_to_its_action()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var goal = await GoalAsync("T2");
        var measure = await MeasureAsync("T2.1");

        AssertLinks(await coordinator.GetHtmlAsync("/plan"),
            "href=\"/plan/mine\"", "href=\"/plan/export.csv\"", "href=\"/plan/import\"", "href=\"/plan/follow-up\"", "href=\"/plan/goals/new\"",
            $"href=\"/plan/goals/{goal.Id}\"", $"href=\"/plan/goals/{goal.Id}/remove\"", $"href=\"/plan/measures/new?goalId={goal.Id}\"",
            $"href=\"/plan/indicators/new?goalId={goal.Id}\"", $"href=\"/plan/measures/{measure.Id}\"");
        Assert.Matches("action=\"/plan/indicators/[0-9a-f-]{36}/remove\"", await coordinator.GetHtmlAsync("/plan"));

        var page = await coordinator.GetHtmlAsync($"/plan/measures/{measure.Id}");
        AssertLinks(page, "href=\"/plan\"", $"href=\"/plan#goal-{goal.Id}\"", $"href=\"/plan/measures/{measure.Id}/edit\"",
            $"href=\"/plan/indicators/new?measureId={measure.Id}\"", $"href=\"/plan/measures/{measure.Id}/remove\"", "href=\"/plan/follow-up/2025\"");

        AssertLinks(await coordinator.GetHtmlAsync("/plan/goals/new"), "action=\"/plan/goals/new\"", "href=\"/plan\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}"), $"action=\"/plan/goals/{goal.Id}\"", "href=\"/plan\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}/remove"), $"action=\"/plan/goals/{goal.Id}/remove\"",
            $"href=\"/plan#goal-{goal.Id}\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/measures/new?goalId={goal.Id}"), "action=\"/plan/measures/new\"", "href=\"/plan\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/measures/{measure.Id}/edit"), $"action=\"/plan/measures/{measure.Id}/edit\"",
            $"href=\"/plan/measures/{measure.Id}\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/measures/{measure.Id}/remove"), $"action=\"/plan/measures/{measure.Id}/remove\"",
            $"href=\"/plan/measures/{measure.Id}\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/indicators/new?measureId={measure.Id}"), "action=\"/plan/indicators/new\"",
            $"href=\"/plan/measures/{measure.Id}\"");
        AssertLinks(await coordinator.GetHtmlAsync($"/plan/indicators/new?goalId={goal.Id}"), "action=\"/plan/indicators/new\"",
            $"href=\"/plan#goal-{goal.Id}\"");
        AssertLinks(await coordinator.GetHtmlAsync("/plan/import"), "action=\"/plan/import\"", "href=\"/plan/export.csv\"", "href=\"/plan\"");

        // Other features link to the plan's pages and show its partials.
        AssertLinks(await coordinator.GetHtmlAsync("/plan/follow-up/2025"), "href=\"/plan\"", $"href=\"/plan/measures/{measure.Id}\"");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var own = await _factory.QueryAsync(async db =>
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "editor@demo.test");
            return await db.Measures.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.ResponsibleUserId == user.Id);
        });
        AssertLinks(await editor.GetHtmlAsync("/plan/mine"), "href=\"/plan\"", $"href=\"/plan/measures/{own.Id}\"");
        AssertLinks(await editor.GetHtmlAsync("/"), "href=\"/plan/mine\"", $"href=\"/plan/measures/{own.Id}\"");
        AssertLinks(await editor.GetHtmlAsync($"/plan/follow-up/2025/measures/{own.Id}"), "href=\"/plan\"", $"href=\"/plan/measures/{own.Id}\"");
    }

    [Fact]
    public async Task Each_save_and_removal_leads_back_where_it_belongs()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var goal = await GoalAsync("T2");
        var measure = await MeasureAsync("T2.1");

        var goalForm = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        Assert.Equal($"/plan#goal-{goal.Id}", Location(await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(Browser.TokenIn(goalForm),
            ("Version", Version(goalForm)), ("Code", "T2"), ("TitleFi", "Uusi otsikko"), ("LifeStage", "Youth")))));

        var measureForm = await coordinator.GetHtmlAsync($"/plan/measures/{measure.Id}/edit");
        Assert.Equal($"/plan/measures/{measure.Id}", Location(await coordinator.Client.PostAsync($"/plan/measures/{measure.Id}/edit",
            Browser.Form(Browser.TokenIn(measureForm), ("Version", Version(measureForm)), ("GoalId", goal.Id.ToString()), ("Code", "T2.1"),
                ("TitleFi", "Uusi toimenpide"), ("Status", "InProgress")))));

        var newMeasure = await coordinator.GetHtmlAsync($"/plan/measures/new?goalId={goal.Id}");
        var added = Location(await coordinator.Client.PostAsync("/plan/measures/new", Browser.Form(Browser.TokenIn(newMeasure),
            ("GoalId", goal.Id.ToString()), ("Code", "T2.9"), ("TitleFi", "Lisätty"), ("Status", "NotStarted"))));
        var addedMeasure = await MeasureAsync("T2.9");
        Assert.Equal($"/plan/measures/{addedMeasure.Id}", added);

        var indicatorForm = await coordinator.GetHtmlAsync($"/plan/indicators/new?goalId={goal.Id}");
        Assert.Equal($"/plan#goal-{goal.Id}", Location(await coordinator.Client.PostAsync("/plan/indicators/new", Browser.Form(Browser.TokenIn(indicatorForm),
            ("GoalId", goal.Id.ToString()), ("Source", "sotkanet:90040")))));
        Assert.Equal($"/plan/measures/{addedMeasure.Id}", Location(await coordinator.Client.PostAsync("/plan/indicators/new", Browser.Form(Browser.TokenIn(indicatorForm),
            ("MeasureId", addedMeasure.Id.ToString()), ("Source", "sotkanet:90040")))));
        var (ofGoal, ofMeasure) = await _factory.QueryAsync(async db => (
            await db.PlanIndicators.IgnoreQueryFilters().OrderByDescending(i => i.Position).FirstAsync(i => i.GoalId == goal.Id),
            await db.PlanIndicators.IgnoreQueryFilters().SingleAsync(i => i.MeasureId == addedMeasure.Id)));
        var token = Browser.TokenIn(indicatorForm);
        Assert.Equal("/plan", Location(await coordinator.Client.PostAsync($"/plan/indicators/{ofGoal.Id}/remove", Browser.Form(token))));
        Assert.Equal($"/plan/measures/{addedMeasure.Id}", Location(await coordinator.Client.PostAsync($"/plan/indicators/{ofMeasure.Id}/remove", Browser.Form(token))));

        Assert.Equal($"/plan#goal-{goal.Id}", Location(await coordinator.Client.PostAsync($"/plan/measures/{addedMeasure.Id}/remove", Browser.Form(token))));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.PostAsync($"/plan/measures/{addedMeasure.Id}/remove", Browser.Form(token))).StatusCode);

        var newGoal = await coordinator.GetHtmlAsync("/plan/goals/new");
        var created = Location(await coordinator.Client.PostAsync("/plan/goals/new", Browser.Form(Browser.TokenIn(newGoal),
            ("Code", "T9"), ("TitleFi", "Lisätty tavoite"), ("LifeStage", "Youth"))));
        var addedGoal = await GoalAsync("T9");
        Assert.Equal($"/plan#goal-{addedGoal.Id}", created);
        Assert.Equal("/plan", Location(await coordinator.Client.PostAsync($"/plan/goals/{addedGoal.Id}/remove", Browser.Form(token))));
        Assert.Contains("The goal was removed", await coordinator.GetHtmlAsync("/plan"));
    }

    [Fact]
    public async Task A_stale_goal_or_measure_form_shows_what_is_saved_now_even_when_it_is_also_invalid()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var goal = await GoalAsync("T2");
        var goalForm = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        var token = Browser.TokenIn(goalForm);
        Location(await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token,
            ("Version", Version(goalForm)), ("Code", "T2"), ("TitleFi", "Ensimmäinen tallennus"), ("LifeStage", "Youth"))));

        var stale = await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token,
            ("Version", Version(goalForm)), ("Code", "T2"), ("TitleFi", "Toinen tallennus"), ("LifeStage", "Youth")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains(Conflict, staleHtml);
        Assert.Contains("value=\"Ensimmäinen tallennus\"", staleHtml);
        Assert.NotEqual(Version(goalForm), Version(staleHtml));
        // Stale and without a title: the conflict is the answer, as before the domain judges the values.
        var staleAndEmpty = await (await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token,
            ("Version", Version(goalForm)), ("Code", "T2"), ("TitleFi", ""), ("LifeStage", "Youth")))).Content.ReadAsStringAsync();
        Assert.Contains(Conflict, staleAndEmpty);
        Assert.DoesNotContain("Give a title", staleAndEmpty);
        Assert.Equal("Ensimmäinen tallennus", (await GoalAsync("T2")).TitleFi);

        var measure = await MeasureAsync("T2.1");
        var measureForm = await coordinator.GetHtmlAsync($"/plan/measures/{measure.Id}/edit");
        (string, string)[] Fields(string version, string title) =>
            [("Version", version), ("GoalId", goal.Id.ToString()), ("Code", "T2.1"), ("TitleFi", title), ("Status", "InProgress")];
        Location(await coordinator.Client.PostAsync($"/plan/measures/{measure.Id}/edit", Browser.Form(token, Fields(Version(measureForm), "Ensin"))));
        var staleMeasure = await (await coordinator.Client.PostAsync($"/plan/measures/{measure.Id}/edit", Browser.Form(token, Fields(Version(measureForm), "Sitten"))))
            .Content.ReadAsStringAsync();
        Assert.Contains(Conflict, staleMeasure);
        Assert.Contains("value=\"Ensin\"", staleMeasure);
        Assert.Contains(Conflict, await (await coordinator.Client.PostAsync($"/plan/measures/{measure.Id}/edit",
            Browser.Form(token, Fields(Version(measureForm), "")))).Content.ReadAsStringAsync());
        Assert.Equal("Ensin", (await MeasureAsync("T2.1")).TitleFi);

        // Saving on top of what is saved now works.
        Location(await coordinator.Client.PostAsync($"/plan/measures/{measure.Id}/edit", Browser.Form(token, Fields(Version(staleMeasure), "Sitten"))));
        Assert.Equal("Sitten", (await MeasureAsync("T2.1")).TitleFi);
    }

    [Fact]
    public async Task Changing_only_the_concerns_a_goal_answers_makes_older_forms_of_the_goal_stale()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().Include(g => g.Concerns).AsNoTracking().SingleAsync(g => g.Code == "T2"));
        var concern = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters()
            .FirstAsync(o => o.OrganisationId == goal.OrganisationId && o.Kind == Domain.Reports.ObservationKind.Concern));
        var answered = goal.Concerns.Select(c => c.ObservationId).ToList();
        var wanted = answered.Contains(concern.Id) ? answered.Where(id => id != concern.Id).ToList() : [.. answered, concern.Id];
        var form = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        var token = Browser.TokenIn(form);
        (string, string)[] Fields(string title, IEnumerable<Guid> concerns) =>
            [("Version", Version(form)), ("Code", goal.Code), ("TitleFi", title), ("TitleSv", goal.TitleSv), ("DescriptionFi", goal.DescriptionFi),
                ("DescriptionSv", goal.DescriptionSv), ("LifeStage", goal.LifeStage.ToString()), ("Strategy", goal.Strategy),
                .. concerns.Select(id => ("ConcernIds", id.ToString()))];

        Location(await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token, Fields(goal.TitleFi, wanted))));
        var saved = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().Include(g => g.Concerns).AsNoTracking().SingleAsync(g => g.Id == goal.Id));
        Assert.Equal(wanted.Order(), saved.Concerns.Select(c => c.ObservationId).Order());
        Assert.NotEqual(goal.Version, saved.Version);

        // Another form read before that change would put the old concerns back unseen: it is stale.
        var stale = await (await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token, Fields("Toinen otsikko", answered))))
            .Content.ReadAsStringAsync();
        Assert.Contains(Conflict, stale);
        var after = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().Include(g => g.Concerns).AsNoTracking().SingleAsync(g => g.Id == goal.Id));
        Assert.Equal((goal.TitleFi, saved.Version), (after.TitleFi, after.Version));
        Assert.Equal(wanted.Order(), after.Concerns.Select(c => c.ObservationId).Order());

        // Saving the same concerns again changes nothing, and the version stays.
        var current = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        Location(await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(token,
            [.. Fields(goal.TitleFi, wanted).Where(f => f.Item1 != "Version"), ("Version", Version(current))])));
        Assert.Equal(saved.Version, (await GoalAsync("T2")).Version);
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();

    public void Dispose() => _factory.Dispose();
}
