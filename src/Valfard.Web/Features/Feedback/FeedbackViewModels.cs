using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Feedback;
using Valfard.Web.Features.PublicSite;

namespace Valfard.Web.Features.Feedback;

public sealed record FeedbackItem(Guid Id, FeedbackKind Kind, string? ReportTitle, string Page, string Language, string Message, string? Name,
    string? Email, DateTimeOffset ReceivedAt, DateTimeOffset AnswerDueAt, FeedbackStatus Status, bool IsOverdue);

