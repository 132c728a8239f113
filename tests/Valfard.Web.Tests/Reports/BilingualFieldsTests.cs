using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Reports;

/// <summary>
/// Issue 17 §2: a second-language field is saved from its form, shown in the reader's language, its absence said in
/// words, and the report's language status counts it; another organisation's status is not reachable.
/// </summary>
public sealed partial class BilingualFieldsTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("name=\"Version\"[^>]*value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    [Fact]
    public async Task A_goal_strategy_in_swedish_is_saved_shown_to_swedish_readers_and_its_absence_said_in_words()
    {
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(g => g.OrganisationId == DemoSeeder.DemokommunId));
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var form = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        var saved = await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(Browser.TokenIn(form),
            ("Version", VersionPattern().Match(form).Groups[1].Value), ("Code", goal.Code), ("TitleFi", goal.TitleFi), ("TitleSv", goal.TitleSv),
            ("LifeStage", goal.LifeStage.ToString()), ("Strategy", "Kuntastrategia: hyvä kasvaa"), ("StrategySv", "Kommunstrategin: gott att växa")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Id == goal.Id));
        Assert.Equal("Kommunstrategin: gott att växa", stored.StrategySv);

        using var swedish = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        var plan = await swedish.GetHtmlAsync("/plan");
        Assert.Contains("Kommunstrategin: gott att växa", plan);
        Assert.DoesNotContain("Kuntastrategia: hyvä kasvaa", plan);

        form = await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}");
        await coordinator.Client.PostAsync($"/plan/goals/{goal.Id}", Browser.Form(Browser.TokenIn(form),
            ("Version", VersionPattern().Match(form).Groups[1].Value), ("Code", goal.Code), ("TitleFi", goal.TitleFi), ("TitleSv", goal.TitleSv),
            ("LifeStage", goal.LifeStage.ToString()), ("Strategy", "Kuntastrategia: hyvä kasvaa"), ("StrategySv", "")));
        plan = await swedish.GetHtmlAsync("/plan");
        Assert.Contains("<span lang=\"fi\">Kuntastrategia: hyvä kasvaa</span> <span class=\"doc-fallback\">(bara på finska)</span>", plan);
        // The writer sees the gap where they edit.
        Assert.Contains("Not yet written in Swedish.", await coordinator.GetHtmlAsync($"/plan/goals/{goal.Id}"));
    }

    [Fact]
    public async Task The_language_status_lists_a_shorter_swedish_evidence_with_its_lengths_and_a_link_to_fix_it()
    {
        var observation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(o => o.OrganisationId == DemoSeeder.DemokommunId));
        await _factory.QueryAsync(async db =>
        {
            var o = await db.Observations.IgnoreQueryFilters().SingleAsync(x => x.Id == observation.Id);
            o.Update(o.Kind, o.LifeStage, o.TextFi, o.TextSv, new string('a', 100));
            o.TranslateEvidence(new string('b', 40));
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var page = await coordinator.GetHtmlAsync($"/reports/{observation.ReportId}/languages");

        Assert.Matches("<td>Evidence</td>\\s*<td class=\"text-end\">100</td>\\s*<td class=\"text-end\">40</td>\\s*"
            + "<td class=\"translation-state\">The Swedish is 40 % of the Finnish length.</td>\\s*<td>\\s*<a href=\"/reports/"
            + observation.ReportId + "/observations/" + observation.Id + "\"", page);
        var rows = Regex.Count(page, "<td class=\"translation-state\">");
        Assert.Contains($"<strong>{rows} text{(rows == 1 ? " needs" : "s need")} attention (", page);

        // Evidence in step: the row is gone.
        await _factory.QueryAsync(async db =>
        {
            var o = await db.Observations.IgnoreQueryFilters().SingleAsync(x => x.Id == observation.Id);
            o.TranslateEvidence(new string('b', 90));
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotMatch("<td>Evidence</td>\\s*<td class=\"text-end\">100</td>", await coordinator.GetHtmlAsync($"/reports/{observation.ReportId}/languages"));
    }

    [Fact]
    public async Task Another_organisations_language_status_is_not_reachable()
    {
        var report = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(r => r.OrganisationId == DemoSeeder.DemokommunId));
        using var other = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "fi");
        var response = await other.Client.GetAsync($"/reports/{report.Id}/languages");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
