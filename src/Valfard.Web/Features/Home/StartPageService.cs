using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Home;

public sealed class StartPageService(ValfardDbContext db, ICurrentOrganisation current, TimeProvider clock)
{
    public async Task<StartPageViewModel?> BuildAsync(Guid userId, IReadOnlyList<string> roles, string language, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var county = organisation.CountyId is { } countyId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == countyId, cancellationToken)
            : null;
        var today = FinnishCalendar.Today(clock);
        var terms = await db.CouncilTerms.AsNoTracking().OrderBy(t => t.StartDate).ToListAsync(cancellationToken);
        var term = CouncilTerm.CurrentOf(terms, today);

        var mySectorIds = await db.UserSectors.Where(s => s.UserId == userId).Select(s => s.SectorId).ToListAsync(cancellationToken);
        var sectors = (await db.Sectors.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.NameIn(language), StringComparer.CurrentCulture).ToList();
        var activeUsers = await db.Users.CountAsync(u => u.IsActive, cancellationToken);

        return new StartPageViewModel
        {
            OrganisationName = organisation.NameIn(language),
            OrganisationOtherName = organisation.IsBilingual ? organisation.NameIn(language == "sv" ? "fi" : "sv") : null,
            OrganisationKind = organisation.Kind,
            OfficialCode = organisation.OfficialCode,
            Languages = organisation.Languages,
            CountyName = county?.NameIn(language),
            CurrentTerm = term is null ? null : new TermViewModel(term.Label, term.StartDate, term.EndDate),
            Roles = roles,
            MySectors = sectors.Where(s => mySectorIds.Contains(s.Id)).Select(s => s.NameIn(language)).ToList(),
            OrganisationSectors = sectors.Select(s => s.NameIn(language)).ToList(),
            ActiveUserCount = activeUsers,
        };
    }
}
