using Valfard.Domain.Reports;

namespace Valfard.Web.ViewModels;

public sealed record CommentItem(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

public sealed record CommentThread(Guid Id, string Author, string Text, DateTimeOffset CreatedAt, bool IsResolved,
    string? ResolvedBy, IReadOnlyList<CommentItem> Replies);

public sealed class CommentsViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid SectionId { get; init; }
    public required IReadOnlyList<CommentThread> Threads { get; init; }
    public required IReadOnlyList<EditorOption> People { get; init; }
    public bool CanComment { get; init; }
}

public sealed record NotificationItem(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record ObservationItem(Guid Id, ObservationKind Kind, LifeStage LifeStage, string TextFi, string TextSv, string Evidence, Guid Version);
