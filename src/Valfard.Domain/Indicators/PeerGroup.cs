using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

/// <summary>
/// The comparison municipalities (vertailukunnat / jämförelsekommuner) an organisation compares itself with besides
/// its county and the whole country: regions of the catalogue, chosen by its coordinator or taken from the
/// suggestion (<see cref="PeerSuggestion"/>). One group per organisation.
/// </summary>
public class PeerGroup : IOrganisationOwned, IVersioned
{
    /// <summary>Enough for a meaningful median and range, few enough to read as a list.</summary>
    public const int MaxPeers = 30;

    private readonly List<PeerGroupMember> _members = [];

    private PeerGroup() { }

    public PeerGroup(Guid id, Guid organisationId)
    {
        Id = id;
        OrganisationId = organisationId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyCollection<PeerGroupMember> Members => _members.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// Replaces the peers. The organisation's own region cannot be its own peer: its value would pull the median
    /// towards itself.
    /// </summary>
    public void Choose(IEnumerable<int> regionIds, int ownRegionId)
    {
        ArgumentNullException.ThrowIfNull(regionIds);
        var chosen = regionIds.Distinct().ToList();
        if (chosen.Contains(ownRegionId))
        {
            throw new DomainException("Validation.PeerIsOwnRegion", nameof(Members));
        }
        if (chosen.Count > MaxPeers)
        {
            throw new DomainException("Validation.TooManyPeers", nameof(Members));
        }
        _members.Clear();
        _members.AddRange(chosen.Select(id => new PeerGroupMember(Id, id)));
        RenewVersion();
    }
}

public class PeerGroupMember
{
    private PeerGroupMember() { }

    internal PeerGroupMember(Guid groupId, int regionId)
    {
        GroupId = groupId;
        RegionId = regionId;
    }

    public Guid GroupId { get; private set; }
    public int RegionId { get; private set; }
}

/// <summary>A region with its population, for the suggestion.</summary>
public sealed record RegionPopulation(int RegionId, string Category, double Population);

/// <summary>
/// The suggested comparison municipalities: the regions of the same category (municipalities for a municipality,
/// counties for a county) closest in population (Sotkanet indicator 127, the latest year), ten by default. Closeness
/// is measured as a ratio, so a town of 12,000 is as close to one of 6,000 as to one of 24,000.
/// </summary>
public static class PeerSuggestion
{
    public const int DefaultCount = 10;

    public static IReadOnlyList<int> Closest(RegionPopulation own, IEnumerable<RegionPopulation> candidates, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(candidates);
        if (own.Population <= 0)
        {
            return [];
        }
        return candidates
            .Where(c => c.RegionId != own.RegionId && c.Category == own.Category && c.Population > 0)
            .OrderBy(c => Math.Abs(Math.Log(c.Population / own.Population)))
            .ThenBy(c => c.RegionId)
            .Take(count)
            .Select(c => c.RegionId)
            .ToList();
    }
}
