using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Sections;

public sealed class CommentTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<ReportSection> SectionAsync(string titleFi) => _factory.DemoSectionAsync(titleFi);

    [Fact]
    public async Task A_mention_notifies_the_person_and_a_mention_across_organisations_is_dropped()
    {
        var section = await SectionAsync("Ikääntyneet");
        var coordinator = await _factory.UserAsync("coordinator@demo.test");
        var stranger = await _factory.UserAsync("editor@esimerkkila.test");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";

        var response = await editor.PostFormAsync(url, $"{url}/comments",
            ("text", "Tarkistatko luvut?"), ("mention", coordinator.Id.ToString()), ("mention", stranger.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notified = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters()
            .Where(n => n.Text.Contains("Tarkistatko luvut?")).Select(n => n.UserId).ToListAsync());
        Assert.Equal([coordinator.Id], notified);
        using var coordinatorBrowser = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        Assert.Contains("Tarkistatko luvut?", await coordinatorBrowser.GetHtmlAsync("/notifications"));
    }

    [Fact]
    public async Task An_empty_comment_is_refused_with_a_message_and_nothing_is_saved()
    {
        var section = await SectionAsync("Ikääntyneet");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "sv");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        var before = await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync());

        await editor.PostFormAsync(url, $"{url}/comments", ("text", "   "));

        Assert.Contains("Skriv kommentaren först.", await editor.GetHtmlAsync(url));
        Assert.Equal(before, await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync()));
    }

    /// <summary>Issue 17 §15: the welfare group's threads are its own; a council member resolves only the threads they started.</summary>
    [Fact]
    public async Task A_council_member_resolves_only_their_own_threads_not_the_welfare_groups()
    {
        var section = await SectionAsync("Nuoret");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        await editor.PostFormAsync(url, $"{url}/comments", ("text", "Ryhmän oma huomio"));
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        Assert.Equal(HttpStatusCode.Redirect, (await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, section.ReportId, WorkflowAction.SubmitForReview)).StatusCode);
        await Workflow.ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, section.ReportId);
        Assert.Equal(HttpStatusCode.Redirect, (await Workflow.ApprovalWorkflowTests.MoveAsync(coordinator, section.ReportId, WorkflowAction.SendToCouncil)).StatusCode);
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        var read = $"/reports/{section.ReportId}/read";
        await council.PostFormAsync(read, $"{url}/comments", ("text", "Valtuutetun kysymys"), ("back", "read"));
        var groupThread = await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().SingleAsync(c => c.Text == "Ryhmän oma huomio"));
        var ownThread = await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().SingleAsync(c => c.Text == "Valtuutetun kysymys"));

        var page = await council.GetHtmlAsync(read);
        Assert.DoesNotContain($"/comments/{groupThread.Id}/resolve", page);
        Assert.Contains($"/comments/{ownThread.Id}/resolve", page);
        await council.PostFormAsync(read, $"{url}/comments/{groupThread.Id}/resolve", ("back", "read"));
        Assert.Contains("Only the welfare group or the person who started the thread can resolve or reopen it.", await council.GetHtmlAsync(read));
        await council.PostFormAsync(read, $"{url}/comments/{ownThread.Id}/resolve", ("back", "read"));

        Assert.False(await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().Where(c => c.Id == groupThread.Id).Select(c => c.IsResolved).SingleAsync()));
        Assert.True(await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().Where(c => c.Id == ownThread.Id).Select(c => c.IsResolved).SingleAsync()));
        // The coordinator still resolves the group's thread while the report is with the council.
        Assert.Contains($"/comments/{groupThread.Id}/resolve", await coordinator.GetHtmlAsync(read));
    }

    [Fact]
    public async Task A_council_member_cannot_comment_on_a_draft()
    {
        var section = await SectionAsync("Ikääntyneet");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        var token = await council.TokenFromAsync("/");

        await council.Client.PostAsync($"/reports/{section.ReportId}/sections/{section.Id}/comments", Browser.Form(token, ("text", "Valtuutetun kommentti")));

        Assert.False(await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().AnyAsync(c => c.Text == "Valtuutetun kommentti")));
    }

    [Fact]
    public async Task Comments_are_shown_as_text_not_html()
    {
        var section = await SectionAsync("Ikääntyneet");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";

        await editor.PostFormAsync(url, $"{url}/comments", ("text", "<script>alert('x')</script><b>lihava</b>"));
        var html = await editor.GetHtmlAsync(url);

        Assert.DoesNotContain("<script>alert('x')</script>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;lihava&lt;/b&gt;", html);
    }

    [Fact]
    public async Task Notifications_of_another_user_cannot_be_opened()
    {
        var foreign = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().FirstAsync());
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        var token = await council.TokenFromAsync("/notifications");

        var response = await council.Client.PostAsync($"/notifications/{foreign.Id}/open", Browser.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().FirstAsync(n => n.Id == foreign.Id))).ReadAt);
    }

    public void Dispose() => _factory.Dispose();
}
