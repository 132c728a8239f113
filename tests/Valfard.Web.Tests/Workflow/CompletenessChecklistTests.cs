using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Workflow;

/// <summary>
/// Issue 17 §1: the checklist before review, the board, the council and publishing, over HTTP. An empty Swedish text
/// blocks the board until the section is marked as empty on purpose; warnings need "I have checked these"; a post
/// that skips the page is refused with the same rule and changes nothing.
/// </summary>
public sealed partial class CompletenessChecklistTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<WelfareReport> ReportAsync() => _factory.DemoReportAsync();

    [GeneratedRegex("name=\"ExpectedVersion\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ExpectedVersion();

    /// <summary>Posts the move's form as someone who skipped the page would: the fields given, and nothing else.</summary>
    private static async Task<HttpResponseMessage> PostMoveAsync(Browser browser, Guid reportId, WorkflowAction action, params (string, string)[] fields)
    {
        var url = $"/reports/{reportId}/workflow/{action}";
        var html = await browser.GetHtmlAsync(url);
        return await browser.Client.PostAsync(url, Browser.Form(Browser.TokenIn(html), [("ExpectedVersion", ExpectedVersion().Match(html).Groups[1].Value), .. fields]));
    }

    /// <summary>Every other empty section of the demo report is marked, so "Nuoret" (Finnish text only) is the one gap.</summary>
    private async Task<ReportSection> OnlyYouthWithoutSwedishAsync(Guid reportId)
    {
        await _factory.LeaveEmptySectionsAsync(reportId);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var youth = await db.ReportSections.IgnoreQueryFilters().Include(s => s.Texts).SingleAsync(s => s.ReportId == reportId && s.TitleFi == "Nuoret");
        youth.ExpectText();
        await db.SaveChangesAsync();
        Assert.NotEmpty(youth.TextIn("fi")!.Html);
        Assert.Empty(youth.TextIn("sv")!.Html);
        return youth;
    }

    [Fact]
    public async Task An_empty_Swedish_section_blocks_the_board_until_it_is_marked_empty_with_a_reason_and_readers_then_see_the_reason()
    {
        var report = await ReportAsync();
        var youth = await OnlyYouthWithoutSwedishAsync(report.Id);
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview)).StatusCode);

        // The page lists the gap with a link to the section, and its button is disabled.
        var page = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/SendToBoard"));
        Assert.Contains("Must be fixed first (1)", page, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}/sections/{youth.Id}#empty-on-purpose\">3.2 Nuoret</a>: ", page, StringComparison.Ordinal);
        Assert.Contains("no text in Swedish", page, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\" class=\"btn btn-primary\" disabled=\"disabled\"", page);

        // A post past the page, even with the warnings "confirmed", is refused with the message, and nothing is sent.
        var bypass = await PostMoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard, ("WarningsConfirmed", "true"));
        Assert.Equal(HttpStatusCode.OK, bypass.StatusCode);
        Assert.Contains("The report cannot take this step yet", WebUtility.HtmlDecode(await bypass.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.InReview, (await ReportAsync()).Status);
        Assert.Equal(0, await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().CountAsync(d => d.ReportId == report.Id)));

        // Back to the writers: the section is marked as empty on purpose, with the reason only in Finnish.
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.ReturnToDraft,
            ("Reason", "Nuorten luku puuttuu ruotsiksi."))).StatusCode);
        var editorUrl = $"/reports/{report.Id}/sections/{youth.Id}";
        var withoutReason = await coordinator.PostFormAsync(editorUrl, $"{editorUrl}/empty", ("leave", "true"), ("reasonFi", " "), ("reasonSv", ""));
        Assert.Equal(HttpStatusCode.Redirect, withoutReason.StatusCode);
        Assert.Contains("Write the reason in Finnish or Swedish", WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(editorUrl)), StringComparison.Ordinal);
        Assert.False((await _factory.DemoSectionAsync("Nuoret")).IsIntentionallyEmpty);
        const string Reason = "Nuorten luku julkaistaan vain suomeksi, koska nuorisovaltuusto kirjoitti sen itse.";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(editorUrl, $"{editorUrl}/empty", ("leave", "true"), ("reasonFi", Reason), ("reasonSv", ""))).StatusCode);
        var marked = await _factory.DemoSectionAsync("Nuoret");
        Assert.True(marked.IsIntentionallyEmpty);
        Assert.Equal(Reason, marked.EmptyReasonFi);

        // Now the board can be given the report; the Swedish reason's absence is only a warning.
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview)).StatusCode);
        var again = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/SendToBoard"));
        Assert.DoesNotContain("Must be fixed first", again, StringComparison.Ordinal);
        Assert.Contains("left empty on purpose, but the reason is not written in Swedish", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ApprovalWorkflowTests.BoardDecisionFields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);

        // The Swedish reader sees why, in Finnish and marked as such, not "this section has no text".
        using var resident = Browser.Open(_factory);
        var swedish = WebUtility.HtmlDecode(await resident.GetHtmlAsync("/sv/demo/hyvinvointikertomus-2025-2029"));
        var youthChapter = swedish[swedish.IndexOf("Unga</h", StringComparison.Ordinal)..];
        youthChapter = youthChapter[..youthChapter.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Det här avsnittet har avsiktligt lämnats utan text:", youthChapter, StringComparison.Ordinal);
        Assert.Contains($"<span lang=\"fi\">{Reason}</span>", youthChapter, StringComparison.Ordinal);
        Assert.Contains("finns endast på finska", youthChapter, StringComparison.Ordinal);
        Assert.DoesNotContain("Det här avsnittet har ingen text.", youthChapter, StringComparison.Ordinal);
        // The Finnish reader still reads the Finnish text.
        var finnish = WebUtility.HtmlDecode(await resident.GetHtmlAsync("/fi/demo/hyvinvointikertomus-2025-2029"));
        Assert.DoesNotContain(Reason, finnish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_before_review_need_the_confirmation_and_a_post_without_it_changes_nothing()
    {
        var report = await ReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var page = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/SubmitForReview"));
        // The demo's draft: before review the empty texts are warnings, as are the sections not done; nothing blocks.
        Assert.DoesNotContain("Must be fixed first", page, StringComparison.Ordinal);
        Assert.Matches(@"Check these \(\d+\)", page);
        Assert.Contains("no text in Swedish", page, StringComparison.Ordinal);
        Assert.Contains("not marked as done", page, StringComparison.Ordinal);
        Assert.Contains("name=\"WarningsConfirmed\"", page, StringComparison.Ordinal);

        var unconfirmed = await PostMoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick “I have checked these warnings” to take the step. Nothing was changed.",
            WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, (await ReportAsync()).Status);

        var confirmed = await PostMoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview, ("WarningsConfirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ReportStatus.InReview, (await ReportAsync()).Status);
    }

    [Fact]
    public async Task The_demos_published_previous_report_shows_why_its_empty_chapter_is_empty()
    {
        using var resident = Browser.Open(_factory);

        var finnish = WebUtility.HtmlDecode(await resident.GetHtmlAsync("/fi/demo/hyvinvointikertomus-2021-2025"));

        Assert.Contains("Tämä luku on jätetty tarkoituksella ilman tekstiä:", finnish, StringComparison.Ordinal);
        Assert.Contains("Koko väestöä koskevat teemat on käsitelty elämänvaiheittain luvuissa 3.1–3.4.", finnish, StringComparison.Ordinal);
        Assert.DoesNotContain("Tässä luvussa ei ole tekstiä.", finnish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chapter_heading_over_its_sub_chapters_is_neither_asked_for_text_nor_shown_to_readers_as_empty()
    {
        var report = await ReportAsync();
        string chapter, chapterAnchor, leaf, leafAnchor;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var withSections = await db.Reports.IgnoreQueryFilters().Include(r => r.Sections).ThenInclude(s => s.Texts)
                .SingleAsync(r => r.Id == report.Id);
            var numbers = withSections.SectionNumbers();
            bool Empty(ReportSection s) => s.Purpose == SectionPurpose.Text && s.Texts.All(t => t.Html.Length == 0) && !s.IsIntentionallyEmpty;
            // The demo draft's chapter 3 has no introduction; its sub-chapters carry the text, and 3.3 is still unwritten.
            var heading = withSections.Sections.First(s => Empty(s) && withSections.Sections.Any(c => c.ParentId == s.Id));
            var unwritten = withSections.Sections.First(s => Empty(s) && s.ParentId is not null && withSections.Sections.All(c => c.ParentId != s.Id));
            (chapter, chapterAnchor) = ($"{numbers[heading.Id]} {heading.TitleFi}", "section-" + numbers[heading.Id].Replace('.', '-'));
            (leaf, leafAnchor) = ($"{numbers[unwritten.Id]} {unwritten.TitleFi}", "section-" + numbers[unwritten.Id].Replace('.', '-'));
        }
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var checklist = Regex.Replace(WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/SubmitForReview")), @"\s+", " ");
        Assert.Contains($"{leaf}</a>: ei tekstiä suomeksi", checklist, StringComparison.Ordinal);
        Assert.DoesNotContain($"{chapter}</a>: ei tekstiä", checklist, StringComparison.Ordinal);
        Assert.Contains($"{chapter}</a>: ei merkitty valmiiksi", checklist, StringComparison.Ordinal);

        var reading = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/read"));
        Assert.DoesNotContain("Tässä luvussa ei ole tekstiä.", SectionIn(reading, chapterAnchor), StringComparison.Ordinal);
        Assert.Contains("Tässä luvussa ei ole tekstiä.", SectionIn(reading, leafAnchor), StringComparison.Ordinal);

        static string SectionIn(string html, string anchor)
        {
            var start = html.IndexOf($"aria-labelledby=\"{anchor}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, anchor);
            return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        }
    }

    public void Dispose() => _factory.Dispose();
}
