using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Workflow;

/// <summary>
/// The board prepares, the council decides: review → the board → the board's decision → the council → approved, over
/// HTTP, with the secretary recording both decisions and the reading view showing them in that order.
/// </summary>
public sealed class BoardWorkflowTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<WelfareReport> ReportAsync() => _factory.DemoReportAsync();

    [Fact]
    public async Task The_board_handles_the_report_before_the_council_and_the_reading_view_shows_both_decisions()
    {
        var report = await ReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "fi");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "fi");
        var councilMember = await _factory.UserAsync("council@demo.test");
        var editor = await _factory.UserAsync("editor@demo.test");

        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        // Straight from review to the council is no longer a way: the page says what the move needs.
        var skipped = await coordinator.Client.GetAsync($"/reports/{report.Id}/workflow/SendToCouncil");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Contains("The board prepares what the council decides", WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(skipped.Headers.Location!.OriginalString)));

        await _factory.LeaveEmptySectionsAsync(report.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(ReportStatus.SentToBoard, (await ReportAsync()).Status);
        Assert.True(await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters()
            .AnyAsync(n => n.UserId == councilMember.Id && n.Kind == "Notification.Workflow.SendToBoard")));
        var atBoard = await council.GetHtmlAsync($"/reports/{report.Id}/read");
        Assert.Contains("Kertomus on hallituksen käsittelyssä.", atBoard);
        // Board members (the council-member role) comment while the board has it.
        Assert.Contains("name=\"text\"", atBoard);

        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ("Body", "Kunnanhallitus"), ("MeetingDate", "2026-11-09"), ("Paragraph", "§ 201"),
            ("Proposal", "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen."),
            ("Amendment", "Nuorten lukuun lisätään etsivän nuorisotyön resurssit."))).StatusCode);
        var decided = await ReportAsync();
        Assert.Equal(ReportStatus.BoardDecided, decided.Status);
        Assert.Equal("201", decided.BoardDecision!.Paragraph);
        Assert.True(await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters()
            .AnyAsync(n => n.UserId == editor.Id && n.Kind == "Notification.Workflow.RecordBoardDecision")));

        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil)).StatusCode);
        // The council's decision must not predate the board's.
        var early = await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve,
            ("Body", "Kunnanvaltuusto"), ("MeetingDate", "2026-11-02"), ("Paragraph", "112"));
        Assert.Contains("Valtuusto ei ole voinut päättää ennen hallitusta", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);

        var version = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == report.Id));
        Assert.Equal("201", version.BoardDecision!.Paragraph);
        Assert.Equal("112", version.Decision.Paragraph);
        var reading = await council.GetHtmlAsync($"/reports/{report.Id}/read?lang=fi");
        var board = reading.IndexOf("<h3 class=\"doc-decision-heading\">Hallituksen päätös</h3>", StringComparison.Ordinal);
        var councilHeading = reading.IndexOf("<h3 class=\"doc-decision-heading\">Valtuuston päätös</h3>", StringComparison.Ordinal);
        Assert.True(board > 0 && councilHeading > board, "the board's decision comes first, then the council's");
        Assert.Contains("Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen.", reading);
        Assert.Contains("Nuorten lukuun lisätään etsivän nuorisotyön resurssit.", reading);
        Assert.Contains("Esitetty valtuustolle: Kunnanhallitus 9.11.2026 § 201", reading);

        var audit = await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ReportId == report.Id && a.Action.StartsWith("Workflow.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Workflow.Approve", "Workflow.RecordBoardDecision", "Workflow.SendToBoard", "Workflow.SendToCouncil", "Workflow.SubmitForReview"],
            audit.Order());
    }

    [Theory]
    [InlineData("fi", "Anna hallituksen esitys valtuustolle.", "Kokouspäivä ei voi olla tulevaisuudessa", "Anna pöytäkirjan pykälä (§).")]
    [InlineData("sv", "Ange styrelsens förslag till fullmäktige.", "Sammanträdesdatumet kan inte ligga i framtiden", "Ange protokollets paragraf (§).")]
    public async Task A_bad_board_decision_is_refused_field_by_field_in_the_secretarys_language(string language, string noProposal, string future,
        string noParagraph)
    {
        var report = await ReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", language);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await _factory.LeaveEmptySectionsAsync(report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard);

        var withoutProposal = await (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ("Body", "Kunnanhallitus"), ("MeetingDate", "2026-11-09"), ("Paragraph", "201"), ("Proposal", " "))).Content.ReadAsStringAsync();
        var inFuture = await (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ("Body", "Kunnanhallitus"), ("MeetingDate", "2026-12-24"), ("Paragraph", "201"), ("Proposal", "Esitys."))).Content.ReadAsStringAsync();
        var withoutParagraph = await (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ("Body", "Kunnanhallitus"), ("MeetingDate", "2026-11-09"), ("Paragraph", ""), ("Proposal", "Esitys."))).Content.ReadAsStringAsync();

        Assert.Contains(noProposal, withoutProposal);
        Assert.Contains("id=\"Proposal-error\"", withoutProposal);
        Assert.Contains("value=\"Kunnanhallitus\"", withoutProposal);
        Assert.Contains(future, inFuture);
        Assert.Contains(noParagraph, withoutParagraph);
        Assert.Contains("Esitys.</textarea>", withoutParagraph);
        Assert.Equal(ReportStatus.SentToBoard, (await ReportAsync()).Status);
        Assert.Null((await ReportAsync()).BoardDecision);
    }

    [Fact]
    public async Task Only_the_secretary_records_the_board_decision_and_the_writers_get_the_report_back_from_the_board()
    {
        var report = await ReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, report.Id);
        Assert.Equal(ReportStatus.BoardDecided, (await ReportAsync()).Status);

        foreach (var browser in new[] { coordinator, council })
        {
            var denied = await browser.Client.GetAsync($"/reports/{report.Id}/workflow/RecordBoardDecision");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.ReturnToDraft,
            ("Reason", "Hallitus palautti kertomuksen valmisteluun."))).StatusCode);
        var returned = await ReportAsync();
        Assert.Equal(ReportStatus.Draft, returned.Status);
        Assert.Null(returned.BoardDecision);
        Assert.Equal("Hallitus palautti kertomuksen valmisteluun.", returned.ReturnReason);
    }

    [Fact]
    public async Task A_report_already_with_the_council_without_a_board_decision_is_still_approved_as_before()
    {
        var report = await ReportAsync();
        // As a report sent to the council before the board's step existed would stand after the migration.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Valfard.Infrastructure.Persistence.ValfardDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE WelfareReports SET Status = 'SentToCouncil' WHERE Id = {report.Id}");
        }
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        Assert.Equal(ReportStatus.SentToCouncil, (await ReportAsync()).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);

        var version = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == report.Id));
        Assert.Null(version.BoardDecision);
        var reading = WebUtility.HtmlDecode(await council.GetHtmlAsync($"/reports/{report.Id}/read"));
        // Inside the document its labels follow the document's language (Finnish here), as in the council PDF.
        Assert.Contains("Valtuuston päätös", reading);
        Assert.DoesNotContain("Hallituksen päätös", reading);
    }

    public void Dispose() => _factory.Dispose();
}
