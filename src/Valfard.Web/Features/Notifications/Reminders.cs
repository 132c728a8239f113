using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Feedback;
using Valfard.Domain.Notifications;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Notifications;

/// <summary>
/// The reminders nobody has to remember to send: sections due within a week and overdue, follow-up rounds still
/// waiting for measure owners, accessibility feedback whose legal answer deadline nears or has passed. Each goes out
/// once per threshold: a <see cref="SentReminder"/> key records it in the same save as the notifications. Runs for
/// every organisation (a background pass has none of its own), and each reminder goes only to people of the
/// organisation the thing belongs to.
/// </summary>
public sealed partial class Reminders(ValfardDbContext db, Notifier notifier, TimeProvider clock, IConfiguration configuration,
    ILogger<Reminders> logger)
{
    /// <summary>Records of sent reminders are kept this many days (over a year: longer than any threshold needs).</summary>
    public const int DefaultKeepSentRemindersDays = 400;

    /// <summary>A section's writers are reminded this long before its due date.</summary>
    public const int DueSoonDays = 7;

    /// <summary>Owners who have not recorded are reminded this many days after a round opened, and again as often.</summary>
    public const int FollowUpEveryDays = 14;

    /// <summary>Coordinators are reminded this long before an accessibility answer is due (the law gives 14 days).</summary>
    public const int FeedbackDueSoonDays = 3;

    /// <returns>How many reminders (one per thing and threshold) went out.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = FinnishCalendar.Today(clock);
        var sent = await SectionsAsync(today, now, cancellationToken);
        sent += await FollowUpRoundsAsync(today, now, cancellationToken);
        sent += await FeedbackAsync(now, cancellationToken);
        return sent;
    }

    private async Task<int> SectionsAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var weekAhead = today.AddDays(DueSoonDays);
        var allReports = db.Reports.IgnoreQueryFilters([ValfardDbContext.TenantFilter]);
        var sections = await db.ReportSections.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking().Include(s => s.Editors)
            .Where(s => s.DueDate != null && s.DueDate <= weekAhead && s.Status != SectionStatus.Done && s.Editors.Any()
                && allReports.Any(r => r.Id == s.ReportId && r.Status == ReportStatus.Draft))
            .ToListAsync(cancellationToken);
        var reportIds = sections.Select(s => s.ReportId).Distinct().ToList();
        var reports = await db.Reports.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var coordinators = new Dictionary<Guid, List<Guid>>();
        var sent = 0;
        foreach (var section in sections)
        {
            var due = section.DueDate!.Value;
            var overdue = section.IsOverdue(today);
            // The due date is in the key: a section given a new date is reminded again for it.
            var key = $"{(overdue ? "overdue" : "due-soon")}:{section.Id}:{due:yyyy-MM-dd}";
            var report = reports[section.ReportId];
            var recipients = section.Editors.Select(e => e.UserId).ToList();
            if (overdue)
            {
                // A missed date is the coordinator's to follow up too; a coordinator who is also the editor is told once
                // (the notifier takes each person once). The report's coordinators are its organisation's.
                if (!coordinators.TryGetValue(report.OrganisationId, out var ofOrganisation))
                {
                    ofOrganisation = await CoordinatorsOfAsync(report.OrganisationId, cancellationToken);
                    coordinators[report.OrganisationId] = ofOrganisation;
                }
                recipients.AddRange(ofOrganisation);
            }
            sent += await OnceAsync(key, now, () => notifier.NotifyAsync(recipients,
                overdue ? NotificationKinds.SectionOverdue : NotificationKinds.SectionDueSoon,
                language => $"{section.TitleIn(language)} – {report.TitleIn(language)} ({Date(due, language)})",
                SectionLink(section), now, cancellationToken), cancellationToken);
        }
        return sent;
    }

    private async Task<int> FollowUpRoundsAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rounds = await db.FollowUpRounds.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(r => r.ClosedAt == null).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var round in rounds)
        {
            var days = today.DayNumber - DateOnly.FromDateTime(FinnishCalendar.Local(round.OpenedAt).DateTime).DayNumber;
            if (days < FollowUpEveryDays)
            {
                continue;
            }
            var threshold = days / FollowUpEveryDays * FollowUpEveryDays;
            var waiting = await (from followUp in db.MeasureFollowUps.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
                                 join measure in db.Measures.IgnoreQueryFilters([ValfardDbContext.TenantFilter]) on followUp.MeasureId equals measure.Id
                                 where followUp.RoundId == round.Id && followUp.UpdatedAt == null && measure.ResponsibleUserId != null
                                 select measure.ResponsibleUserId!.Value).ToListAsync(cancellationToken);
            var plan = await db.Plans.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
                .FirstAsync(p => p.Id == round.PlanId, cancellationToken);
            foreach (var owner in waiting.CountBy(id => id))
            {
                sent += await OnceAsync($"follow-up:{round.Id}:{owner.Key}:{threshold}", now, () => notifier.NotifyAsync([owner.Key],
                    NotificationKinds.FollowUpWaiting,
                    language => notifier.Words(language, "Notification.FollowUpCount", plan.TitleIn(language), round.Year, owner.Value),
                    $"/plan/follow-up/{round.Year.ToString(CultureInfo.InvariantCulture)}", now, cancellationToken), cancellationToken);
            }
        }
        return sent;
    }

    private async Task<int> FeedbackAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Unanswered accessibility feedback is rare; dates are compared here because SQLite cannot order DateTimeOffset values.
        var open = await db.ResidentFeedback.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(f => f.Kind == FeedbackKind.Accessibility && f.Status == FeedbackStatus.New).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var feedback in open.Where(f => now >= f.AnswerDueAt.AddDays(-FeedbackDueSoonDays)))
        {
            var overdue = feedback.IsOverdue(now);
            var coordinators = await CoordinatorsOfAsync(feedback.OrganisationId, cancellationToken);
            var due = DateOnly.FromDateTime(FinnishCalendar.Local(feedback.AnswerDueAt).DateTime);
            sent += await OnceAsync($"{(overdue ? "feedback-overdue" : "feedback-due")}:{feedback.Id}", now, () => notifier.NotifyAsync(coordinators,
                overdue ? NotificationKinds.FeedbackOverdue : NotificationKinds.FeedbackDueSoon,
                language => $"{Date(due, language)}: {feedback.Message}", "/feedback", now, cancellationToken), cancellationToken);
        }
        return sent;
    }

    /// <summary>
    /// The coordinator's "Remind" on the progress board: the section's editors are reminded now, at most once a day per
    /// section, so a busy board cannot flood anyone's inbox. Runs in the coordinator's request (tenant-filtered). The
    /// person pressing is never reminded by their own button, though they may be one of the section's editors.
    /// </summary>
    public async Task<OperationResult> NudgeAsync(Guid reportId, Guid sectionId, Guid remindedBy, CancellationToken cancellationToken)
    {
        var section = await db.ReportSections.AsNoTracking().Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (section is null || report is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft || section.Editors.Count == 0)
        {
            return OperationResult.Fail(null, "Sections.Remind.NobodyToRemind");
        }
        var others = section.Editors.Select(e => e.UserId).Where(id => id != remindedBy).ToList();
        if (others.Count == 0)
        {
            // Nothing went out, so no key is taken: once another editor is named, the button reminds them the same day.
            return OperationResult.Fail(null, "Sections.Remind.OnlyYou");
        }
        var now = clock.GetUtcNow();
        var key = $"nudge:{section.Id}:{FinnishCalendar.Today(clock):yyyy-MM-dd}";
        // OnceAsync finds today's key itself; a second press gets 0 and the "already today" message.
        var sent = await OnceAsync(key, now, () => notifier.NotifyAsync(others, NotificationKinds.SectionNudged,
            language => section.DueDate is { } due
                ? $"{section.TitleIn(language)} – {report.TitleIn(language)} ({Date(due, language)})"
                : $"{section.TitleIn(language)} – {report.TitleIn(language)}",
            SectionLink(section), now, cancellationToken), cancellationToken);
        return sent == 1 ? OperationResult.Success : OperationResult.Fail(null, "Sections.Remind.AlreadyToday");
    }

    /// <summary>
    /// Deletes the records of reminders and digests older than <c>Notifications:KeepSentRemindersDays</c> (400): a key
    /// only has to outlive its threshold. Today's digest and nudge keys, this week's due-soon keys and the fortnightly
    /// follow-up keys are long past use by then; a section left overdue (or feedback left unanswered) for more than
    /// 13 months is reminded once more, which is no harm. One DELETE: every <see cref="SentReminder.SentAt"/> is written
    /// in UTC, so on SQLite (which stores it as ISO text) the text order is the time order, and SQL Server compares its
    /// datetimeoffset column.
    /// </summary>
    /// <returns>How many records were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var days = configuration.GetValue("Notifications:KeepSentRemindersDays", DefaultKeepSentRemindersDays);
        if (days <= 0)
        {
            return 0;
        }
        var cutoff = clock.GetUtcNow().AddDays(-days);
        return await db.Database.ExecuteSqlAsync($"DELETE FROM SentReminders WHERE SentAt < {cutoff}", cancellationToken);
    }

    /// <summary>The active coordinators of one organisation, for a background pass that has no organisation of its own.</summary>
    public async Task<List<Guid>> CoordinatorsOfAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(u => u.OrganisationId == organisationId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Sends a reminder unless its key is taken; the key and the notifications are saved together.</summary>
    private async Task<int> OnceAsync(string key, DateTimeOffset now, Func<Task<int>> notify, CancellationToken cancellationToken)
    {
        if (await db.SentReminders.AnyAsync(r => r.Key == key, cancellationToken))
        {
            return 0;
        }
        await notify();
        db.SentReminders.Add(new SentReminder(key, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException ex)
        {
            // Another instance sent it a moment ago: its notifications are the ones that count.
            LogRaced(logger, ex, key);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    public static string SectionLink(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return $"/reports/{section.ReportId}/sections/{section.Id}";
    }

    public static string Date(DateOnly date, string language) => date.ToString("d", Cultures.FormattingCulture(language));

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Key} was sent by another instance")]
    private static partial void LogRaced(ILogger logger, Exception exception, string key);
}
