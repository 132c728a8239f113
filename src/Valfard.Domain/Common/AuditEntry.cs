namespace Valfard.Domain.Common;

/// <summary>Who changed what and when, kept for the coordinator's audit trail.</summary>
public class AuditEntry : IOrganisationOwned
{
    public const int ActionMaxLength = 80;
    public const int DetailsMaxLength = 1000;

    private AuditEntry()
    {
        Action = string.Empty;
        Details = string.Empty;
    }

    public AuditEntry(Guid organisationId, Guid? reportId, Guid? userId, string action, string details, DateTimeOffset at, Guid? subjectId = null) : this()
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        ReportId = reportId;
        UserId = userId;
        Action = action.Length > ActionMaxLength ? action[..ActionMaxLength] : action;
        Details = details.Length > DetailsMaxLength ? details[..DetailsMaxLength] : details;
        At = at;
        SubjectId = subjectId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ReportId { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>What the entry is about when it is not a report, e.g. an impact assessment; its history lists these.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>A stable key such as "Section.TextSaved"; the UI translates it.</summary>
    public string Action { get; private set; }
    public string Details { get; private set; }
    public DateTimeOffset At { get; private set; }
}
