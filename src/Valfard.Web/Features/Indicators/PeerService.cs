using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

public sealed record PeerItem(int RegionId, string Name, double? Population);

public sealed class PeerPageViewModel
{
    public required string? OwnRegion { get; init; }
    public required double? OwnPopulation { get; init; }
    public required int? PopulationYear { get; init; }
    public required IReadOnlyList<PeerItem> Peers { get; init; }
    public required IReadOnlyList<PeerItem> Suggestion { get; init; }

    /// <summary>Every region of the organisation's own kind, to choose from.</summary>
    public required IReadOnlyList<PeerItem> Candidates { get; init; }
    public required Guid? Version { get; init; }
}

/// <summary>The organisation's comparison municipalities: the page that shows and chooses them, and the ids the indicator pages compare with.</summary>
public sealed class PeerService(ValfardDbContext db, ICurrentOrganisation current, IOptions<StatisticsOptions> statistics)
{
    /// <summary>The Sotkanet category of an organisation's own region: a municipality is KUNTA, a county HYVINVOINTIALUE.</summary>
    public static string CategoryOf(OrganisationKind kind) => kind == OrganisationKind.Municipality ? Region.Municipality : Region.County;

    /// <summary>The organisation's own Sotkanet region: its category and its official code.</summary>
    public static IQueryable<Region> OwnRegion(IQueryable<Region> regions, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var category = CategoryOf(organisation.Kind);
        return regions.Where(r => r.Category == category && r.Code == organisation.OfficialCode);
    }

    /// <summary>The region ids of the current organisation's peers; empty when none are chosen.</summary>
    public async Task<IReadOnlyList<int>> PeerRegionIdsAsync(CancellationToken cancellationToken) =>
        await db.PeerGroups.AsNoTracking().SelectMany(g => g.Members.Select(m => m.RegionId)).ToListAsync(cancellationToken);

    public async Task<PeerPageViewModel?> PageAsync(string language, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var category = CategoryOf(organisation.Kind);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Category == category).ToListAsync(cancellationToken);
        var own = regions.FirstOrDefault(r => r.Code == organisation.OfficialCode);
        var (populations, year) = await PopulationsAsync(regions.Select(r => r.Id).ToList(), cancellationToken);
        PeerItem Item(Region r) => new(r.Id, r.TitleIn(language), populations.TryGetValue(r.Id, out var p) ? p : null);
        var group = await db.PeerGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(cancellationToken);
        var chosen = group?.Members.Select(m => m.RegionId).ToHashSet() ?? [];
        var byId = regions.ToDictionary(r => r.Id);
        var suggestion = own is null || !populations.TryGetValue(own.Id, out var ownPopulation)
            ? []
            : PeerSuggestion.Closest(new RegionPopulation(own.Id, category, ownPopulation),
                populations.Select(p => new RegionPopulation(p.Key, category, p.Value)));
        return new PeerPageViewModel
        {
            OwnRegion = own?.TitleIn(language),
            OwnPopulation = own is not null && populations.TryGetValue(own.Id, out var population) ? population : null,
            PopulationYear = year,
            Peers = regions.Where(r => chosen.Contains(r.Id)).Select(Item).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(),
            Suggestion = suggestion.Where(byId.ContainsKey).Select(id => Item(byId[id])).ToList(),
            Candidates = regions.Where(r => r.Id != own?.Id).Select(Item).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(),
            Version = group?.Version,
        };
    }

    /// <summary>
    /// Replaces the peers with <paramref name="regionIds"/>. Only regions of the organisation's own kind can be
    /// chosen; an unknown id is refused rather than dropped, so the saved list is what the form showed.
    /// </summary>
    public async Task<OperationResult> ChooseAsync(IReadOnlyList<int> regionIds, Guid? version, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return OperationResult.Missing();
        }
        var category = CategoryOf(organisation.Kind);
        var known = await db.Regions.AsNoTracking().Where(r => r.Category == category && regionIds.Contains(r.Id)).Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (known.Count != regionIds.Distinct().Count())
        {
            return OperationResult.Fail("regions", "Validation.PeerUnknown");
        }
        var ownId = await db.Regions.AsNoTracking().Where(r => r.Category == category && r.Code == organisation.OfficialCode)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var group = await db.PeerGroups.Include(g => g.Members).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            group = new PeerGroup(Guid.NewGuid(), organisation.Id);
            db.PeerGroups.Add(group);
        }
        else
        {
            db.ExpectVersion(group, version);
        }
        return await db.ChangeAsync(() =>
        {
            group.Choose(regionIds, ownId);
            db.ChangedThroughItsRows(group);
        }, cancellationToken);
    }

    /// <summary>Takes the suggested peers as they are shown.</summary>
    public async Task<OperationResult> AcceptSuggestionAsync(Guid? version, CancellationToken cancellationToken)
    {
        var page = await PageAsync("fi", cancellationToken);
        if (page is null)
        {
            return OperationResult.Missing();
        }
        if (page.Suggestion.Count == 0)
        {
            return OperationResult.Fail("regions", "Validation.PeerNoSuggestion");
        }
        return await ChooseAsync(page.Suggestion.Select(p => p.RegionId).ToList(), version, cancellationToken);
    }

    /// <summary>Each region's population in the latest year the population indicator has, with that year.</summary>
    private async Task<(Dictionary<int, double> Populations, int? Year)> PopulationsAsync(List<int> regionIds, CancellationToken cancellationToken)
    {
        var indicatorId = statistics.Value.PopulationIndicatorId;
        var year = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.Gender == Gender.Total && regionIds.Contains(v.RegionId) && v.Value != null)
            .MaxAsync(v => (int?)v.Year, cancellationToken);
        if (year is null)
        {
            return ([], null);
        }
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.Gender == Gender.Total && v.Year == year && regionIds.Contains(v.RegionId) && v.Value != null)
            .Select(v => new { v.RegionId, v.Value }).ToListAsync(cancellationToken);
        return (values.ToDictionary(v => v.RegionId, v => v.Value!.Value), year);
    }
}
