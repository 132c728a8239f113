using Valfard.Domain.Common;

namespace Valfard.Domain.Feedback;

public enum FeedbackKind
{
    /// <summary>Feedback on the accessibility of the public pages; Act 306/2019 requires an answer within 14 days.</summary>
    Accessibility = 1,

    /// <summary>A resident's comment on a published report; shown publicly only after the coordinator approves it.</summary>
    Report = 2,
}

public enum FeedbackStatus
{
    New = 1,
    Approved = 2,
    Rejected = 3,
    Answered = 4,
}

/// <summary>
/// A message a resident sent from the public site. Report feedback waits for the coordinator's moderation before it
/// appears; accessibility feedback is tracked against its 14-day answer deadline.
/// </summary>
public class ResidentFeedback : IOrganisationOwned
{
    public const int MessageMaxLength = 2000;
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PageMaxLength = 300;
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromDays(14);

    private ResidentFeedback()
    {
        Language = string.Empty;
        Message = string.Empty;
        Page = string.Empty;
    }

    public ResidentFeedback(Guid organisationId, FeedbackKind kind, Guid? reportId, string language, string page, string message,
        string? name, string? email, DateTimeOffset now) : this()
    {
        var text = message?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException("Validation.FeedbackRequired");
        }
        if (text.Length > MessageMaxLength)
        {
            throw new DomainException("Validation.FeedbackTooLong");
        }
        if (kind == FeedbackKind.Report && reportId is null)
        {
            throw new DomainException("Validation.FeedbackReportRequired");
        }
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Kind = kind;
        ReportId = reportId;
        Language = language;
        Page = page.Length > PageMaxLength ? page[..PageMaxLength] : page;
        Message = text;
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, NameMaxLength)];
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim()[..Math.Min(email.Trim().Length, EmailMaxLength)];
        ReceivedAt = now;
        Status = FeedbackStatus.New;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public FeedbackKind Kind { get; private set; }
    public Guid? ReportId { get; private set; }
    public string Language { get; private set; }
    public string Page { get; private set; }
    public string Message { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public FeedbackStatus Status { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public Guid? HandledById { get; private set; }

    public DateTimeOffset AnswerDueAt => ReceivedAt + AnswerWithin;

    public bool IsOverdue(DateTimeOffset now) => Kind == FeedbackKind.Accessibility && Status == FeedbackStatus.New && now > AnswerDueAt;

    public void Approve(Guid userId, DateTimeOffset now) => Handle(FeedbackKind.Report, FeedbackStatus.Approved, userId, now);

    public void Reject(Guid userId, DateTimeOffset now) => Handle(FeedbackKind.Report, FeedbackStatus.Rejected, userId, now);

    public void MarkAnswered(Guid userId, DateTimeOffset now) => Handle(FeedbackKind.Accessibility, FeedbackStatus.Answered, userId, now);

    private void Handle(FeedbackKind expected, FeedbackStatus status, Guid userId, DateTimeOffset now)
    {
        if (Kind != expected || Status != FeedbackStatus.New)
        {
            throw new DomainException("Validation.FeedbackAlreadyHandled");
        }
        Status = status;
        HandledAt = now;
        HandledById = userId;
    }
}
