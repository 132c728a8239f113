using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

/// <summary>A district with how many own-indicator values are entered for it.</summary>
public sealed record DistrictItem(Guid Id, string NameFi, string NameSv, string Name, Guid Version, int Values);

/// <summary>
/// The organisation's districts (alueet / områden): the areas own indicators can be entered for. The coordinator keeps
/// the list; removing a district removes its values, so it is asked first.
/// </summary>
public sealed class DistrictService(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit)
{
    public async Task<IReadOnlyList<DistrictItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().ToListAsync(cancellationToken);
        var ids = districts.Select(d => d.Id).ToList();
        // Values are counted through the tenant-filtered indicators, so only the organisation's own rows are read.
        var counts = await db.LocalIndicators.AsNoTracking().SelectMany(i => i.Values)
            .Where(v => v.DistrictId != null && ids.Contains(v.DistrictId.Value))
            .GroupBy(v => v.DistrictId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return districts
            .Select(d => new DistrictItem(d.Id, d.NameFi, d.NameSv, d.NameIn(language), d.Version, counts.GetValueOrDefault(d.Id)))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<DistrictItem?> FindAsync(Guid id, string language, CancellationToken cancellationToken) =>
        (await ListAsync(language, cancellationToken)).FirstOrDefault(d => d.Id == id);

    public async Task<OperationResult> CreateAsync(string? nameFi, string? nameSv, Guid? userId, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        if (await NameTakenAsync(nameFi, nameSv, null, cancellationToken))
        {
            return OperationResult.Fail("nameFi", "Validation.DistrictNameTaken");
        }
        return await db.ChangeAsync(() =>
        {
            var district = new District(Guid.NewGuid(), organisationId, nameFi ?? string.Empty, nameSv ?? string.Empty);
            db.Districts.Add(district);
            audit.Record(organisationId, null, userId, "DistrictAdded", $"{district.NameFi} / {district.NameSv}");
        }, cancellationToken);
    }

    public async Task<OperationResult> RenameAsync(Guid id, string? nameFi, string? nameSv, Guid? version, Guid? userId, CancellationToken cancellationToken)
    {
        var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (district is null)
        {
            return OperationResult.Missing();
        }
        if (await NameTakenAsync(nameFi, nameSv, id, cancellationToken))
        {
            return OperationResult.Fail("nameFi", "Validation.DistrictNameTaken");
        }
        db.ExpectVersion(district, version);
        var before = $"{district.NameFi} / {district.NameSv}";
        return await db.ChangeAsync(() =>
        {
            district.Rename(nameFi ?? string.Empty, nameSv ?? string.Empty);
            audit.Record(district.OrganisationId, null, userId, "DistrictRenamed", $"{before} → {district.NameFi} / {district.NameSv}");
        }, cancellationToken);
    }

    /// <summary>Removes the district and, by the database's cascade, the values entered for it; the audit says how many.</summary>
    public async Task<OperationResult> RemoveAsync(Guid id, Guid? version, Guid? userId, CancellationToken cancellationToken)
    {
        var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (district is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(district, version);
        var values = await db.LocalIndicators.Include(i => i.Values).Where(i => i.Values.Any(v => v.DistrictId == id)).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var indicator in values)
        {
            foreach (var year in indicator.Values.Where(v => v.DistrictId == id).Select(v => v.Year).ToList())
            {
                removed += indicator.Remove(year, id) ? 1 : 0;
            }
            // The indicator's page changed: a value form opened before this is stale.
            db.ChangedThroughItsRows(indicator);
        }
        db.Districts.Remove(district);
        audit.Record(district.OrganisationId, null, userId, "DistrictRemoved", $"{district.NameFi} / {district.NameSv}; {removed} values");
        return await db.SaveAsync(cancellationToken);
    }

    private async Task<bool> NameTakenAsync(string? nameFi, string? nameSv, Guid? except, CancellationToken cancellationToken)
    {
        var fi = (nameFi ?? string.Empty).Trim();
        var sv = (nameSv ?? string.Empty).Trim();
        // The Finnish name is the one stored in every row (a Swedish-only district keeps it as both).
        var key = fi.Length > 0 ? fi : sv;
        if (key.Length == 0)
        {
            return false;
        }
        var names = await db.Districts.AsNoTracking().Where(d => d.Id != except).Select(d => d.NameFi).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
    }
}
