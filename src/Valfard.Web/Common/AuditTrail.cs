using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Common;

/// <summary>Adds audit entries to the unit of work, so they are saved, or lost, together with the change itself.</summary>
public sealed class AuditTrail(ValfardDbContext db, TimeProvider clock)
{
    public void Record(Guid organisationId, Guid? reportId, Guid? userId, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry(organisationId, reportId, userId, action, details, clock.GetUtcNow()));

    /// <summary>An entry about something other than a report (an impact assessment), found again by its id.</summary>
    public void RecordAbout(Guid organisationId, Guid subjectId, Guid? userId, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry(organisationId, null, userId, action, details, clock.GetUtcNow(), subjectId));
}
