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

    /// <summary>
    /// When this language last changed in a way the other language has to follow: a save made while this language
    /// was not behind. A save that catches up with the other language (a translation) leaves it as it was, so writing
    /// Finnish and then its Swedish translation leaves both in step.
    /// </summary>
    public DateTimeOffset? SourceChangedAt { get; private set; }

    /// <summary>
    /// The report whose approved version this text was copied from when the report was made (issue 17 §8), with the
    /// number of that version; null when the text was not copied. Kept after writing, as where the text started.
    /// </summary>
    public Guid? CopiedFromReportId { get; private set; }
    public int? CopiedFromVersion { get; private set; }

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
        var catchingUp = section.Texts.Any(other => other != this && IsBehind(other));
        Html = sanitizedHtml;
        UpdatedAt = now;
        UpdatedById = authorId;
        if (!catchingUp)
        {
            SourceChangedAt = now;
        }
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

    /// <summary>
    /// Seeds the text from an approved version of an earlier report and records which one. Only an approved version
    /// (a number of 1 or more) is a source: an unapproved draft was never agreed by the council.
    /// </summary>
    public void StartFromApproved(string sanitizedHtml, Guid reportId, int versionNumber)
    {
        if (versionNumber < 1)
        {
            throw new DomainException("Reports.SourceNotApproved");
        }
        StartFrom(sanitizedHtml);
        if (Html.Length > 0)
        {
            CopiedFromReportId = reportId;
            CopiedFromVersion = versionNumber;
        }
    }

    /// <summary>
    /// True when the other language changed as a source (<see cref="SourceChangedAt"/>) after this one was last
    /// saved: this language has not caught up with it yet.
    /// </summary>
    public bool IsBehind(SectionText other) => IsBehind(UpdatedAt, other.SourceChangedAt);

    /// <summary>The rule behind <see cref="IsBehind(SectionText)"/>, for callers that read only the times.</summary>
    public static bool IsBehind(DateTimeOffset? mineUpdated, DateTimeOffset? theirSourceChanged) =>
        theirSourceChanged is { } changed && (mineUpdated is not { } own || own < changed);
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
