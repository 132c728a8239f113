using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// A version of a report as the council approved it: every section in every language, the indicator values, the
/// plan and the joys and concerns, frozen as one JSON document with its SHA-256. Nothing in it changes after
/// approval; publishing only stamps when it went public. Later work on the report goes to the next version.
/// </summary>
public class ReportVersion : IOrganisationOwned
{
    private ReportVersion()
    {
        Decision = null!;
        SnapshotJson = string.Empty;
        SnapshotSha256 = string.Empty;
    }

    internal ReportVersion(Guid reportId, Guid organisationId, int number, CouncilDecision decision, BoardDecision? boardDecision, string snapshotJson,
        string snapshotSha256, Guid approvedById, DateTimeOffset approvedAt) : this()
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        OrganisationId = organisationId;
        Number = number;
        Decision = decision;
        BoardDecision = boardDecision;
        SnapshotJson = snapshotJson;
        SnapshotSha256 = snapshotSha256;
        ApprovedById = approvedById;
        ApprovedAt = approvedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>1 for the first approved version of the report, 2 for the next, and so on.</summary>
    public int Number { get; private set; }
    public CouncilDecision Decision { get; private set; }

    /// <summary>The board's decision that prepared the council's; null for versions approved before the board's step existed.</summary>
    public BoardDecision? BoardDecision { get; private set; }
    public string SnapshotJson { get; private set; }
    public string SnapshotSha256 { get; private set; }
    public Guid ApprovedById { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public Guid? PublishedById { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    internal void MarkPublished(Guid userId, DateTimeOffset now)
    {
        if (IsPublished)
        {
            throw new DomainException(ReportWorkflow.IllegalMoveKey(WorkflowAction.Publish));
        }
        PublishedAt = now;
        PublishedById = userId;
    }
}

/// <summary>
/// The council document of an approved version in one language, generated once at publishing and served
/// byte-identical from then on; its SHA-256 is shown next to the download so anyone can check the copy they hold.
/// </summary>
public class ArchivedDocument : IOrganisationOwned
{
    public const string PdfContentType = "application/pdf";

    private ArchivedDocument()
    {
        Language = string.Empty;
        Content = [];
        Sha256 = string.Empty;
    }

    public ArchivedDocument(ReportVersion version, string language, byte[] content, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(content);
        if (!ReportLimits.ContentLanguages.Contains(language))
        {
            throw new DomainException("Validation.LanguageUnknown");
        }
        Id = Guid.NewGuid();
        ReportVersionId = version.Id;
        OrganisationId = version.OrganisationId;
        Language = language;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReportVersionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Language { get; private set; }
    public byte[] Content { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
