namespace Valfard.Domain.Notifications;

/// <summary>The groups of notification kinds a person chooses e-mail for; a page of twenty kinds would go unread.</summary>
public enum NotificationGroup
{
    /// <summary>A section given to the person to write.</summary>
    Assignments = 1,

    /// <summary>Sections handed over or returned, the report's moves to the board, the council, approval and publishing.</summary>
    Workflow = 2,

    /// <summary>Mentions in comments and replies to one's own.</summary>
    Comments = 3,

    /// <summary>Due dates drawing near or passed, the coordinator's nudges, follow-up rounds waiting for the owner.</summary>
    Reminders = 4,

    /// <summary>Between a county and its member municipalities: deliveries, support asked and answered.</summary>
    County = 5,

    /// <summary>Residents' feedback and its answer deadlines; coordinators' words about indicators.</summary>
    Feedback = 6,
}

/// <summary>How a person wants the notifications of one group by e-mail; in the app they always appear.</summary>
public enum MailChoice
{
    AtOnce = 1,
    DailyDigest = 2,
    Off = 3,
}

/// <summary>Which group a notification kind (its resource key) belongs to, and what a person gets before choosing.</summary>
public static class NotificationKinds
{
    public const string SectionAssigned = "Notification.Section.Assigned";
    public const string SectionReady = "Notification.Section.Ready";
    public const string SectionReturned = "Notification.Section.Returned";
    public const string SectionDone = "Notification.Section.Done";
    public const string SectionDueSoon = "Notification.Reminder.DueSoon";
    public const string SectionOverdue = "Notification.Reminder.Overdue";
    public const string SectionNudged = "Notification.Reminder.Nudged";
    public const string FollowUpOpened = "Notification.Reminder.FollowUpOpened";
    public const string FollowUpWaiting = "Notification.Reminder.FollowUpWaiting";
    public const string FeedbackDueSoon = "Notification.Reminder.FeedbackDueSoon";
    public const string FeedbackOverdue = "Notification.Reminder.FeedbackOverdue";

    public static NotificationGroup GroupOf(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind switch
        {
            SectionAssigned => NotificationGroup.Assignments,
            "Notification.Mentioned" or "Notification.Replied" => NotificationGroup.Comments,
            _ when kind.StartsWith("Notification.Reminder.", StringComparison.Ordinal) => NotificationGroup.Reminders,
            _ when kind.StartsWith("Notification.County.", StringComparison.Ordinal) => NotificationGroup.County,
            _ when kind.StartsWith("Notification.Feedback.", StringComparison.Ordinal) || kind == "Notification.IndicatorFeedback" => NotificationGroup.Feedback,
            _ => NotificationGroup.Workflow,
        };
    }

    /// <summary>
    /// The choice before a person makes one (ADR 0032): at once for what asks the person to act now (a section given
    /// to them, a text sent back, a mention) and for the county's messages (rare, and the other side's only channel, as
    /// they were before preferences existed); a daily digest for the rest. A returned section is workflow, but it is
    /// mailed at once whatever the workflow group's default: see <see cref="IsUrgent"/>.
    /// </summary>
    public static MailChoice DefaultFor(NotificationGroup group) => group switch
    {
        NotificationGroup.Assignments or NotificationGroup.Comments or NotificationGroup.County => MailChoice.AtOnce,
        _ => MailChoice.DailyDigest,
    };

    /// <summary>
    /// Returns ask the writer to act, so a person who left their workflow group at its default (the digest) gets them
    /// at once; a person who chose for the group gets what they chose.
    /// </summary>
    public static bool IsUrgent(string kind) => kind is SectionReturned or "Notification.Workflow.ReturnToDraft";

    public static IReadOnlyList<NotificationGroup> Groups { get; } = Enum.GetValues<NotificationGroup>();
}
