using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Sections;

public sealed record CommentItem(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

/// <param name="CanResolve">Whether the viewer may resolve or reopen it (a council member only their own threads).</param>
public sealed record CommentThread(Guid Id, string Author, string Text, DateTimeOffset CreatedAt, bool IsResolved,
    string? ResolvedBy, bool CanResolve, IReadOnlyList<CommentItem> Replies);

public sealed class CommentsViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid SectionId { get; init; }
    public required IReadOnlyList<CommentThread> Threads { get; init; }
    public required IReadOnlyList<EditorOption> People { get; init; }
    public bool CanComment { get; init; }
}
