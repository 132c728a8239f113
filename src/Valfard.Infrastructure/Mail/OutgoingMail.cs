using Valfard.Domain.Common;

namespace Valfard.Infrastructure.Mail;

/// <summary>What a queued mail is: its text is composed when it is sent, so a link in it is fresh then.</summary>
public enum OutgoingMailKind
{
    PasswordReset = 1,
    Invitation = 2,

    /// <summary>A coordinator tells the system admins that an indicator's shared setting (its direction) looks wrong.</summary>
    IndicatorFeedback = 3,

    /// <summary>An in-app notification that is also mailed (a report delivered to the county, a support request answered).</summary>
    Notice = 4,

    /// <summary>The day's notifications a person chose to get once a day, listed in one mail (in <see cref="OutgoingMail.Message"/>).</summary>
    Digest = 5,
}

/// <summary>
/// A mail waiting in the database to be sent. A request only queues it (the same small write whether or not the
/// address has an account, so the answer's timing tells nothing), and a background worker sends it, retrying with
/// growing pauses when the mail server fails. Kept in the database so a restart loses nothing.
/// </summary>
public class OutgoingMail : IVersioned
{
    public const int RecipientMaxLength = 256;
    public const int LanguageMaxLength = 8;
    public const int ErrorMaxLength = 500;
    public const int MessageMaxLength = 1000;
    public const int SenderMaxLength = 400;
    public const int NoticeKindMaxLength = 100;
    public const int LinkMaxLength = 500;
    public const int DigestMaxLength = 4000;

    /// <summary>After this many failed attempts (about a day of retries) the mail is given up and logged as an error.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan[] Pauses =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    private OutgoingMail()
    {
        Recipient = string.Empty;
        Language = string.Empty;
    }

    public OutgoingMail(OutgoingMailKind kind, string recipient, string language, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(language);
        Id = Guid.NewGuid();
        Kind = kind;
        Recipient = recipient.Trim().Length <= RecipientMaxLength ? recipient.Trim() : recipient.Trim()[..RecipientMaxLength];
        Language = language.Length <= LanguageMaxLength ? language : language[..LanguageMaxLength];
        CreatedAt = now;
        NextAttemptAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>A coordinator's message to the system admins about an indicator (<see cref="OutgoingMailKind.IndicatorFeedback"/>).</summary>
    public static OutgoingMail AboutIndicator(string recipient, string language, int indicatorId, string sender, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(message);
        return new OutgoingMail(OutgoingMailKind.IndicatorFeedback, recipient, language, now)
        {
            IndicatorId = indicatorId,
            Sender = sender.Length <= SenderMaxLength ? sender : sender[..SenderMaxLength],
            Message = message.Length <= MessageMaxLength ? message : message[..MessageMaxLength],
        };
    }

    /// <summary>
    /// The mail twin of a <see cref="Notification"/>: its kind (a resource key, worded at sending time in
    /// <paramref name="language"/>), its text and the local link the mail points to.
    /// </summary>
    public static OutgoingMail AboutNotice(string recipient, string language, string noticeKind, string text, string link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(noticeKind);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(link);
        return new OutgoingMail(OutgoingMailKind.Notice, recipient, language, now)
        {
            NoticeKind = noticeKind.Length <= NoticeKindMaxLength ? noticeKind : noticeKind[..NoticeKindMaxLength],
            Message = text.Length <= MessageMaxLength ? text : text[..MessageMaxLength],
            Link = link.Length <= LinkMaxLength ? link : link[..LinkMaxLength],
        };
    }

    /// <summary>The daily digest: its lines (already worded in <paramref name="language"/>) and a link to the notifications page.</summary>
    public static OutgoingMail AsDigest(string recipient, string language, string lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new OutgoingMail(OutgoingMailKind.Digest, recipient, language, now)
        {
            Message = lines.Length <= DigestMaxLength ? lines : lines[..DigestMaxLength],
            Link = "/notifications",
        };
    }

    public Guid Id { get; private set; }
    public OutgoingMailKind Kind { get; private set; }

    /// <summary>For a notice: the notification's kind key and the local link (the text is in <see cref="Message"/>).</summary>
    public string? NoticeKind { get; private set; }
    public string? Link { get; private set; }

    /// <summary>For indicator feedback: the indicator, who wrote (name and organisation) and what.</summary>
    public int? IndicatorId { get; private set; }
    public string? Sender { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The address as it was given; for a password reset it may have no account, and then nothing is sent.</summary>
    public string Recipient { get; private set; }

    /// <summary>The language of the request, which the mail is written in.</summary>
    public string Language { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? GaveUpAt { get; private set; }
    public string? LastError { get; private set; }
    public Guid Version { get; private set; }

    public bool IsDue(DateTimeOffset now) => GaveUpAt is null && NextAttemptAt <= now;

    /// <summary>
    /// Taken by a worker: the next attempt moves on at once, so that another instance (whose save would meet the
    /// renewed version) skips it, and a worker that dies mid-send leaves it to be retried later rather than lost.
    /// </summary>
    public void Claim(DateTimeOffset now)
    {
        Attempts++;
        NextAttemptAt = now + Pauses[Math.Min(Attempts - 1, Pauses.Length - 1)];
    }

    /// <summary>The mail server refused or could not be reached; after <see cref="MaxAttempts"/> it is given up.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        if (Attempts >= MaxAttempts)
        {
            GaveUpAt = now;
        }
    }

    public void RenewVersion() => Version = Guid.NewGuid();
}
