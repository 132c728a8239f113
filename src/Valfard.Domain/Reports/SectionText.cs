using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// The text of one section in one language. Finnish and Swedish are separate so that two people can write the two
/// languages at the same time; each has its own version token.
/// </summary>
public class SectionText : IOrganisationOwned, IVersioned
{
    private SectionText()
    {
        Language = string.Empty;
        Html = string.Empty;
    }

    internal SectionText(Guid id, Guid sectionId, Guid organisationId, string language) : this()
    {
        if (!ReportLimits.ContentLanguages.Contains(language))
        {
            throw new DomainException("Validation.LanguageUnknown");
        }
        Id = id;
        SectionId = sectionId;
        OrganisationId = organisationId;
        Language = language;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid SectionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Language { get; private set; }

    /// <summary>Sanitized HTML: only what the allow-list let through is ever stored here.</summary>
    public string Html { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public Guid? UpdatedById { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// Replaces the text if the writer started from the current version; otherwise someone else saved in between and
    /// the save is refused rather than silently overwriting their work.
    /// </summary>
    public void Write(string sanitizedHtml, Guid basedOnVersion, Guid authorId, DateTimeOffset now, ReportSection section)
    {
        if (basedOnVersion != Version)
        {
            throw new StaleEditException(Version);
        }
        if (sanitizedHtml.Length > ReportLimits.HtmlMaxLength)
        {
            throw new DomainException("Validation.TextTooLong");
        }
        Html = sanitizedHtml;
        UpdatedAt = now;
        UpdatedById = authorId;
        section.NoteWritten();
    }

    /// <summary>
    /// Seeds a new report's text from an earlier report, so the writers update last year's text instead of starting
    /// blank. The section stays "not started" until someone writes.
    /// </summary>
    public void StartFrom(string sanitizedHtml)
    {
        if (UpdatedAt is not null)
        {
            throw new DomainException("Validation.TextAlreadyWritten");
        }
        Html = sanitizedHtml.Length > ReportLimits.HtmlMaxLength ? string.Empty : sanitizedHtml;
    }

    /// <summary>True when the other language was last changed later than this one, so this one may be behind.</summary>
    public bool IsOlderThan(SectionText other) => IsOlder(UpdatedAt, other.UpdatedAt);

    /// <summary>The rule behind <see cref="IsOlderThan"/>, for callers that read only the change times.</summary>
    public static bool IsOlder(DateTimeOffset? mine, DateTimeOffset? theirs) =>
        theirs is { } other && (mine is not { } own || own < other);
}

/// <summary>A save based on an old version. Carries the current version so the editor can show both texts.</summary>
public sealed class StaleEditException : DomainException
{
    public StaleEditException(Guid currentVersion) : base("Error.Conflict") => CurrentVersion = currentVersion;

    public StaleEditException() : base("Error.Conflict") { }

    public StaleEditException(string message) : base(message) { }

    public StaleEditException(string message, Exception innerException) : base(message, innerException) { }

    public Guid CurrentVersion { get; }
}
