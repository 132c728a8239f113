using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Valfard.Browser.Tests;

/// <summary>This journey fills a whole organisation with script payloads: it gets an app and database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class XssCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "xss";
}

/// <summary>
/// Every payload of <see cref="XssPayloads"/> is saved through the app's own forms into every field that is shown
/// again (section text, titles, comments, observations, plan, follow-up, linked plans, indicator sets, local
/// indicators, people, sectors, organisation, council decision, return reason, resident and accessibility feedback),
/// and every page that shows them is opened in Chromium with the content security policy switched off, so that
/// only encoding and sanitizing stand between a payload and the page: no dialog, no <c>window.__xss</c>, no request
/// to the trap URL, no page error, and no live element or attribute a payload could have brought.
/// </summary>
[Collection(XssCollection.Name)]
public sealed class XssJourneyTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] ShortPayloads = [.. XssPayloads.Postable.Where(p => p.Length <= 40)];

    private readonly List<string> _traces = [];

    [Fact]
    public async Task Payloads_in_every_shown_field_stay_inert_text_on_every_page()
    {
        var started = DateTime.UtcNow;
        var factory = app.Factory;
        var report = await factory.DemoReportAsync();
        var r = report.Id;
        var sections = await factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ReportId == r).OrderBy(s => s.Position).ToListAsync());
        var textSections = sections.Where(s => s.Purpose == SectionPurpose.Text).ToList();
        var editorUser = await factory.UserAsync("editor@demo.test");

        using var coordinator = await FormClient.SignedInAsync(app.BaseAddress, "coordinator@demo.test");
        using var admin = await FormClient.SignedInAsync(app.BaseAddress, "admin@demo.test");
        using var secretary = await FormClient.SignedInAsync(app.BaseAddress, "secretary@demo.test");

        // Section text, rich: the payloads spread over the text sections, each payload in its own paragraph, in both languages.
        for (var i = 0; i < textSections.Count; i++)
        {
            var mine = XssPayloads.Postable.Where((_, n) => n % textSections.Count == i).ToList();
            if (mine.Count == 0)
            {
                continue;
            }
            var html = string.Concat(mine.Select(p => $"<p>{p}</p>"));
            foreach (var language in new[] { "fi", "sv" })
            {
                await SaveTextAsync(coordinator, r, textSections[i].Id, language, html);
            }
        }

        // Comments (with a mention, so the editor gets a notification) beside the first text section.
        var commented = textSections[0].Id;
        foreach (var chunk in XssPayloads.Chunks(SectionComment.TextMaxLength))
        {
            await coordinator.SubmitAcceptedAsync($"/reports/{r}/sections/{commented}", "/comments", ("text", chunk), ("mention", editorUser.Id.ToString()));
        }

        // Joys and concerns.
        var observationTexts = XssPayloads.Chunks(Observation.TextMaxLength);
        var evidence = XssPayloads.Chunks(Observation.EvidenceMaxLength);
        for (var i = 0; i < observationTexts.Count; i++)
        {
            await coordinator.SubmitAcceptedAsync($"/reports/{r}/observations", "/observations",
                ("Kind", i % 2 == 0 ? "Joy" : "Concern"), ("TextFi", observationTexts[i]), ("TextSv", observationTexts[^(i + 1)]), ("Evidence", evidence[i % evidence.Count]));
        }

        // Linked plans: titles carry the payloads; a script URL is refused.
        foreach (var chunk in XssPayloads.Chunks(LinkedPlan.TitleMaxLength))
        {
            await coordinator.SubmitAcceptedAsync($"/reports/{r}/plans", "/plans/link", ("title", chunk), ("url", "https://example.org/plan?q=<script>"));
        }
        await coordinator.SubmitAsync($"/reports/{r}/plans", "/plans/link", ("title", "X26 script url"), ("url", "javascript:alert(26)"));
        Assert.False(await factory.QueryAsync(db => db.LinkedPlans.IgnoreQueryFilters().AnyAsync(p => p.Url != null && p.Url.Contains("javascript"))));

        // The welfare plan: goals and measures with payload names and descriptions, and a follow-up account.
        var titles = XssPayloads.Chunks(Domain.Plans.PlanLimits.TitleMaxLength);
        var descriptions = XssPayloads.Chunks(Domain.Plans.PlanLimits.DescriptionMaxLength);
        var strategies = XssPayloads.Chunks(Domain.Plans.PlanLimits.StrategyMaxLength);
        var partners = XssPayloads.Chunks(Domain.Plans.PlanLimits.PartnerNamesMaxLength);
        var accounts = XssPayloads.Chunks(Domain.Plans.PlanLimits.AccountMaxLength);
        var goalCount = Math.Min(titles.Count, 6);
        var measureIds = new List<Guid>();
        for (var i = 0; i < goalCount; i++)
        {
            var code = $"X{i}";
            await coordinator.SubmitAcceptedAsync("/plan/goals/new", "/plan/goals/new", ("Code", code), ("TitleFi", titles[i]), ("TitleSv", titles[^(i + 1)]),
                ("DescriptionFi", descriptions[i % descriptions.Count]), ("DescriptionSv", descriptions[^(1 + (i % descriptions.Count))]),
                ("Strategy", strategies[i % strategies.Count]));
            var goalId = await factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().Where(g => g.Code == code).Select(g => g.Id).SingleAsync());
            var measureCode = $"X{i}.1";
            await coordinator.SubmitAcceptedAsync($"/plan/measures/new?goalId={goalId}", "/plan/measures/new", ("GoalId", goalId.ToString()), ("Code", measureCode),
                ("TitleFi", titles[(i + goalCount) % titles.Count]), ("TitleSv", titles[^(1 + ((i + goalCount) % titles.Count))]),
                ("DescriptionFi", descriptions[^(1 + (i % descriptions.Count))]), ("DescriptionSv", descriptions[i % descriptions.Count]),
                ("PartnerNames", partners[i % partners.Count]), ("Resources", partners[^(1 + (i % partners.Count))]),
                ("ResponsibleUserId", editorUser.Id.ToString()), ("Status", "InProgress"), ("BudgetEuros", "1000"));
            measureIds.Add(await factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().Where(m => m.Code == measureCode).Select(m => m.Id).SingleAsync()));
        }
        for (var i = 0; i < measureIds.Count; i++)
        {
            await coordinator.SubmitAcceptedAsync($"/plan/follow-up/2025/measures/{measureIds[i]}", $"/measures/{measureIds[i]}",
                ("Status", "InProgress"), ("ProgressPercent", "40"), ("Account", accounts[i % accounts.Count]));
        }

        // Indicator sets and local indicators.
        foreach (var chunk in XssPayloads.Chunks(Domain.Indicators.IndicatorSet.NameMaxLength).Take(8))
        {
            await coordinator.SubmitAcceptedAsync("/indicators/sets", "/indicators/sets", ("name", chunk));
        }
        var localTitles = XssPayloads.Chunks(Domain.Indicators.LocalIndicator.TitleMaxLength);
        for (var i = 0; i < Math.Min(localTitles.Count, 6); i++)
        {
            await coordinator.SubmitAcceptedAsync("/indicators/local", "/indicators/local",
                ("titleFi", localTitles[i]), ("titleSv", localTitles[^(i + 1)]), ("unit", ShortPayloads[i % ShortPayloads.Length]));
        }

        // People, sectors and the organisation, by the administrator.
        var names = XssPayloads.Chunks(Valfard.Infrastructure.Identity.ApplicationUser.DisplayNameMaxLength);
        var sectorId = await factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().Where(s => s.OrganisationId == DemoSeeder.DemokommunId).Select(s => s.Id).FirstAsync());
        await admin.SubmitAcceptedAsync($"/admin/users/{editorUser.Id}", $"/admin/users/{editorUser.Id}", ("DisplayName", names[0]));
        var coordinatorUser = await factory.UserAsync("coordinator@demo.test");
        await admin.SubmitAcceptedAsync($"/admin/users/{coordinatorUser.Id}", $"/admin/users/{coordinatorUser.Id}", ("DisplayName", names[1]));
        for (var i = 2; i < Math.Min(names.Count, 12); i++)
        {
            await admin.SubmitAcceptedAsync("/admin/users/new", "/admin/users/new", ("DisplayName", names[i]), ("Email", $"xss{i}@demo.test"),
                ("Roles", "Editor"), ("SectorIds", sectorId.ToString()));
        }
        var sectorNames = XssPayloads.Chunks(Domain.Organisations.OrganisationLimits.SectorNameMaxLength);
        for (var i = 0; i < Math.Min(sectorNames.Count, 12); i++)
        {
            await admin.SubmitAcceptedAsync("/admin/sectors/new", "/admin/sectors/new",
                ("Code", $"xss-{i}"), ("NameFi", sectorNames[i]), ("NameSv", sectorNames[^(i + 1)]), ("NameEn", sectorNames[(i + 5) % sectorNames.Count]));
        }
        var organisationNames = XssPayloads.Chunks(Domain.Organisations.OrganisationLimits.NameMaxLength);
        await admin.SubmitAcceptedAsync($"/admin/organisations/{DemoSeeder.DemokommunId}", $"/admin/organisations/{DemoSeeder.DemokommunId}",
            ("NameFi", organisationNames[0]), ("NameSv", organisationNames[1]));

        // Section titles: new template sections carry payload titles into a new annual report with a payload title.
        var reportTitles = XssPayloads.Chunks(ReportLimits.TitleMaxLength);
        await coordinator.SubmitAcceptedAsync("/template", "/template/add", ("titleFi", reportTitles[2]), ("titleSv", reportTitles[3]));
        await coordinator.SubmitAcceptedAsync("/reports/new", "/reports/new", ("Kind", "Annual"), ("Year", "2026"), ("TitleFi", reportTitles[0]), ("TitleSv", reportTitles[1]),
            ("Confirmed", "true"));
        var annual = await factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(x => x.OrganisationId == DemoSeeder.DemokommunId && x.TitleFi == reportTitles[0]));
        var annualSection = await factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(s => s.ReportId == annual.Id && s.TitleFi == reportTitles[2]));
        await coordinator.SubmitAcceptedAsync($"/reports/{annual.Id}/sections/{annualSection.Id}/assign", "/assign",
            ("EditorIds", editorUser.Id.ToString()), ("EditorIds", coordinatorUser.Id.ToString()));

        // Resident feedback on the published report and accessibility feedback, approved into the public page.
        const string PublishedReport = "/fi/demo/hyvinvointikertomus-2021-2025";
        using (var resident = FormClient.Anonymous(app.BaseAddress))
        {
            foreach (var (chunk, n) in XssPayloads.Chunks(Domain.Feedback.ResidentFeedback.MessageMaxLength).Select((c, n) => (c, n)))
            {
                await resident.SubmitAcceptedAsync($"{PublishedReport}/feedback", "/feedback",
                    ("FeedbackForm.Message", chunk), ("FeedbackForm.Name", ShortPayloads[n % ShortPayloads.Length]));
            }
            await resident.SubmitAcceptedAsync("/fi/accessibility/feedback?organisation=demo", "/accessibility/feedback",
                ("Page", XssPayloads.Chunks(Domain.Feedback.ResidentFeedback.PageMaxLength)[0]),
                ("Message", XssPayloads.Chunks(Domain.Feedback.ResidentFeedback.MessageMaxLength)[^1]),
                ("Name", ShortPayloads[^1]), ("Email", "resident@example.org"));
        }
        for (var i = 0; i < 5; i++)
        {
            var inbox = await coordinator.GetAsync("/feedback");
            var approve = System.Text.RegularExpressions.Regex.Match(inbox, "action=\"(/feedback/[0-9a-f-]+/approved)\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (!approve.Success)
            {
                break;
            }
            await coordinator.SubmitAcceptedAsync("/feedback", approve.Groups[1].Value);
        }
        var feedbackRows = await factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        Assert.True(feedbackRows.Count(f => f.Status == Domain.Feedback.FeedbackStatus.Approved && f.Message.Contains("X01", StringComparison.Ordinal)) == 1,
            string.Join("\n", feedbackRows.Select(f => $"{f.Kind} {f.Status} {f.Message[..Math.Min(30, f.Message.Length)]}")));

        output.WriteLine($"Saved payloads in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        // The pages while the report is a draft.
        var page = await NewWatchedPageAsync("coordinator@demo.test");
        var measure = measureIds[0];
        var draftPages = new List<string>
        {
            "/", "/reports", $"/reports/{r}", $"/reports/{r}/read", $"/reports/{r}/read?lang=sv", $"/reports/{r}/audit",
            $"/reports/{r}/observations", $"/reports/{r}/plans", $"/reports/{r}/sections/{commented}",
            $"/reports/{r}/sections/{commented}/history/fi",
            $"/reports/{annual.Id}", $"/reports/{annual.Id}/sections/{annualSection.Id}", $"/reports/{annual.Id}/sections/{annualSection.Id}/assign",
            "/plan", "/plan/mine", $"/plan/measures/{measure}", $"/plan/measures/{measure}/edit", "/plan/follow-up", "/plan/follow-up/2025",
            $"/plan/follow-up/2025/measures/{measure}", "/indicators/sets", "/indicators/local", "/notifications", "/feedback", "/template",
        };
        draftPages.AddRange(textSections.Select(s => $"/reports/{r}/sections/{s.Id}"));
        var localIndicator = await factory.QueryAsync(db => db.LocalIndicators.IgnoreQueryFilters().Where(l => l.OrganisationId == DemoSeeder.DemokommunId).Select(l => l.Id).FirstAsync());
        draftPages.Add($"/indicators/local/{localIndicator}");
        foreach (var url in draftPages)
        {
            await CheckAsync(page, url);
        }
        await CheckAsync(page, $"/reports/{r}/read", AsText, AsTyped);
        await CheckAsync(page, $"/reports/{r}/observations", AsTyped);
        await CheckAsync(page, $"/reports/{r}/plans", AsTyped);
        await CheckAsync(page, "/feedback", AsTyped);
        await page.GotoAsync($"/reports/{r}/sections/{textSections[0].Id}");
        await page.Locator(".editor-host .ql-editor").First.WaitForAsync();
        await AssertCleanAsync(page, "editor after Quill loaded");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "xss-editor.png"), FullPage = false });
        await page.Context.CloseAsync();

        var editorPage = await NewWatchedPageAsync("editor@demo.test");
        foreach (var url in new[] { "/", "/notifications", "/plan/mine", $"/reports/{r}/sections/{commented}" })
        {
            await CheckAsync(editorPage, url);
        }
        await editorPage.Context.CloseAsync();

        var adminPage = await NewWatchedPageAsync("admin@demo.test");
        foreach (var url in new[] { "/admin/users", $"/admin/users/{editorUser.Id}", "/admin/sectors", "/admin/organisations", $"/admin/organisations/{DemoSeeder.DemokommunId}" })
        {
            await CheckAsync(adminPage, url);
        }
        await adminPage.Context.CloseAsync();

        // The print view the PDF is made from, for the draft, loaded without any content security policy.
        await CheckPrintAsync(r, "fi", version: null);
        await CheckPrintAsync(r, "sv", version: null);

        // Return to draft with a payload reason, then through the council with a payload decision, and publish.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.ReturnToDraft,
            ("Reason", XssPayloads.Chunks(ReportWorkflow.ReasonMaxLength)[0]))).StatusCode);
        var afterReturn = await NewWatchedPageAsync("coordinator@demo.test");
        foreach (var url in new[] { "/notifications", $"/reports/{r}", $"/reports/{r}/audit" })
        {
            await CheckAsync(afterReturn, url);
        }
        await afterReturn.Context.CloseAsync();
        // Every text section is also marked as left empty on purpose with a payload reason: readers see the reason in a
        // language whose text the sanitizer left blank, and the completeness checklist lets the report go to the board.
        foreach (var section in textSections)
        {
            await coordinator.SubmitAcceptedAsync($"/reports/{r}/sections/{section.Id}", "/empty", ("leave", "true"),
                ("reasonFi", XssPayloads.Chunks(ReportSection.EmptyReasonMaxLength)[0]), ("reasonSv", ShortPayloads[0]));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(secretary, r, WorkflowAction.RecordBoardDecision,
            ("Body", XssPayloads.Chunks(CouncilDecision.BodyMaxLength)[0]), ("MeetingDate", "2026-11-09"), ("Paragraph", "\"><b>201</b>"),
            ("Proposal", XssPayloads.Chunks(BoardDecision.ProposalMaxLength)[0]),
            ("MinutesUrl", "https://demo.example/kh?x=\"><script>alert(1)</script>"),
            ("Amendment", XssPayloads.Chunks(CouncilDecision.AmendmentMaxLength)[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.SendToCouncil)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(secretary, r, WorkflowAction.Approve,
            ("Body", XssPayloads.Chunks(CouncilDecision.BodyMaxLength)[0]), ("MeetingDate", "2026-11-16"), ("Paragraph", "\"><b>12</b>"),
            ("MinutesUrl", "https://demo.example/minutes?x=\"><script>alert(1)</script>"),
            ("Amendment", XssPayloads.Chunks(CouncilDecision.AmendmentMaxLength)[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, r, WorkflowAction.Publish)).StatusCode);

        var version = await factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == r));
        await CheckPrintAsync(r, "fi", version);
        await CheckPrintAsync(r, "sv", version);

        var council = await NewWatchedPageAsync("council@demo.test");
        foreach (var url in new[] { "/", "/notifications", $"/reports/{r}/read", $"/reports/{r}/read?lang=sv", "/plan", $"/plan/measures/{measure}", "/plan/follow-up/2025" })
        {
            await CheckAsync(council, url);
        }
        await council.Context.CloseAsync();

        string slug;
        using (var anonymous = FormClient.Anonymous(app.BaseAddress))
        {
            slug = System.Text.RegularExpressions.Regex.Matches(await anonymous.GetAsync("/fi/demo"), "href=\"/fi/demo/([a-z0-9-]+)\"")
                .Select(m => m.Groups[1].Value).First(s => s != "hyvinvointikertomus-2021-2025");
        }
        var visitor = await NewWatchedPageAsync(null);
        foreach (var url in new[] { "/fi", "/fi?q=X0", "/sv", "/fi/demo", "/sv/demo", $"/fi/demo/{slug}", $"/sv/demo/{slug}", $"/en/demo/{slug}",
            $"/fi/demo/{slug}/feedback", PublishedReport, "/sv/demo/hyvinvointikertomus-2021-2025", $"{PublishedReport}/feedback", "/fi/accessibility/feedback?organisation=demo" })
        {
            await CheckAsync(visitor, url);
        }
        await CheckAsync(visitor, $"/fi/demo/{slug}", AsTyped, AsText);
        await CheckAsync(visitor, PublishedReport, AsTyped);
        await visitor.GotoAsync($"/fi/demo/{slug}");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "xss-public-report.png"), FullPage = false });
        await visitor.Context.CloseAsync();

        Assert.True(_traces.Count == 0, "Payloads came alive:\n" + string.Join("\n", _traces));
        output.WriteLine($"Whole journey {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }

    /// <summary>The checks themselves: a page where the payloads are live markup is caught by every one of them.</summary>
    [Fact]
    public async Task The_checks_catch_payloads_that_are_live()
    {
        var page = await NewWatchedPageAsync(null);
        var html = "<!DOCTYPE html><html><head><title>t</title></head><body>" + string.Concat(XssPayloads.Postable.Select(p => $"<p>{p}</p>")) + "</body></html>";
        await page.Context.RouteAsync("**/live-payloads", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await page.GotoAsync("/live-payloads");
        await page.WaitForTimeoutAsync(500);
        var problems = await page.EvaluateAsync<string[]>(LiveMarkupScript);
        await page.Context.CloseAsync();
        Assert.Contains(problems, p => p.StartsWith("inline <script>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("handler onerror", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("href=javascript:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("live <iframe>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("window.__xss", StringComparison.Ordinal));
        lock (_traces)
        {
            Assert.Contains(_traces, t => t.Contains("dialog", StringComparison.Ordinal));
            Assert.Contains(_traces, t => t.StartsWith("request to", StringComparison.Ordinal) && t.Contains(XssPayloads.TrapPath, StringComparison.Ordinal));
        }
    }

    private static async Task SaveTextAsync(FormClient client, Guid reportId, Guid sectionId, string language, string html)
    {
        var page = await client.GetAsync($"/reports/{reportId}/sections/{sectionId}");
        var match = System.Text.RegularExpressions.Regex.Match(page,
            $"data-language=\"{language}\"[^>]*?data-version=\"([0-9a-f-]+)\"|data-version=\"([0-9a-f-]+)\"[^>]*?data-save-url=\"[^\"]*/text/{language}\"");
        var version = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var response = await client.Client.PostAsync($"/reports/{reportId}/sections/{sectionId}/text/{language}", new FormUrlEncodedContent(
            [new("html", html), new("version", version), new("__RequestVerificationToken", Web.Tests.Infrastructure.Browser.TokenIn(page))]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Saving {language} text answered {(int)response.StatusCode}: {body}");
        Assert.Equal("saved", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
    }

    private static Task<HttpResponseMessage> MoveAsync(FormClient client, Guid reportId, WorkflowAction action, params (string, string)[] fields)
    {
        var url = $"/reports/{reportId}/workflow/{action}";
        // As a coordinator who has read the checklist's warnings and ticked "I have checked these".
        return client.SubmitAsync(url, $"/workflow/{action}", [("WarningsConfirmed", "true"), .. fields]);
    }

    /// <summary>A signed-in (or anonymous) Chromium page with the CSP bypassed and every kind of trace recorded.</summary>
    private async Task<IPage> NewWatchedPageAsync(string? email)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "fi-FI",
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(60_000);
        await context.RouteAsync($"**{XssPayloads.TrapPath}**", async route =>
        {
            lock (_traces)
            {
                _traces.Add($"request to {route.Request.Url}");
            }
            await route.FulfillAsync(new() { Status = 204 });
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            lock (_traces)
            {
                _traces.Add($"{dialog.Type} dialog \"{dialog.Message}\" on {page.Url}");
            }
            await dialog.DismissAsync();
        };
        page.PageError += (_, error) =>
        {
            lock (_traces)
            {
                _traces.Add($"page error on {page.Url}: {error}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("xss", StringComparison.OrdinalIgnoreCase) || message.Type == "error" && !message.Text.Contains("404", StringComparison.Ordinal))
            {
                lock (_traces)
                {
                    _traces.Add($"console {message.Type} on {page.Url}: {message.Text}");
                }
            }
        };
        if (email is not null)
        {
            await page.GotoAsync("/account/login");
            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync(AppFixture.DemoPassword);
            await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Uri(app.BaseAddress, "/").ToString());
        }
        return page;
    }

    private async Task CheckAsync(IPage page, string url, params string[] mustShow)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        await AssertCleanAsync(page, url);
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var shown in mustShow)
        {
            Assert.True(text.Contains(shown, StringComparison.Ordinal), $"{url} does not show \"{shown}\" as text");
        }
    }

    /// <summary>A plain-text payload shown as the very characters that were typed.</summary>
    private const string AsTyped = "X51\"><script>alert(51)</script>";

    /// <summary>Rich text keeps the words of a payload and drops its markup.</summary>
    private const string AsText = "X61{{constructor.constructor('alert(61)')()}}";

    private async Task AssertCleanAsync(IPage page, string where)
    {
        // Give handlers (load, error, focus, toggle, animation begin, refresh) a moment to fire.
        await page.WaitForTimeoutAsync(150);
        var problems = await page.EvaluateAsync<string[]>(LiveMarkupScript);
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        var shown = System.Text.RegularExpressions.Regex.Matches(text, "X[0-9]{2}").Select(m => m.Value).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"{where}: {shown} payloads shown as text, {problems.Length} problems");
        foreach (var problem in problems)
        {
            output.WriteLine($"  PROBLEM {problem}");
        }
        lock (_traces)
        {
            _traces.AddRange(problems.Select(p => $"{where}: {p}"));
        }
    }

    /// <summary>The print view, rendered as the PDF service renders it, served under the app's origin without CSP.</summary>
    private async Task CheckPrintAsync(Guid reportId, string language, ReportVersion? version)
    {
        string html;
        using (var scope = app.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
            var pdf = scope.ServiceProvider.GetRequiredService<ReportPdfService>();
            var model = version is null ? await pdf.LiveAsync(reportId, language, CancellationToken.None) : await pdf.ForVersionAsync(version, language, CancellationToken.None);
            Assert.NotNull(model);
            html = await pdf.HtmlAsync(model);
            var frame = pdf.Frame(model);
            Assert.DoesNotContain("<script", frame.HeaderHtml, StringComparison.OrdinalIgnoreCase);
        }
        var page = await NewWatchedPageAsync(null);
        var printUrl = $"/print-under-test-{language}-{(version is null ? "draft" : "approved")}";
        await page.Context.RouteAsync($"**{printUrl}", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await page.GotoAsync(printUrl);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await AssertCleanAsync(page, $"print view {language} {(version is null ? "draft" : "approved")}");
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        Assert.Contains(AsText, text, StringComparison.Ordinal);
        Assert.Contains(AsTyped, text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private const string LiveMarkupScript = """
        () => {
          const problems = [];
          const banned = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'xss', 'marquee', 'audio', 'video', 'math', 'maction', 'animate', 'set']);
          const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'srcset']);
          for (const el of document.querySelectorAll('*')) {
            const name = el.localName;
            if (banned.has(name)) problems.push('live <' + name + '>');
            if (name === 'script') {
              const src = el.getAttribute('src');
              if (!src) problems.push('inline <script>: ' + el.textContent.slice(0, 80));
              else {
                const u = new URL(src, location.href);
                if (u.origin !== location.origin || !/^\/(js|lib)\//.test(u.pathname)) problems.push('foreign <script src=' + src + '>');
              }
            }
            if (name === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') problems.push('live <meta refresh>');
            if (name === 'style' && /xss|expression|@import/i.test(el.textContent)) problems.push('payload <style>');
            if (name === 'link' && /xss/i.test(el.getAttribute('href') || '')) problems.push('payload <link>');
            if (name === 'img' && !/^(\/|data:image\/|https?:)/.test(el.getAttribute('src') || '')) problems.push('odd <img src=' + el.getAttribute('src') + '>');
            for (const a of el.attributes) {
              const n = a.name.toLowerCase();
              const v = a.value.replace(/[\u0000-\u0020\u00ad]/g, '').toLowerCase();
              if (n.startsWith('on')) problems.push('handler ' + n + ' on <' + name + '>');
              if (n === 'srcdoc' || n === 'formaction') problems.push(n + ' on <' + name + '>');
              if (urlAttributes.has(n) && /^(javascript|vbscript|data|jav&#)/.test(v) && !(name === 'img' && v.startsWith('data:image/'))) problems.push(n + '=' + a.value + ' on <' + name + '>');
              if ((urlAttributes.has(n) || n === 'style') && v.includes('xss-hit')) problems.push('trap url in ' + n + ' on <' + name + '>');
              if (n === 'style' && /expression|url\(/.test(v)) problems.push('payload style on <' + name + '>');
            }
          }
          if (typeof window.__xss !== 'undefined') problems.push('window.__xss = ' + window.__xss);
          if (/^xss/i.test(document.title)) problems.push('document.title = ' + document.title);
          return problems;
        }
        """;
}

/// <summary>Request size limits hold on the real server (the in-memory test server cannot enforce them).</summary>
[Collection(XssCollection.Name)]
public sealed class XssHugeBodyTests(AppFixture app)
{
    [Fact]
    public async Task Five_megabytes_of_section_text_are_refused_and_the_text_stays()
    {
        var report = await app.Factory.DemoReportAsync();
        var section = await app.Factory.DemoSectionAsync("Työikäiset");
        var before = section.TextIn("fi")!.Html;
        using var coordinator = await FormClient.SignedInAsync(app.BaseAddress, "coordinator@demo.test");
        var page = await coordinator.GetAsync($"/reports/{report.Id}/sections/{section.Id}");
        try
        {
            var response = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/text/fi", new FormUrlEncodedContent(
                [new("html", "<p>" + new string('z', 5 * 1024 * 1024) + "</p>"), new("version", section.TextIn("fi")!.Version.ToString()),
                 new("__RequestVerificationToken", Web.Tests.Infrastructure.Browser.TokenIn(page))]));
            var body = await response.Content.ReadAsStringAsync();
            // Kestrel stops the body at the action's 2 MB limit while the form is read: the friendly page, 400 or 413.
            Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"5 MB answered {(int)response.StatusCode}");
            Assert.Contains("class=\"error-page\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            // Or the server answers and closes the connection before the client has finished sending.
        }
        Assert.Contains("data-version", await coordinator.GetAsync($"/reports/{report.Id}/sections/{section.Id}"), StringComparison.Ordinal);
        Assert.Equal(before, (await app.Factory.DemoSectionAsync("Työikäiset")).TextIn("fi")!.Html);
    }
}
