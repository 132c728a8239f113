using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Feedback;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Feedback;

/// <summary>Residents' feedback from the public site: moderated report comments and accessibility feedback with its 14-day deadline.</summary>
public sealed class PublicFeedbackTests : IDisposable
{
    private const string Report = "/sv/demo/hyvinvointikertomus-2021-2025";
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Report_feedback_is_shown_publicly_only_after_the_coordinator_approves_it()
    {
        const string message = "Tack för en tydlig berättelse om ungas utbildning.";
        using var resident = Browser.Open(_factory);
        var sent = await resident.PostFormAsync(Report + "/feedback", Report + "/feedback", ("FeedbackForm.Message", message), ("FeedbackForm.Name", "Anna"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Din respons har tagits emot", await resident.GetHtmlAsync(sent.Headers.Location!.OriginalString));
        Assert.DoesNotContain(message, await resident.GetHtmlAsync(Report));

        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var inbox = await coordinator.GetHtmlAsync("/feedback");
        Assert.Contains(message, inbox);
        Assert.Contains("Feedback on a report", inbox);
        Assert.Contains("New feedback on a report", await coordinator.GetHtmlAsync("/notifications"));
        var feedback = await _factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().SingleAsync(f => f.Message == message));
        Assert.Equal(DemoSeeder.DemokommunId, feedback.OrganisationId);

        var approved = await coordinator.PostFormAsync("/feedback", $"/feedback/{feedback.Id}/approved");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var page = await resident.GetHtmlAsync(Report);
        Assert.Contains(message, page);
        Assert.Contains("Anna", page);
    }

    [Fact]
    public async Task A_rejected_comment_never_shows_and_an_editor_cannot_moderate()
    {
        const string message = "Reklam som inte hör hit.";
        using var resident = Browser.Open(_factory);
        await resident.PostFormAsync(Report + "/feedback", Report + "/feedback", ("FeedbackForm.Message", message));
        var feedback = await _factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().SingleAsync(f => f.Message == message));

        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var refused = await editor.Client.GetAsync("/feedback");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        await coordinator.PostFormAsync("/feedback", $"/feedback/{feedback.Id}/rejected");
        Assert.DoesNotContain(message, await resident.GetHtmlAsync(Report));
        Assert.Equal(FeedbackStatus.Rejected, (await _factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().SingleAsync(f => f.Id == feedback.Id))).Status);
    }

    [Fact]
    public async Task An_empty_message_is_refused_with_the_error_tied_to_the_field()
    {
        using var resident = Browser.Open(_factory);
        var response = await resident.PostFormAsync(Report + "/feedback", Report + "/feedback", ("FeedbackForm.Message", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"FeedbackForm_Message-error\"", html);
        Assert.Contains("aria-describedby=\"FeedbackForm_Message-error\"", html);
        Assert.Contains("Din respons", html);
        Assert.Empty(await _factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().ToListAsync()));
    }

    [Fact]
    public async Task Accessibility_feedback_reaches_the_coordinator_with_a_14_day_deadline_flagged_when_overdue()
    {
        const string message = "Diagrammet går inte att läsa med skärmläsare.";
        using var resident = Browser.Open(_factory);
        var sent = await resident.PostFormAsync("/sv/accessibility/feedback", "/sv/accessibility/feedback",
            ("Organisation", "demo"), ("Page", Report), ("Message", message), ("Email", "resident@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var inbox = await coordinator.GetHtmlAsync("/feedback");
        Assert.Contains(message, inbox);
        Assert.Contains("vastattava viimeistään 6.12.2026", inbox);
        Assert.DoesNotContain("Myöhässä", inbox);
        Assert.Contains("Uusi saavutettavuuspalaute", await coordinator.GetHtmlAsync("/notifications"));

        _factory.Advance(TimeSpan.FromDays(15));
        using var later = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        Assert.Contains("Myöhässä", await later.GetHtmlAsync("/feedback"));
        Assert.DoesNotContain(message, await resident.GetHtmlAsync(Report));
    }

    [Fact]
    public async Task Feedback_from_one_address_is_rate_limited()
    {
        using var resident = Browser.Open(_factory);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            codes.Add((await resident.PostFormAsync(Report + "/feedback", Report + "/feedback", ("FeedbackForm.Message", $"Respons {i}"))).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.Equal(HttpStatusCode.Redirect, codes[0]);
    }
}
