using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Reports;

/// <summary>
/// Issue 17 §2, the rest: identical Finnish and Swedish texts are in step, a section title has its fix link and
/// form, the plan's fix links reach the report's own plan, and a Finnish-only organisation's forms keep the Swedish
/// texts stored earlier.
/// </summary>
public sealed class BothLanguagesFinishTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> SubmitAsync(Browser browser, string pageUrl, string actionEnd, params (string Name, string Value)[] fields)
    {
        var (action, values) = FormFields.Fill(await browser.GetHtmlAsync(pageUrl), pageUrl, actionEnd, fields);
        return await browser.Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static string RowPattern(string item, string field) =>
        $"<th scope=\"row\" class=\"fw-normal\">{Regex.Escape(item)}</th>\\s*<td>{field}</td>";

    [Fact]
    public async Task Identical_texts_are_not_missing_and_a_section_title_missing_in_swedish_is_fixed_from_its_link()
    {
        var draft = await _factory.DemoReportAsync();
        var report = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking().Include(r => r.Sections)
            .SingleAsync(r => r.Id == draft.Id));
        var observation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(o => o.Kind).FirstAsync(o => o.ReportId == report.Id));
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(g => g.OrganisationId == DemoSeeder.DemokommunId && g.Code == "T1"));
        var section = report.SectionsInReadingOrder()[0];
        await _factory.QueryAsync(async db =>
        {
            // A place name reads the same in both languages; the section title lost its Swedish.
            var o = await db.Observations.IgnoreQueryFilters().SingleAsync(x => x.Id == observation.Id);
            o.Update(o.Kind, o.LifeStage, "Kotikatu 5", "Kotikatu 5", o.Evidence);
            var g = await db.Goals.IgnoreQueryFilters().SingleAsync(x => x.Id == goal.Id);
            g.Update(g.Code, "Demokunta 2030", "Demokunta 2030", g.DescriptionFi, g.DescriptionSv, g.LifeStage, g.Strategy);
            var s = await db.ReportSections.IgnoreQueryFilters().SingleAsync(x => x.Id == section.Id);
            s.Retitle(s.TitleFi, string.Empty);
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var page = await coordinator.GetHtmlAsync($"/reports/{report.Id}/languages");

        Assert.DoesNotMatch(RowPattern("Kotikatu 5", "(Joy|Concern)"), page);
        Assert.DoesNotMatch(RowPattern("T1 Demokunta 2030", "Title"), page);
        var titleRow = new Regex(RowPattern($"{report.SectionNumbers()[section.Id]} {section.TitleFi}", "Title")
            + "\\s*<td class=\"text-end\">(\\d+)</td>\\s*<td class=\"text-end\">0</td>\\s*<td class=\"translation-state\">Not yet written in Swedish.</td>\\s*<td>\\s*<a href=\"([^\"]+)\"")
            .Match(page);
        Assert.True(titleRow.Success, "the section title without Swedish is listed with a fix link");
        Assert.Equal(section.TitleFi.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), titleRow.Groups[1].Value);
        var link = WebUtility.HtmlDecode(titleRow.Groups[2].Value);
        Assert.Equal($"/reports/{report.Id}/sections/{section.Id}#section-title", link);

        var editorUrl = link.Split('#')[0];
        var editor = await coordinator.GetHtmlAsync(editorUrl);
        Assert.Contains("id=\"section-title\"", editor);
        Assert.Matches("<input id=\"section-title-sv\" name=\"titleSv\" class=\"form-control\" lang=\"sv\" value=\"\"", editor);
        var saved = await SubmitAsync(coordinator, editorUrl, "/title", ("titleSv", "Sammanfattning"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == section.Id));
        Assert.Equal((section.TitleFi, "Sammanfattning"), (stored.TitleFi, stored.TitleSv));
        Assert.DoesNotMatch(RowPattern($"{report.SectionNumbers()[section.Id]} {section.TitleFi}", "Title"),
            await coordinator.GetHtmlAsync($"/reports/{report.Id}/languages"));
    }

    [Fact]
    public async Task The_previous_reports_plan_links_reach_its_own_plan_and_save_there()
    {
        var previous = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == DemoArchiveSeeder.TitleFi));
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(g => g.Code == "A1" && db.Plans.IgnoreQueryFilters().Any(p => p.Id == g.PlanId && p.ReportId == previous.Id)));
        await _factory.QueryAsync(async db =>
        {
            var g = await db.Goals.IgnoreQueryFilters().SingleAsync(x => x.Id == goal.Id);
            g.Update(g.Code, g.TitleFi, g.TitleSv, g.DescriptionFi, g.DescriptionSv, g.LifeStage, "Kuntastrategia 2021–2025: lapset ensin");
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var page = await coordinator.GetHtmlAsync($"/reports/{previous.Id}/languages");

        var row = new Regex(RowPattern($"A1 {goal.TitleFi}", "Municipal strategy") + "[\\s\\S]*?<a href=\"([^\"]+)\"").Match(page);
        Assert.True(row.Success, "the earlier plan's goal is listed with its fix link");
        var link = row.Groups[1].Value;
        Assert.Equal($"/plan/goals/{goal.Id}", link);
        // The current plan (2025–2029) has no goal A1: the form is the earlier plan's own.
        var form = await coordinator.GetHtmlAsync(link);
        Assert.Contains($"value=\"{goal.TitleFi}\"", form);
        var saved = await SubmitAsync(coordinator, link, link, ("StrategySv", "Kommunstrategin 2021–2025: barnen först"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Id == goal.Id));
        Assert.Equal("Kommunstrategin 2021–2025: barnen först", stored.StrategySv);
        Assert.Equal(goal.PlanId, stored.PlanId);
        Assert.DoesNotMatch(RowPattern($"A1 {goal.TitleFi}", "Municipal strategy"), await coordinator.GetHtmlAsync($"/reports/{previous.Id}/languages"));
    }

    [Fact]
    public async Task A_finnish_only_organisations_forms_keep_the_swedish_texts_stored_before()
    {
        var report = await _factory.DemoReportAsync();
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(g => g.OrganisationId == DemoSeeder.DemokommunId && g.Code == "T1"));
        var measure = await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.GoalId == goal.Id && m.Code == "T1.1"));
        var observation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.ReportId == report.Id));
        await _factory.QueryAsync(async db =>
        {
            var g = await db.Goals.IgnoreQueryFilters().SingleAsync(x => x.Id == goal.Id);
            g.TranslateStrategy("Kommunstrategin: gott att växa");
            var m = await db.Measures.IgnoreQueryFilters().SingleAsync(x => x.Id == measure.Id);
            m.Translate("Föreningen i Demokommun", "Familjehandledare 0,5 årsverken");
            var round = await db.FollowUpRounds.IgnoreQueryFilters().SingleAsync(r => r.PlanId == goal.PlanId && r.Year == 2025);
            var entry = await db.MeasureFollowUps.IgnoreQueryFilters().SingleAsync(f => f.RoundId == round.Id && f.MeasureId == measure.Id);
            entry.TranslateAccount(round, "Den öppna mötesplatsen har öppnat.");
            var o = await db.Observations.IgnoreQueryFilters().SingleAsync(x => x.Id == observation.Id);
            o.Update(o.Kind, o.LifeStage, o.TextFi, "Ett glädjeämne på svenska", o.Evidence.Length > 0 ? o.Evidence : "Näyttö");
            o.TranslateEvidence("Belägg på svenska");
            // The organisation then dropped Swedish; the joys and concerns form follows the report's languages (its Swedish title).
            var organisation = await db.Organisations.IgnoreQueryFilters().SingleAsync(x => x.Id == DemoSeeder.DemokommunId);
            organisation.SetLanguages(OrganisationLanguages.Finnish);
            var r = await db.Reports.IgnoreQueryFilters().SingleAsync(x => x.Id == report.Id);
            r.Retitle(r.TitleFi, string.Empty);
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var goalUrl = $"/plan/goals/{goal.Id}";
        Assert.DoesNotContain("name=\"StrategySv\"", await coordinator.GetHtmlAsync(goalUrl));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(coordinator, goalUrl, goalUrl, ("Strategy", "Kuntastrategia: hyvä kasvaa"))).StatusCode);
        var measureUrl = $"/plan/measures/{measure.Id}/edit";
        Assert.DoesNotContain("name=\"ResourcesSv\"", await coordinator.GetHtmlAsync(measureUrl));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(coordinator, measureUrl, "/edit", ("Resources", "Perheohjaaja 0,6 htv"))).StatusCode);
        var recordUrl = $"/plan/follow-up/2025/measures/{measure.Id}";
        Assert.DoesNotContain("name=\"AccountSv\"", await coordinator.GetHtmlAsync(recordUrl));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(coordinator, recordUrl, recordUrl, ("Account", "Kohtaamispaikka on auki."))).StatusCode);
        var observationUrl = $"/reports/{report.Id}/observations/{observation.Id}";
        Assert.DoesNotContain("name=\"EvidenceSv\"", await coordinator.GetHtmlAsync(observationUrl));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(coordinator, observationUrl, observationUrl, ("Evidence", "Uusi näyttö"))).StatusCode);

        var storedGoal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Id == goal.Id));
        Assert.Equal(("Kuntastrategia: hyvä kasvaa", "Kommunstrategin: gott att växa"), (storedGoal.Strategy, storedGoal.StrategySv));
        Assert.Equal(goal.TitleSv, storedGoal.TitleSv);
        var storedMeasure = await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == measure.Id));
        Assert.Equal(("Perheohjaaja 0,6 htv", "Familjehandledare 0,5 årsverken", "Föreningen i Demokommun"),
            (storedMeasure.Resources, storedMeasure.ResourcesSv, storedMeasure.PartnerNamesSv));
        Assert.Equal(measure.TitleSv, storedMeasure.TitleSv);
        var entry = await _factory.QueryAsync(db => db.MeasureFollowUps.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(f => f.MeasureId == measure.Id && db.FollowUpRounds.IgnoreQueryFilters().Any(r => r.Id == f.RoundId && r.Year == 2025)));
        Assert.Equal(("Kohtaamispaikka on auki.", "Den öppna mötesplatsen har öppnat."), (entry.Account, entry.AccountSv));
        var storedObservation = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == observation.Id));
        Assert.Equal(("Uusi näyttö", "Belägg på svenska", "Ett glädjeämne på svenska"),
            (storedObservation.Evidence, storedObservation.EvidenceSv, storedObservation.TextSv));
    }

    [Fact]
    public async Task A_bilingual_form_still_clears_a_swedish_text_the_writer_empties()
    {
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(g => g.OrganisationId == DemoSeeder.DemokommunId && g.Code == "T1"));
        await _factory.QueryAsync(async db =>
        {
            (await db.Goals.IgnoreQueryFilters().SingleAsync(x => x.Id == goal.Id)).TranslateStrategy("Kommunstrategin: gott att växa");
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var goalUrl = $"/plan/goals/{goal.Id}";
        Assert.Contains("name=\"StrategySv\"", await coordinator.GetHtmlAsync(goalUrl));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(coordinator, goalUrl, goalUrl, ("StrategySv", string.Empty))).StatusCode);

        Assert.Equal(string.Empty, (await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().SingleAsync(g => g.Id == goal.Id))).StrategySv);
    }
}
