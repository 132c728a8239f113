using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Counties;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.County;

/// <summary>
/// Publishing a municipality's report delivers it to its county: the delivery row and the county coordinators'
/// notifications join the publishing unit of work, so a report is published and delivered together or not at all.
/// </summary>
public sealed class CountyDeliveries(ValfardDbContext db, CountyNotices notices)
{
    /// <summary>Adds the delivery if the report is one that goes to a county; returns it, or null when none is due.</summary>
    public async Task<CountyDelivery?> DeliverAsync(WelfareReport report, ReportVersion version, Guid userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var municipality = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == report.OrganisationId, cancellationToken);
        if (municipality is null || !CountyDelivery.IsDue(municipality, report))
        {
            return null;
        }
        var delivery = CountyDelivery.Deliver(municipality, report, version, userId, now);
        db.CountyDeliveries.Add(delivery);
        await notices.AddAsync(delivery.OrganisationId, "Notification.County.Delivered",
            language => $"{municipality.NameIn(language)}: {report.TitleIn(language)}", $"/county/deliveries/{delivery.Id}", now, cancellationToken);
        return delivery;
    }
}
