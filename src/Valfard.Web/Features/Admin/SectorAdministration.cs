using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Admin;

/// <summary>The sectors of the admin's own organisation. Tenant-filtered like every organisation query.</summary>
public sealed class SectorAdministration(ValfardDbContext db, ICurrentOrganisation current)
{
    public async Task<IReadOnlyList<SectorListItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.UserSectors.GroupBy(s => s.SectorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return sectors.OrderBy(s => s.NameIn(language), StringComparer.CurrentCulture)
            .Select(s => new SectorListItem(s.Id, s.Code, s.NameFi, s.NameSv, s.NameEn, counts.GetValueOrDefault(s.Id)))
            .ToList();
    }

    public async Task<SectorFormViewModel?> GetForEditAsync(Guid id, CancellationToken cancellationToken)
    {
        var sector = await db.Sectors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return sector is null ? null : new SectorFormViewModel
        {
            Id = sector.Id,
            Code = sector.Code,
            NameFi = sector.NameFi,
            NameSv = sector.NameSv,
            NameEn = sector.NameEn,
            Version = sector.Version,
        };
    }

    public async Task<OperationResult> SaveAsync(SectorFormViewModel form, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        var code = form.Code.Trim();
        if (await db.Sectors.AnyAsync(s => s.Code == code && s.Id != form.Id, cancellationToken))
        {
            return OperationResult.Fail(nameof(form.Code), "Validation.SectorCodeTaken");
        }
        try
        {
            if (form.Id is { } id)
            {
                var sector = await db.Sectors.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
                if (sector is null)
                {
                    return OperationResult.Missing();
                }
                db.ExpectVersion(sector, form.Version);
                // The code is the sector's stable identity in imports and links; only the names change.
                sector.Rename(form.NameFi, form.NameSv ?? string.Empty, form.NameEn ?? string.Empty);
            }
            else
            {
                db.Sectors.Add(new Sector(Guid.NewGuid(), organisationId, code, form.NameFi, form.NameSv ?? string.Empty, form.NameEn ?? string.Empty));
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        return await db.SaveAsync(cancellationToken);
    }
}
