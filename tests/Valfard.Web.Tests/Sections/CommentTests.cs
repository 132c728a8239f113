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
