using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// A comment on a section. A comment without a parent opens a thread; replies point to it. Threads are resolved
/// and reopened as a whole.
/// </summary>
public class SectionComment : IOrganisationOwned
{
    public const int TextMaxLength = 4000;

    private SectionComment() => Text = string.Empty;

    public SectionComment(Guid id, Guid sectionId, Guid organisationId, SectionComment? thread, Guid authorId, string text, DateTimeOffset now)
        : this()
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException("Validation.CommentRequired");
        }
        if (text.Length > TextMaxLength)
        {
            throw new DomainException("Validation.CommentTooLong");
        }
        if (thread is not null && (thread.ParentId is not null || thread.SectionId != sectionId))
        {
            throw new DomainException("Validation.ThreadUnknown");
        }
        Id = id;
        SectionId = sectionId;
        OrganisationId = organisationId;
        ParentId = thread?.Id;
        AuthorId = authorId;
        Text = text;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SectionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ParentId { get; private set; }
    public Guid AuthorId { get; private set; }

    /// <summary>Plain text; shown encoded, never as HTML.</summary>
    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedById { get; private set; }

    public bool IsThread => ParentId is null;
    public bool IsResolved => ResolvedAt is not null;

    public void Resolve(Guid userId, DateTimeOffset now)
    {
        EnsureThread();
        ResolvedAt ??= now;
        ResolvedById ??= userId;
    }

    public void Reopen()
    {
        EnsureThread();
        ResolvedAt = null;
        ResolvedById = null;
    }

    private void EnsureThread()
    {
        if (!IsThread)
        {
            throw new DomainException("Validation.ThreadUnknown");
        }
    }
}
