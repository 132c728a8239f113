using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Reports;

public sealed class ReportTemplates(ValfardDbContext db)
{
    /// <summary>
    /// The organisation's template, created from THL's structure the first time it is needed: a county's from the
    /// structure of the regional report, a municipality's from that of the municipal one.
    /// </summary>
    public async Task<ReportTemplate> ForOrganisationAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var template = await db.ReportTemplates.Include(t => t.Sections)
            .FirstOrDefaultAsync(t => t.OrganisationId == organisationId, cancellationToken);
        if (template is not null)
        {
            return template;
        }
        var kind = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Kind).FirstOrDefaultAsync(cancellationToken);
        template = new ReportTemplate(Guid.NewGuid(), organisationId);
        ThlTemplate.ApplyFor(kind, template);
        db.ReportTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return template;
    }
}
