using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Negotiations;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// The one access rule of the negotiations. A negotiation is owned by the county, so the tenant filter alone would
/// hide it from the member municipality it is held with. This is the only code that sets that filter aside for
/// negotiations, and it lets in exactly two organisations: the county that owns the negotiation and the municipality
/// named in it. Another county, another member of the same county and a municipality outside it see nothing (404).
/// </summary>
public sealed class NegotiationAccess(ValfardDbContext db, ICurrentOrganisation current)
{
    public IQueryable<Negotiation> Visible()
    {
        var organisationId = current.OrganisationId;
        return db.Negotiations.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(n => organisationId != null && (n.OrganisationId == organisationId || n.MunicipalityId == organisationId));
    }

    /// <summary>The negotiation with all its rows, or null when it is not one of the current organisation's.</summary>
    public Task<Negotiation?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = Visible().Include(n => n.Agenda).Include(n => n.Participants).Include(n => n.Agreements).Include(n => n.FollowUps).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
    }

    /// <summary>The side the current organisation speaks for in the negotiation.</summary>
    public NegotiationSide SideOf(Negotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return negotiation.OrganisationId == current.OrganisationId ? NegotiationSide.County : NegotiationSide.Municipality;
    }
}
