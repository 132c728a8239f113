using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Reports;

public sealed class ReportAuthoringTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<ReportSection> SectionAsync(string titleFi) => _factory.DemoSectionAsync(titleFi);

    private static Task<HttpResponseMessage> SaveAsync(Browser browser, ReportSection section, string language, string html, Guid version) =>
        browser.SaveSectionTextAsync(section.ReportId, section.Id, language, html, version);

    /// <summary>
    /// Issue 17 §2: Finnish and then its Swedish translation are in step; the warning appears on Swedish only when Finnish
    /// changes after it. Marking the other language never renews its version, so a writer of it saves on undisturbed.
    /// </summary>
    [Fact]
    public async Task A_translation_saved_after_its_source_is_in_step_and_only_a_later_source_change_warns()
    {
        var section = await SectionAsync("Työikäiset");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        const string Warning = "This language version was last changed before the other one";
        Task<SectionText> TextAsync(string language) => _factory.QueryAsync(db => db.SectionTexts.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(t => t.SectionId == section.Id && t.Language == language));
        var swedishBefore = (await TextAsync("sv")).Version;

        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(coordinator, section, "fi", "<p>Työikäisten työllisyys on parantunut.</p>", (await TextAsync("fi")).Version)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(coordinator, section, "sv", "<p>Sysselsättningen bland personer i arbetsför ålder har förbättrats.</p>", swedishBefore)).StatusCode);
        Assert.DoesNotContain(Warning, await coordinator.GetHtmlAsync(url));

        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(coordinator, section, "fi", "<p>Työikäisten työllisyys on parantunut. Uusi kappale.</p>", (await TextAsync("fi")).Version)).StatusCode);
        var page = await coordinator.GetHtmlAsync(url);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, Warning));
        Assert.Contains("older than the other", await coordinator.GetHtmlAsync($"/reports/{section.ReportId}"));
    }

    [Fact]
    public async Task The_coordinator_creates_an_annual_report_from_the_template_once_per_year()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var term = await _factory.QueryAsync(db => db.CouncilTerms.SingleAsync(t => t.StartDate == new DateOnly(2025, 6, 1)));

        var created = await coordinator.PostFormAsync("/reports/new", "/reports/new",
            ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2025"), ("Confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var board = await coordinator.GetHtmlAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Hyvinvointikertomuksen vuosiraportti 2025", board);
        Assert.Contains("Lapset ja lapsiperheet", board);
        Assert.Contains("Ikääntyneet", board);
        var report = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().Include(r => r.Sections).ThenInclude(s => s.Texts)
            .SingleAsync(r => r.Kind == ReportKind.Annual));
        Assert.Equal(13, report.Sections.Count);
        Assert.All(report.Sections, s => Assert.Equal(["fi", "sv"], s.Texts.Select(t => t.Language).Order()));
        Assert.Equal("Årlig välfärdsrapport 2025", report.TitleSv);

        var again = await coordinator.PostFormAsync("/reports/new", "/reports/new",
            ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2025"), ("Confirmed", "true"));
        Assert.Contains("There already is an annual report for that year.", await again.Content.ReadAsStringAsync());

        var outside = await coordinator.PostFormAsync("/reports/new", "/reports/new",
            ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2031"));
        Assert.Contains("An annual report needs a year within the chosen council term.", await outside.Content.ReadAsStringAsync());
        Assert.Equal(1, await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().CountAsync(r => r.Kind == ReportKind.Annual)));
    }

    /// <summary>
    /// Issue 17 §8: made from the previous report, an annual report keeps the group's assignments with the due dates the
    /// coordinator confirms, and copies text only from an approved version, saying which; an unapproved draft is never a source.
    /// </summary>
    [Fact]
    public async Task An_annual_report_keeps_the_assignments_and_copies_text_only_from_the_latest_approved_version()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var term = await _factory.QueryAsync(db => db.CouncilTerms.SingleAsync(t => t.StartDate == new DateOnly(2025, 6, 1)));
        var comprehensive = await _factory.DemoReportAsync();
        Task<ReportSection> AnnualSectionAsync(int year, string titleFi) => _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.Texts).Include(s => s.Editors)
            .Where(s => s.TitleFi == titleFi).Join(db.Reports.IgnoreQueryFilters().Where(r => r.Year == year), s => s.ReportId, r => r.Id, (s, r) => s)
            .SingleAsync());

        // The comprehensive report is still a draft: the confirmation page says no text is copied, and none is.
        var confirm = WebUtility.HtmlDecode(await (await coordinator.PostFormAsync("/reports/new", "/reports/new",
            ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2025"))).Content.ReadAsStringAsync());
        Assert.Contains("Hyvinvointiryhmän työnjako uuteen kertomukseen", confirm);
        Assert.Contains("hyväksymätöntä luonnosta ei kopioida", confirm);
        Assert.Contains("3.2 Nuoret", confirm);
        Assert.Contains("value=\"2027-11-15\"", confirm); // 15.11.2026 a year on
        Assert.Equal(0, await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().CountAsync(r => r.Kind == ReportKind.Annual)));
        var nuoret = await _factory.DemoSectionAsync("Nuoret");
        var ikääntyneet = await _factory.DemoSectionAsync("Ikääntyneet");
        var created = await coordinator.PostFormAsync("/reports/new", "/reports/new", ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()),
            ("Year", "2025"), ("Confirmed", "true"),
            ("CarryOver[0].SourceSectionId", nuoret.Id.ToString()), ("CarryOver[0].Keep", "true"), ("CarryOver[0].DueDate", "2027-10-31"),
            ("CarryOver[1].SourceSectionId", ikääntyneet.Id.ToString()), ("CarryOver[1].Keep", "false"), ("CarryOver[1].DueDate", ""));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var youth2025 = await AnnualSectionAsync(2025, "Nuoret");
        Assert.Equal(nuoret.SectorId, youth2025.SectorId);
        var editorsBefore = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == nuoret.Id)
            .SelectMany(x => x.Editors.Select(e => e.UserId)).ToListAsync());
        Assert.NotEmpty(editorsBefore);
        Assert.Equal(editorsBefore, youth2025.Editors.Select(e => e.UserId));
        Assert.Equal(new DateOnly(2027, 10, 31), youth2025.DueDate);
        var older2025 = await AnnualSectionAsync(2025, "Ikääntyneet");
        Assert.Null(older2025.SectorId);
        Assert.All(older2025.Texts, t => Assert.Equal(string.Empty, t.Html));

        // The council approves the comprehensive report, then a new version is started and a draft written that nobody approved.
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, comprehensive.Id, WorkflowAction.SubmitForReview);
        await Workflow.ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, comprehensive.Id);
        await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, comprehensive.Id, WorkflowAction.SendToCouncil);
        Assert.Equal(HttpStatusCode.Redirect,
            (await Workflow.ApprovalWorkflowTests.MoveAsync(secretary, comprehensive.Id, WorkflowAction.Approve, Workflow.ApprovalWorkflowTests.Decision)).StatusCode);
        await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, comprehensive.Id, WorkflowAction.Publish);
        await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, comprehensive.Id, WorkflowAction.StartNewVersion);
        Assert.Equal(ReportStatus.Draft, (await _factory.DemoReportAsync()).Status);
        var fiText = (await _factory.DemoSectionAsync("Ikääntyneet")).Texts.Single(t => t.Language == "fi");
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(coordinator, ikääntyneet, "fi", "<p>Hyväksymätön luonnos.</p>", fiText.Version)).StatusCode);

        // The 2026 report carries the 2025 report's assignments, and its text comes from the approved comprehensive version 1.
        var confirm2026 = WebUtility.HtmlDecode(await (await coordinator.PostFormAsync("/reports/new", "/reports/new",
            ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2026"))).Content.ReadAsStringAsync());
        Assert.Contains("Hyvinvointikertomuksen vuosiraportti 2025", confirm2026);
        Assert.Contains("hyväksytystä versiosta 1", confirm2026);
        Assert.Contains("value=\"2028-10-31\"", confirm2026);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/reports/new", "/reports/new", ("Kind", "Annual"),
            ("CouncilTermId", term.Id.ToString()), ("Year", "2026"), ("Confirmed", "true"),
            ("CarryOver[0].SourceSectionId", youth2025.Id.ToString()), ("CarryOver[0].Keep", "true"), ("CarryOver[0].DueDate", "2028-10-31"))).StatusCode);
        var older2026 = await AnnualSectionAsync(2026, "Ikääntyneet");
        var copied = older2026.Texts.Single(t => t.Language == "fi");
        Assert.Contains("92 prosenttia asuu kotona", copied.Html);
        Assert.DoesNotContain("Hyväksymätön luonnos", copied.Html);
        Assert.Equal(comprehensive.Id, copied.CopiedFromReportId);
        Assert.Equal(1, copied.CopiedFromVersion);
        Assert.Contains("bor 92 procent hemma", older2026.Texts.Single(t => t.Language == "sv").Html);
        Assert.Equal(SectionStatus.NotStarted, older2026.Status);
        Assert.Equal(new DateOnly(2028, 10, 31), (await AnnualSectionAsync(2026, "Nuoret")).DueDate);
        var editorPage = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{older2026.ReportId}/sections/{older2026.Id}"));
        Assert.Contains("Suomenkielinen teksti on kopioitu hyväksytystä kertomuksesta ”Laaja hyvinvointikertomus 2025–2029” (versio 1).", editorPage);
    }

    [Fact]
    public async Task The_coordinator_adapts_the_template_and_the_next_report_follows_it()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var template = await coordinator.GetHtmlAsync("/template");
        Assert.Contains("Lapset ja lapsiperheet", template);
        var version = System.Text.RegularExpressions.Regex.Match(template, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        // Demokommun's template: the demo county has one of its own since it writes a regional report.
        var parent = await _factory.QueryAsync(db => db.ReportTemplates.IgnoreQueryFilters().Where(t => t.OrganisationId == DemoSeeder.DemokommunId)
            .SelectMany(t => t.Sections).Where(s => s.TitleFi == "Väestön hyvinvointi, terveys ja palvelut").Select(s => s.Id).SingleAsync());

        var added = await coordinator.PostFormAsync("/template", "/template/add",
            ("parentId", parent.ToString()), ("titleFi", "Maahan muuttaneet"), ("titleSv", "Inflyttade"), ("version", version));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stale = await coordinator.PostFormAsync("/template", "/template/add", ("titleFi", "Vanhentunut"), ("version", version));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("Someone else saved a change", await coordinator.GetHtmlAsync("/template"));

        var term = await _factory.QueryAsync(db => db.CouncilTerms.SingleAsync(t => t.StartDate == new DateOnly(2025, 6, 1)));
        await coordinator.PostFormAsync("/reports/new", "/reports/new", ("Kind", "Annual"), ("CouncilTermId", term.Id.ToString()), ("Year", "2027"),
            ("Confirmed", "true"));
        var titles = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters()
            .Join(db.Reports.IgnoreQueryFilters().Where(r => r.Year == 2027), s => s.ReportId, r => r.Id, (s, r) => s.TitleFi).ToListAsync());
        Assert.Contains("Maahan muuttaneet", titles);
        Assert.DoesNotContain("Vanhentunut", titles);
    }

    [Fact]
    public async Task An_editor_cannot_create_reports_or_assign_sections()
    {
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var section = await SectionAsync("Nuoret");

        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync("/reports/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync($"/reports/{section.ReportId}/sections/{section.Id}/assign")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync($"/reports/{section.ReportId}")).StatusCode);
    }

    [Fact]
    public async Task Of_two_saves_on_the_same_version_the_second_is_refused_and_gets_the_first_text()
    {
        var section = await SectionAsync("Nuoret");
        var version = section.Texts.Single(t => t.Language == "fi").Version;
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var first = await SaveAsync(coordinator, section, "fi", "<p>Koordinaattorin versio.</p>", version);
        var second = await SaveAsync(editor, section, "fi", "<p>Kirjoittajan versio.</p>", version);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        using var conflict = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("<p>Koordinaattorin versio.</p>", conflict.RootElement.GetProperty("html").GetString());
        Assert.Equal("Kaisa Koordinaattori", conflict.RootElement.GetProperty("author").GetString());
        Assert.Contains("Kaisa Koordinaattori saved this text while you were writing.", conflict.RootElement.GetProperty("message").GetString());
        var saved = await SectionAsync("Nuoret");
        Assert.Equal("<p>Koordinaattorin versio.</p>", saved.Texts.Single(t => t.Language == "fi").Html);

        var merged = await SaveAsync(editor, section, "fi", "<p>Yhdistetty.</p>", Guid.Parse(conflict.RootElement.GetProperty("version").GetString()!));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_saves_on_one_version_let_exactly_one_through()
    {
        var section = await SectionAsync("Lapset ja lapsiperheet");
        var version = section.Texts.Single(t => t.Language == "sv").Version;
        var browsers = new List<Browser>();
        for (var i = 0; i < 6; i++)
        {
            browsers.Add(await Browser.SignedInAsync(_factory, i % 2 == 0 ? "editor@demo.test" : "coordinator@demo.test", "en"));
        }
        var tokens = new List<string>();
        foreach (var browser in browsers)
        {
            tokens.Add(await browser.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}"));
        }

        var responses = await Task.WhenAll(browsers.Select((browser, i) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/sv")
            {
                Content = Browser.Form(null, ("html", $"<p>Version {i}</p>"), ("version", version.ToString())),
            };
            request.Headers.Add("X-CSRF-TOKEN", tokens[i]);
            return browser.Client.SendAsync(request);
        }));

        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, statuses);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 5, statuses);
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        var saved = await SectionAsync("Lapset ja lapsiperheet");
        Assert.Equal($"<p>Version {winner}</p>", saved.Texts.Single(t => t.Language == "sv").Html);
        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Saved_text_is_cleaned_of_scripts_handlers_styles_and_foreign_links()
    {
        var section = await SectionAsync("Nuoret");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var response = await SaveAsync(editor, section, "sv", "<h2 style=\"color:red\" onclick=\"x()\">Unga</h2><script>alert(1)</script>" +
            "<p>Se <a href=\"javascript:alert(2)\">här</a> och <a href=\"https://thl.fi/\">THL</a>.<img src=x onerror=alert(3)></p>" +
            "<table><tbody><tr><td data-row=\"r1\">1</td></tr></tbody></table>", section.Texts.Single(t => t.Language == "sv").Version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await SectionAsync("Nuoret")).Texts.Single(t => t.Language == "sv").Html;
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>Unga</h2>", html);
        Assert.Contains("<a href=\"https://thl.fi/\" rel=\"noopener noreferrer\">THL</a>", html);
        Assert.Contains("<td>1</td>", html);
    }

    [Fact]
    public async Task Only_the_sections_editors_their_sector_and_the_coordinator_may_write()
    {
        var elderly = await SectionAsync("Ikääntyneet");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var response = await SaveAsync(editor, elderly, "fi", "<p>Ei minun lukuni.</p>", elderly.Texts.Single(t => t.Language == "fi").Version);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not assigned to you or your sector", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Ei minun", (await SectionAsync("Ikääntyneet")).Texts.Single(t => t.Language == "fi").Html);
        Assert.Contains("You can read this section.", await editor.GetHtmlAsync($"/reports/{elderly.ReportId}/sections/{elderly.Id}"));
    }

    [Fact]
    public async Task Another_organisation_cannot_reach_the_report_by_any_url()
    {
        var section = await SectionAsync("Nuoret");
        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{section.ReportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{section.ReportId}/sections/{section.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{section.ReportId}/sections/{section.Id}/history/fi")).StatusCode);
        var token = await stranger.TokenFromAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/fi")
        {
            Content = Browser.Form(null, ("html", "<p>Kaapattu</p>"), ("version", section.Texts.Single(t => t.Language == "fi").Version.ToString())),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.SendAsync(request)).StatusCode);
        Assert.DoesNotContain("Laaja hyvinvointikertomus", await stranger.GetHtmlAsync("/reports"));
        Assert.DoesNotContain("Kaapattu", (await SectionAsync("Nuoret")).Texts.Single(t => t.Language == "fi").Html);
    }

    [Fact]
    public async Task Autosaves_by_one_person_extend_one_revision_until_a_pause_or_another_person()
    {
        var section = await SectionAsync("Koko väestö ja teemat");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        async Task<Guid> Save(string html, Guid version)
        {
            var response = await SaveAsync(coordinator, section, "fi", html, version);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return Guid.Parse(json.RootElement.GetProperty("version").GetString()!);
        }

        var v = await Save("<p>Yksi.</p>", section.Texts.Single(t => t.Language == "fi").Version);
        v = await Save("<p>Yksi. Kaksi.</p>", v);
        v = await Save("<p>Yksi. Kaksi. Kolme.</p>", v);
        Assert.Equal(1, await RevisionCount(section.Id));

        _factory.Advance(TimeSpan.FromMinutes(11));
        await Save("<p>Yksi. Kaksi. Kolme. Neljä.</p>", v);

        Assert.Equal(2, await RevisionCount(section.Id));
        var history = await coordinator.GetHtmlAsync($"/reports/{section.ReportId}/sections/{section.Id}/history/fi?from=1&to=2");
        Assert.Contains("<ins class=\"diff-added\"> Neljä.</ins>", history);
        Assert.DoesNotContain("<del", history);
    }

    [Fact]
    public async Task Restoring_an_old_revision_makes_a_new_revision_with_the_old_text()
    {
        var section = await SectionAsync("Lapset ja lapsiperheet");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var response = await editor.PostFormAsync($"/reports/{section.ReportId}/sections/{section.Id}/history/fi",
            $"/reports/{section.ReportId}/sections/{section.Id}/history/fi/1/restore");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revisions = await _factory.QueryAsync(db => db.SectionRevisions.IgnoreQueryFilters()
            .Where(r => r.SectionId == section.Id && r.Language == "fi").OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal(1, revisions[2].RestoredFrom);
        Assert.Equal(revisions[0].Html, revisions[2].Html);
        Assert.Equal(revisions[0].Html, (await SectionAsync("Lapset ja lapsiperheet")).Texts.Single(t => t.Language == "fi").Html);
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Action == "Section.RevisionRestored")));
    }

    [Fact]
    public async Task An_editor_marks_a_section_ready_but_only_the_coordinator_marks_it_done()
    {
        var section = await SectionAsync("Nuoret");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";

        await editor.PostFormAsync(url, $"{url}/status", ("status", "ReadyForReview"));
        Assert.Equal(SectionStatus.ReadyForReview, (await SectionAsync("Nuoret")).Status);

        await editor.PostFormAsync(url, $"{url}/status", ("status", "Done"));
        Assert.Equal(SectionStatus.ReadyForReview, (await SectionAsync("Nuoret")).Status);

        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        await coordinator.PostFormAsync(url, $"{url}/status", ("status", "Done"));
        Assert.Equal(SectionStatus.Done, (await SectionAsync("Nuoret")).Status);
    }

    private Task<int> RevisionCount(Guid sectionId) =>
        _factory.QueryAsync(db => db.SectionRevisions.IgnoreQueryFilters().CountAsync(r => r.SectionId == sectionId && r.Language == "fi"));

    public void Dispose() => _factory.Dispose();
}

public sealed class AuditNoiseTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task Autosaves_within_one_editing_session_write_one_audit_entry()
    {
        var section = await _factory.DemoSectionAsync("Liitteet");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var token = await coordinator.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        var version = section.Texts.Single(t => t.Language == "fi").Version;
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/fi")
            {
                Content = Browser.Form(null, ("html", $"<p>Versio {i}</p>"), ("version", version.ToString())),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var response = await coordinator.Client.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            version = Guid.Parse(json.RootElement.GetProperty("version").GetString()!);
        }

        var entries = await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.Action == "Section.TextSaved" && a.Details.StartsWith("Liitteet")));
        Assert.Equal(1, entries);
    }

    public void Dispose() => _factory.Dispose();
}
