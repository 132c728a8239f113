using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

public enum LinkedPlanKind
{
    ChildrenAndYouth = 1,
    OlderPeople = 2,
    Equality = 3,
    Safety = 4,
    Culture = 5,
    Other = 6,
}

/// <summary>
/// Another plan the report draws on (children and young people, older people, equality, safety, culture…): a link to
/// where it is published, or an uploaded file. Listed in the report's appendices.
/// </summary>
public class LinkedPlan : IOrganisationOwned
{
    public const int TitleMaxLength = 300;
    public const int UrlMaxLength = 1000;
    public const int FileNameMaxLength = 200;

    private LinkedPlan() => Title = string.Empty;

    private LinkedPlan(Guid id, Guid reportId, Guid organisationId, LinkedPlanKind kind, string title, Guid createdById, DateTimeOffset now) : this()
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Validation.PlanKindUnknown", nameof(Title));
        }
        title = title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            throw new DomainException("Validation.PlanTitleRequired", nameof(Title));
        }
        if (title.Length > TitleMaxLength)
        {
            throw new DomainException("Validation.TitleTooLong", nameof(Title));
        }
        Id = id;
        ReportId = reportId;
        OrganisationId = organisationId;
        Kind = kind;
        Title = title;
        CreatedById = createdById;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public LinkedPlanKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Url { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? FileSize { get; private set; }
    public string? Sha256 { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsFile => FileName is not null;

    public static LinkedPlan Link(Guid id, Guid reportId, Guid organisationId, LinkedPlanKind kind, string title, string url,
        Guid createdById, DateTimeOffset now)
    {
        url = url?.Trim() ?? string.Empty;
        if (url.Length > UrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainException("Validation.UrlInvalid", nameof(Url));
        }
        return new LinkedPlan(id, reportId, organisationId, kind, title, createdById, now) { Url = uri.ToString() };
    }

    /// <summary>An uploaded file whose type the caller has already checked from its content.</summary>
    public static LinkedPlan File(Guid id, Guid reportId, Guid organisationId, LinkedPlanKind kind, string title, string fileName,
        string contentType, long size, string sha256, Guid createdById, DateTimeOffset now)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            name = "file";
        }
        if (name.Length > FileNameMaxLength)
        {
            name = name[^FileNameMaxLength..];
        }
        return new LinkedPlan(id, reportId, organisationId, kind, title, createdById, now)
        {
            FileName = name,
            ContentType = contentType,
            FileSize = size,
            Sha256 = sha256,
        };
    }
}

/// <summary>The bytes of an uploaded plan, kept apart so that listing plans never loads files.</summary>
public class AttachmentContent : IOrganisationOwned
{
    private AttachmentContent() => Data = [];

    public AttachmentContent(Guid linkedPlanId, Guid organisationId, byte[] data)
    {
        LinkedPlanId = linkedPlanId;
        OrganisationId = organisationId;
        Data = data;
    }

    public Guid LinkedPlanId { get; private set; }
    public Guid OrganisationId { get; private set; }
#pragma warning disable CA1819 // a byte array is what EF stores as a blob
    public byte[] Data { get; private set; }
#pragma warning restore CA1819
}
