using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// A kept version of a section's text. Autosave writes every few seconds, so edits by one person within the
/// revision window extend their open revision; another person, a pause, or a restore starts a new one.
/// </summary>
public class SectionRevision : IOrganisationOwned
{
    private SectionRevision()
    {
        Language = string.Empty;
        Html = string.Empty;
    }

    public SectionRevision(Guid id, Guid sectionId, Guid organisationId, string language, int number, string html,
        Guid authorId, DateTimeOffset now, int? restoredFrom = null) : this()
    {
        Id = id;
        SectionId = sectionId;
        OrganisationId = organisationId;
        Language = language;
        Number = number;
        Html = html;
        AuthorId = authorId;
        StartedAt = now;
        UpdatedAt = now;
        RestoredFrom = restoredFrom;
    }

    public Guid Id { get; private set; }
    public Guid SectionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Language { get; private set; }
    public int Number { get; private set; }
    public string Html { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The revision this one brought back, when it was made by restoring.</summary>
    public int? RestoredFrom { get; private set; }

    public bool CanBeExtendedBy(Guid authorId, DateTimeOffset now) =>
        RestoredFrom is null && AuthorId == authorId && now - UpdatedAt <= ReportLimits.RevisionWindow;

    public void Extend(string html, DateTimeOffset now)
    {
        Html = html;
        UpdatedAt = now;
    }
}
