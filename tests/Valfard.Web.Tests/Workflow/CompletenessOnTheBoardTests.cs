using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Workflow;

/// <summary>
/// Issue 17 §1, finished: the checklist of the next step on the report's own board, the joys and concerns and the plan
/// checked too, and the way out for a report approved with an empty section before the checklist existed.
/// </summary>
public sealed class CompletenessOnTheBoardTests : IDisposable
{
    private const string Concern = "Nuorten yksinäisyys ja ahdistuneisuus ovat yleistyneet.";

    private readonly ValfardFactory _factory = new();

    private Task<WelfareReport> ReportAsync() => _factory.DemoReportAsync();

    private async Task<T> InDbAsync<T>(Func<ValfardDbContext, Task<T>> work)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var result = await work(db);
        await db.SaveChangesAsync();
        return result;
    }

    [Fact]
    public async Task The_board_shows_the_next_steps_checklist_with_a_concern_without_Swedish_blocking_and_a_goal_without_measures()
    {
        var report = await ReportAsync();
        await _factory.LeaveEmptySectionsAsync(report.Id);
        // The concern loses its Swedish text; the term's plan gets a goal nobody has planned measures for.
        var concernId = await InDbAsync(async db =>
        {
            var concern = await db.Observations.IgnoreQueryFilters().SingleAsync(o => o.ReportId == report.Id && o.TextFi == Concern);
            concern.Update(concern.Kind, concern.LifeStage, concern.TextFi, "", concern.Evidence);
            return concern.Id;
        });
        var goalId = await InDbAsync(async db =>
        {
            var plan = await db.Plans.IgnoreQueryFilters().SingleAsync(p => p.OrganisationId == DemoSeeder.DemokommunId && p.CouncilTermId == report.CouncilTermId);
            var goal = new Goal(Guid.NewGuid(), plan, "T9", 99);
            goal.Update("T9", "Liikuntaneuvonta kaikille", "Motionsrådgivning för alla", "", "", LifeStage.WholePopulation, "");
            db.Goals.Add(goal);
            return goal.Id;
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview)).StatusCode);

        var board = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}"));

        Assert.Contains("Before the next step: Send to the board", board, StringComparison.Ordinal);
        Assert.Contains("1 item stops the step", board, StringComparison.Ordinal);
        Assert.Matches(@"\d+ warnings? to check", board);
        Assert.Contains("<summary>Show the checklist</summary>", board, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}/observations/{concernId}\">{Concern}</a>: no text in Swedish", board, StringComparison.Ordinal);
        Assert.Contains($"/plan/goals/{goalId}\">T9 Liikuntaneuvonta kaikille</a>: the goal has no measures", board, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}/workflow/sendtoboard\">Go to the step: Send to the board</a>", board, StringComparison.Ordinal);

        // The server applies the same rule: the concern stops the board even with the warnings confirmed.
        Assert.Equal(HttpStatusCode.OK, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(ReportStatus.InReview, (await ReportAsync()).Status);

        // Written in Swedish, the concern no longer blocks; the goal stays a warning the coordinator confirms.
        await InDbAsync(async db =>
        {
            var concern = await db.Observations.IgnoreQueryFilters().SingleAsync(o => o.Id == concernId);
            concern.Update(concern.Kind, concern.LifeStage, concern.TextFi, "Ungas ensamhet och ångest har blivit vanligare.", concern.Evidence);
            return concern.Id;
        });
        var after = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}"));
        Assert.DoesNotContain("stops the step", after, StringComparison.Ordinal);
        Assert.Contains("T9 Liikuntaneuvonta kaikille</a>: the goal has no measures", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(ReportStatus.SentToBoard, (await ReportAsync()).Status);
    }

    [Fact]
    public async Task An_editor_does_not_get_the_coordinators_checklist_on_the_board()
    {
        var report = await ReportAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var board = WebUtility.HtmlDecode(await editor.GetHtmlAsync($"/reports/{report.Id}"));

        Assert.Contains("<h2 id=\"progress-heading\"", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Before the next step", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_approved_with_an_unmarked_empty_section_goes_back_to_draft_as_version_2_and_is_then_published()
    {
        var report = await ReportAsync();
        await _factory.LeaveEmptySectionsAsync(report.Id);
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        await TakeToApprovedAsync(coordinator, secretary, report.Id);
        // As if approved before the checklist existed: one of the empty sections carries no mark.
        var section = await InDbAsync(async db =>
        {
            // One without text in either language, so that both readers would meet "this section has no text".
            var marked = (await db.ReportSections.IgnoreQueryFilters().Include(s => s.Texts).Where(s => s.ReportId == report.Id && s.IsIntentionallyEmpty)
                    .ToListAsync())
                .OrderBy(s => s.Position).First(s => s.Texts.All(t => Valfard.Infrastructure.Text.PlainText.From(t.Html).Length == 0));
            marked.ExpectText();
            return marked;
        });
        var approved = await ReportAsync();
        Assert.Equal(ReportStatus.Approved, approved.Status);
        Assert.Equal(1, approved.VersionNumber);

        // Publishing is blocked, on the step's page and on the board, and both offer the way out.
        var publishPage = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/Publish"));
        // Empty in both languages: one line for each.
        Assert.Contains("Must be fixed first (2)", publishPage, StringComparison.Ordinal);
        Assert.Contains("The approved text cannot be changed. To fill the gap, return the report to draft", publishPage, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}/workflow/returntodraft\">Return to draft</a>", publishPage, StringComparison.Ordinal);
        var board = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}"));
        Assert.Contains("Before the next step: Publish", board, StringComparison.Ordinal);
        Assert.Contains("2 items stop the step", board, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}/workflow/returntodraft\">Return to draft</a>", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Go to the step: Publish", board, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);
        Assert.Equal(ReportStatus.Approved, (await ReportAsync()).Status);

        // The way out has its own warning, and a reason.
        var returnPage = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/workflow/ReturnToDraft"));
        Assert.Contains("The council has approved this version. It will not be published", returnPage, StringComparison.Ordinal);
        const string Why = "Luku hyväksyttiin tyhjänä ennen tarkistuslistaa; merkitään tarkoituksella tyhjäksi.";
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.ReturnToDraft, ("Reason", Why))).StatusCode);
        var draft = await ReportAsync();
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal(2, draft.VersionNumber);
        var audit = await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ReportId == report.Id && a.Action == "Workflow.ReturnToDraft").Select(a => a.Details).ToListAsync());
        Assert.Equal([$"Approved → Draft: {Why}"], audit);
        var read = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{report.Id}/read"));
        Assert.Contains("Not published: returned to draft", read, StringComparison.Ordinal);

        // The writers mark the section, and version 2 goes round: review, the board, the council, publishing.
        var editorUrl = $"/reports/{report.Id}/sections/{section.Id}";
        const string Reason = "Teema käsitellään elämänvaiheittain muissa luvuissa.";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(editorUrl, $"{editorUrl}/empty", ("leave", "true"), ("reasonFi", Reason),
            ("reasonSv", "Temat behandlas per livsskede i de andra avsnitten."))).StatusCode);
        await TakeToApprovedAsync(coordinator, secretary, report.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);

        Assert.Equal(ReportStatus.Published, (await ReportAsync()).Status);
        var versions = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.ReportId == report.Id)
            .OrderBy(v => v.Number).Select(v => new { v.Number, v.PublishedAt }).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Null(versions[0].PublishedAt);
        Assert.NotNull(versions[1].PublishedAt);
        using var resident = Browser.Open(_factory);
        var finnish = WebUtility.HtmlDecode(await resident.GetHtmlAsync("/fi/demo/hyvinvointikertomus-2025-2029"));
        Assert.Contains(Reason, finnish, StringComparison.Ordinal);
    }

    private static async Task TakeToApprovedAsync(Browser coordinator, Browser secretary, Guid reportId)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, reportId, WorkflowAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, reportId, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, reportId, WorkflowAction.RecordBoardDecision,
            ApprovalWorkflowTests.BoardDecisionFields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, reportId, WorkflowAction.SendToCouncil)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, reportId, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
