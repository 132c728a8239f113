namespace Valfard.Domain.Notifications;

/// <summary>One person's choice of e-mail for one group; a group without a row gets <see cref="NotificationKinds.DefaultFor"/>.</summary>
public class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(Guid userId, NotificationGroup group, MailChoice delivery)
    {
        UserId = userId;
        Group = group;
        Choose(delivery);
    }

    public Guid UserId { get; private set; }
    public NotificationGroup Group { get; private set; }
    public MailChoice Delivery { get; private set; }

    public void Choose(MailChoice delivery)
    {
        if (!Enum.IsDefined(delivery))
        {
            throw new Common.DomainException("Notifications.Settings.Unknown");
        }
        Delivery = delivery;
    }
}

/// <summary>
/// A reminder (or a digest) that went out, by a key naming what and which threshold, e.g. "due-soon:{section}"; the
/// unique key makes each one go out once, even when two instances or a restart run the same pass.
/// </summary>
public class SentReminder
{
    public const int KeyMaxLength = 200;

    private SentReminder() => Key = string.Empty;

    public SentReminder(string key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key.Length <= KeyMaxLength ? key : throw new ArgumentOutOfRangeException(nameof(key));
        SentAt = now;
    }

    public string Key { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
