using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Common;

/// <summary>Adds audit entries to the unit of work, so they are saved, or lost, together with the change itself.</summary>
public sealed class AuditTrail(ValfardDbContext db, TimeProvider clock)
{
    public void Record(Guid organisationId, Guid? reportId, Guid? userId, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry(organisationId, reportId, userId, action, details, clock.GetUtcNow()));
}
