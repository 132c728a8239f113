namespace Valfard.Domain.Common;

/// <summary>An in-app message to one user, e.g. that someone mentioned them in a comment.</summary>
public class Notification : IOrganisationOwned
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 500;

    private Notification()
    {
        Kind = string.Empty;
        Text = string.Empty;
        Link = string.Empty;
    }

    public Notification(Guid organisationId, Guid userId, string kind, string text, string link, DateTimeOffset now) : this()
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        UserId = userId;
        Kind = kind;
        Text = text.Length > TextMaxLength ? text[..(TextMaxLength - 1)] + "…" : text;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>A resource key such as "Notification.Mentioned"; the UI words it in the reader's language.</summary>
    public string Kind { get; private set; }

    /// <summary>What it is about, e.g. the section title and the start of the comment.</summary>
    public string Text { get; private set; }
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Waiting for the recipient's daily digest mail (they chose the digest for this kind's group).</summary>
    public bool AwaitsDigest { get; private set; }

    /// <summary>When the digest that listed it was queued; set in the same save, so a restart does not list it again.</summary>
    public DateTimeOffset? DigestedAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void AwaitDigest() => AwaitsDigest = true;

    public void Digested(DateTimeOffset now)
    {
        AwaitsDigest = false;
        DigestedAt = now;
    }
}
