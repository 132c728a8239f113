using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Notifications;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Notifications;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Notifications;

/// <summary>Issue 17 §3: notifications go to e-mail as each person chose, in their language, with a link; reminders go out once.</summary>
public sealed class MailNotificationTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private async Task SetLanguageAsync(string email, string language)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == email);
        user.PreferredLanguage = language;
        await db.SaveChangesAsync();
    }

    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> pass)
    {
        using var scope = _factory.Services.CreateScope();
        return await pass(scope.ServiceProvider);
    }

    /// <summary>A section of the demo's report in progress that nobody has been named to write yet.</summary>
    private Task<ReportSection> UnassignedSectionAsync() =>
        _factory.QueryAsync(async db =>
        {
            var report = await _factory.DemoReportAsync();
            return await db.ReportSections.IgnoreQueryFilters().Include(s => s.Editors).AsNoTracking()
                .Where(s => s.ReportId == report.Id && !s.Editors.Any()).OrderBy(s => s.Position).FirstAsync();
        });

    private static Task<HttpResponseMessage> AssignAsync(Browser coordinator, ReportSection section, Guid editorId, string dueDate)
    {
        var url = $"/reports/{section.ReportId}/sections/{section.Id}/assign";
        return coordinator.PostFormAsync(url, url, ("SectorId", section.SectorId?.ToString() ?? string.Empty), ("EditorIds", editorId.ToString()),
            ("DueDate", dueDate), ("Status", section.Status.ToString()), ("Version", section.Version.ToString()));
    }

    private static Task<HttpResponseMessage> AssignToAsync(Browser coordinator, ReportSection section, string dueDate, params Guid[] editorIds)
    {
        var url = $"/reports/{section.ReportId}/sections/{section.Id}/assign";
        return coordinator.PostFormAsync(url, url, [("SectorId", section.SectorId?.ToString() ?? string.Empty),
            .. editorIds.Select(id => ("EditorIds", id.ToString())),
            ("DueDate", dueDate), ("Status", section.Status.ToString()), ("Version", section.Version.ToString())]);
    }

    private Task<List<Domain.Common.Notification>> NotificationsAsync(Guid userId, string kind) =>
        _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().Where(n => n.UserId == userId && n.Kind == kind).ToListAsync());

    [Fact]
    public async Task Assigning_a_section_mails_the_editor_at_once_in_their_language_with_a_link()
    {
        await SetLanguageAsync("editor@demo.test", "sv");
        var editor = await _factory.UserAsync("editor@demo.test");
        var section = await UnassignedSectionAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(coordinator, section, editor.Id, "2026-12-20")).StatusCode);

        var mail = Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "editor@demo.test");
        Assert.Equal("Valfard: Du har fått ett avsnitt att skriva", mail.Subject);
        Assert.StartsWith("Hej ", mail.TextBody, StringComparison.Ordinal);
        // The Swedish title of the section and the date as a Finland-Swede writes it, though the coordinator works in Finnish.
        Assert.Contains($"{section.TitleSv} – ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("(20.12.2026)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://hyvinvointi.example.fi/reports/{section.ReportId}/sections/{section.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://hyvinvointi.example.fi/notifications/settings", mail.TextBody, StringComparison.Ordinal);
        // The in-app notification is there too, and the coordinator who assigned is not told of their own act.
        Assert.Single(await NotificationsAsync(editor.Id, NotificationKinds.SectionAssigned));
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "coordinator@demo.test");
    }

    [Fact]
    public async Task An_editor_who_turned_assignment_mail_off_gets_the_notification_but_no_mail()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        using (var own = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi"))
        {
            var page = await own.GetHtmlAsync("/notifications/settings");
            Assert.Contains("<h1>Sähköposti-ilmoitukset</h1>", page, StringComparison.Ordinal);
            // The defaults: assignments at once, workflow in the digest; the demo editor chose reminders at once.
            Assert.Contains("id=\"group-Assignments-AtOnce\" value=\"AtOnce\" checked=\"checked\"", page, StringComparison.Ordinal);
            Assert.Contains("id=\"group-Workflow-DailyDigest\" value=\"DailyDigest\" checked=\"checked\"", page, StringComparison.Ordinal);
            Assert.Contains("id=\"group-Reminders-AtOnce\" value=\"AtOnce\" checked=\"checked\"", page, StringComparison.Ordinal);
            var saved = await own.PostFormAsync("/notifications/settings", "/notifications/settings",
                ("Groups[0].Group", "Assignments"), ("Groups[0].Delivery", "Off"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            page = await own.GetHtmlAsync("/notifications/settings");
            Assert.Contains("Sähköposti-ilmoitusten asetukset tallennettiin.", page, StringComparison.Ordinal);
            Assert.Contains("id=\"group-Assignments-Off\" value=\"Off\" checked=\"checked\"", page, StringComparison.Ordinal);
        }
        var section = await UnassignedSectionAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(coordinator, section, editor.Id, "2026-12-20")).StatusCode);

        Assert.Single(await NotificationsAsync(editor.Id, NotificationKinds.SectionAssigned));
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "editor@demo.test");
        Assert.Equal(0, await _factory.QueryAsync(db => db.OutgoingMail.CountAsync()));
    }

    [Fact]
    public async Task The_digest_collects_the_days_notifications_in_one_mail_sent_once()
    {
        var coordinator = await _factory.UserAsync("coordinator@demo.test");
        await SetLanguageAsync("coordinator@demo.test", "fi");
        var young = await _factory.DemoSectionAsync("Nuoret");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var url = $"/reports/{young.ReportId}/sections/{young.Id}";
        // Two things for the coordinator's review-and-workflow group, whose default is the digest.
        await editor.PostFormAsync(url, $"{url}/status", ("status", "ReadyForReview"));
        await editor.PostFormAsync(url, $"{url}/status", ("status", "InProgress"));
        await editor.PostFormAsync(url, $"{url}/status", ("status", "ReadyForReview"));
        var waiting = await NotificationsAsync(coordinator.Id, NotificationKinds.SectionReady);
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, n => Assert.True(n.AwaitsDigest));
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "coordinator@demo.test");

        // 11:00 in Helsinki: too early for the day's digest.
        Assert.Equal(0, await RunAsync(s => s.GetRequiredService<DailyDigest>().RunAsync(CancellationToken.None)));
        _factory.Advance(TimeSpan.FromHours(6));
        // One digest each for the organisation's coordinators (and anyone else with notifications waiting).
        Assert.True(await RunAsync(s => s.GetRequiredService<DailyDigest>().RunAsync(CancellationToken.None)) >= 1);
        // Another pass (as after a restart) finds the day recorded and nothing waiting.
        Assert.Equal(0, await RunAsync(s => s.GetRequiredService<DailyDigest>().RunAsync(CancellationToken.None)));

        var digest = Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "coordinator@demo.test");
        Assert.Equal("Valfard: päivän ilmoitukset", digest.Subject);
        Assert.Equal(2, digest.TextBody.Split('\n').Count(l => l.StartsWith("– Luku on valmis tarkastettavaksi: Nuoret – ", StringComparison.Ordinal)));
        Assert.Contains("https://hyvinvointi.example.fi/notifications", digest.TextBody, StringComparison.Ordinal);
        Assert.All(await NotificationsAsync(coordinator.Id, NotificationKinds.SectionReady), n => Assert.NotNull(n.DigestedAt));
    }

    [Fact]
    public async Task Due_date_reminders_go_out_once_a_week_before_and_once_when_overdue()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        var section = await UnassignedSectionAsync();
        using (var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi"))
        {
            // Due in five days (the tests' today is 22.11.2026).
            await AssignAsync(coordinator, section, editor.Id, "2026-11-27");
        }
        // The demo's "Nuoret" (due 15.11.2026, written by the same editor) is overdue already.
        var young = await _factory.DemoSectionAsync("Nuoret");
        async Task<int> RemindersAsync() => await RunAsync(s => s.GetRequiredService<Reminders>().RunAsync(CancellationToken.None));
        async Task<List<string>> LinksAsync(string kind) => (await NotificationsAsync(editor.Id, kind)).Select(n => n.Link).ToList();

        Assert.True(await RemindersAsync() >= 2);
        Assert.Equal(0, await RemindersAsync());
        Assert.Equal([Reminders.SectionLink(section)], await LinksAsync(NotificationKinds.SectionDueSoon));
        Assert.Contains(Reminders.SectionLink(young), await LinksAsync(NotificationKinds.SectionOverdue));
        Assert.DoesNotContain(Reminders.SectionLink(section), await LinksAsync(NotificationKinds.SectionOverdue));

        // A week on, the new section is overdue: one more reminder for it, and still one for the other.
        _factory.Advance(TimeSpan.FromDays(7));
        await RemindersAsync();
        Assert.Equal(0, await RemindersAsync());
        Assert.Single(await LinksAsync(NotificationKinds.SectionDueSoon));
        Assert.Equal(1, (await LinksAsync(NotificationKinds.SectionOverdue)).Count(l => l == Reminders.SectionLink(section)));
        Assert.Equal(1, (await LinksAsync(NotificationKinds.SectionOverdue)).Count(l => l == Reminders.SectionLink(young)));
    }

    [Fact]
    public async Task The_remind_button_reminds_the_editors_once_a_day()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        var young = await _factory.DemoSectionAsync("Nuoret");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        var board = $"/reports/{young.ReportId}";
        var remind = $"{board}/sections/{young.Id}/remind";
        Assert.Contains($"action=\"{remind}\"", await coordinator.GetHtmlAsync(board), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(board, remind)).StatusCode);
        Assert.Contains("En påminnelse skickades till avsnittets skribenter.", await coordinator.GetHtmlAsync(board), StringComparison.Ordinal);
        await coordinator.PostFormAsync(board, remind);
        Assert.Contains("Skribenterna för det här avsnittet har redan påmints i dag.", await coordinator.GetHtmlAsync(board), StringComparison.Ordinal);
        Assert.Single(await NotificationsAsync(editor.Id, NotificationKinds.SectionNudged));
        // The demo editor chose reminders at once; they read Finnish.
        Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "editor@demo.test" && m.Subject == "Valfard: Koordinaattori muistuttaa luvusta");

        // The next day (signed in anew: the session has ended) the coordinator may remind again.
        _factory.Advance(TimeSpan.FromDays(1));
        using var nextDay = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        Assert.Equal(HttpStatusCode.Redirect, (await nextDay.PostFormAsync(board, remind)).StatusCode);
        Assert.Equal(2, (await NotificationsAsync(editor.Id, NotificationKinds.SectionNudged)).Count);

        // An editor has no such button, and the post is refused.
        using var writer = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");
        Assert.DoesNotContain("/remind\"", await writer.GetHtmlAsync(board), StringComparison.Ordinal);
        var refused = await writer.PostFormAsync(board, remind);
        Assert.NotEqual(board, refused.Headers.Location?.OriginalString);
        Assert.Equal(2, (await NotificationsAsync(editor.Id, NotificationKinds.SectionNudged)).Count);
    }

    [Fact]
    public async Task Reminders_and_assignments_reach_nobody_in_another_organisation()
    {
        var stranger = await _factory.UserAsync("editor@esimerkkila.test");
        var section = await UnassignedSectionAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        // A hand-made post naming another organisation's editor is refused, and nobody hears of it.
        await AssignAsync(coordinator, section, stranger.Id, "2026-11-25");
        await RunAsync(s => s.GetRequiredService<Reminders>().RunAsync(CancellationToken.None));
        await coordinator.PostFormAsync($"/reports/{section.ReportId}", $"/reports/{section.ReportId}/sections/{section.Id}/remind");

        Assert.Empty(await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == stranger.Id).ToListAsync()));
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "editor@esimerkkila.test");
        // Every notification the pass made is filed under its recipient's organisation and leads to a thing of it.
        var made = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Kind.StartsWith("Notification.Reminder."))
            .Select(n => new { n.OrganisationId, n.Link, UserOrganisation = db.Users.IgnoreQueryFilters().Where(u => u.Id == n.UserId).Select(u => u.OrganisationId).First() })
            .ToListAsync());
        Assert.NotEmpty(made);
        var sections = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Id, s.ReportId, s.OrganisationId }).ToListAsync());
        Assert.All(made, n =>
        {
            Assert.Equal(n.UserOrganisation, n.OrganisationId);
            var target = sections.SingleOrDefault(s => n.Link == $"/reports/{s.ReportId}/sections/{s.Id}");
            Assert.True(target is null || target.OrganisationId == n.OrganisationId, n.Link);
        });
    }

    [Fact]
    public async Task The_coordinator_who_presses_remind_is_not_reminded_by_their_own_button()
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        var coordinatorId = (await _factory.UserAsync("coordinator@demo.test")).Id;
        var shared = await UnassignedSectionAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        // The coordinator writes this section together with the editor.
        Assert.Equal(HttpStatusCode.Redirect, (await AssignToAsync(coordinator, shared, "2026-12-20", coordinatorId, editor.Id)).StatusCode);
        var board = $"/reports/{shared.ReportId}";

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(board, $"{board}/sections/{shared.Id}/remind")).StatusCode);

        Assert.Contains("Luvun kirjoittajille lähetettiin muistutus.", await coordinator.GetHtmlAsync(board), StringComparison.Ordinal);
        Assert.Single(await NotificationsAsync(editor.Id, NotificationKinds.SectionNudged));
        Assert.Empty(await NotificationsAsync(coordinatorId, NotificationKinds.SectionNudged));
        Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "editor@demo.test" && m.Subject == "Valfard: Koordinaattori muistuttaa luvusta");
        Assert.DoesNotContain(await _factory.DeliveredMailAsync(), m => m.To == "coordinator@demo.test");

        // A section the coordinator writes alone: nobody is reminded, the page says so, and no day is used up.
        var own = await UnassignedSectionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AssignToAsync(coordinator, own, "2026-12-20", coordinatorId)).StatusCode);
        await coordinator.PostFormAsync(board, $"{board}/sections/{own.Id}/remind");
        Assert.Contains("Olet luvun ainoa kirjoittaja, joten ketään muuta ei muistutettu.", await coordinator.GetHtmlAsync(board), StringComparison.Ordinal);
        Assert.Empty(await NotificationsAsync(coordinatorId, NotificationKinds.SectionNudged));
        Assert.False(await _factory.QueryAsync(db => db.SentReminders.AnyAsync(r => r.Key.StartsWith($"nudge:{own.Id}:"))));
    }

    [Fact]
    public async Task An_overdue_section_reminds_the_reports_coordinators_once_and_a_coordinator_who_writes_it_once()
    {
        var coordinatorId = (await _factory.UserAsync("coordinator@demo.test")).Id;
        var editor = await _factory.UserAsync("editor@demo.test");
        // The demo's "Nuoret" (due 15.11.2026, written by the editor) is overdue on the tests' 22.11.2026.
        var young = await _factory.DemoSectionAsync("Nuoret");
        var own = await UnassignedSectionAsync();
        using (var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AssignToAsync(coordinator, own, "2026-11-27", coordinatorId)).StatusCode);
        }
        async Task<int> RemindersAsync() => await RunAsync(s => s.GetRequiredService<Reminders>().RunAsync(CancellationToken.None));
        async Task<List<string>> LinksAsync(Guid userId, string kind) => (await NotificationsAsync(userId, kind)).Select(n => n.Link).ToList();

        await RemindersAsync();
        await RemindersAsync();

        // The coordinator hears of the overdue section they do not write, in the reminders group (the digest, by default).
        var overdue = Assert.Single(await NotificationsAsync(coordinatorId, NotificationKinds.SectionOverdue), n => n.Link == Reminders.SectionLink(young));
        Assert.True(overdue.AwaitsDigest);
        Assert.Equal(1, (await LinksAsync(editor.Id, NotificationKinds.SectionOverdue)).Count(l => l == Reminders.SectionLink(young)));
        // Their own section is due within a week: that goes to them as its writer, and is not overdue yet.
        Assert.Equal([Reminders.SectionLink(own)], await LinksAsync(coordinatorId, NotificationKinds.SectionDueSoon));
        Assert.DoesNotContain(Reminders.SectionLink(own), await LinksAsync(coordinatorId, NotificationKinds.SectionOverdue));
        // Nobody outside the organisation: the other municipality's editor and the county's coordinator hear nothing.
        var county = await _factory.UserAsync("county@demo.test");
        Assert.Empty(await NotificationsAsync(county.Id, NotificationKinds.SectionOverdue));

        // A week on, their own section is overdue: one reminder to them, though they are both its writer and the coordinator.
        _factory.Advance(TimeSpan.FromDays(7));
        await RemindersAsync();
        await RemindersAsync();
        Assert.Equal(1, (await LinksAsync(coordinatorId, NotificationKinds.SectionOverdue)).Count(l => l == Reminders.SectionLink(own)));
        Assert.Equal(1, (await LinksAsync(coordinatorId, NotificationKinds.SectionOverdue)).Count(l => l == Reminders.SectionLink(young)));
    }

    [Fact]
    public async Task Records_of_sent_reminders_are_pruned_after_400_days()
    {
        var young = await _factory.DemoSectionAsync("Nuoret");
        using (var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi"))
        {
            await coordinator.PostFormAsync($"/reports/{young.ReportId}", $"/reports/{young.ReportId}/sections/{young.Id}/remind");
        }
        var nudge = $"nudge:{young.Id}:2026-11-22";
        Task<bool> KeptAsync(string key) => _factory.QueryAsync(db => db.SentReminders.AnyAsync(r => r.Key == key));
        Task<int> PruneAsync() => RunAsync(s => s.GetRequiredService<Reminders>().PruneAsync(CancellationToken.None));
        Assert.True(await KeptAsync(nudge));

        // 399 days on the record is kept; the reminders pass that day writes records of its own.
        _factory.Advance(TimeSpan.FromDays(399));
        Assert.Equal(0, await PruneAsync());
        Assert.True(await KeptAsync(nudge));
        await RunAsync(s => s.GetRequiredService<Reminders>().RunAsync(CancellationToken.None));

        // Past 400 days the nudge's record goes, and only what was written before the cut-off with it.
        _factory.Advance(TimeSpan.FromDays(2));
        var cutoff = _factory.Clock.Object.GetUtcNow().AddDays(-Reminders.DefaultKeepSentRemindersDays);
        var records = await _factory.QueryAsync(db => db.SentReminders.AsNoTracking().ToListAsync());
        var expired = records.Where(r => r.SentAt < cutoff).Select(r => r.Key).ToList();
        Assert.Contains(nudge, expired);
        Assert.Contains(records, r => r.SentAt > cutoff.AddDays(397));

        Assert.Equal(expired.Count, await PruneAsync());

        var left = await _factory.QueryAsync(db => db.SentReminders.Select(r => r.Key).ToListAsync());
        Assert.Equal(records.Select(r => r.Key).Except(expired).Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
        Assert.NotEmpty(left);
    }

    [Theory]
    [InlineData("fi", "Päivittäinen kooste lähtee klo 16.00 Suomen aikaa")]
    [InlineData("sv", "Det dagliga sammandraget skickas kl. 16.00 finsk tid")]
    [InlineData("en", "The daily digest goes out at 16:00 Finnish time")]
    public async Task The_settings_page_tells_when_the_digest_goes_out(string language, string sentence)
    {
        using var own = await Browser.SignedInAsync(_factory, "editor@demo.test", language);
        Assert.Contains(sentence, await own.GetHtmlAsync("/notifications/settings"), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
