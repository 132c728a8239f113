using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

/// <summary>
/// A named list of indicators an organisation follows: THL's minimum data content, the HYTE coefficient, TEAviisari,
/// or its own. Each organisation edits its own copy.
/// </summary>
public class IndicatorSet : IOrganisationOwned, IVersioned
{
    public const int NameMaxLength = 200;

    private readonly List<IndicatorSetMember> _members = [];

    private IndicatorSet() => Name = string.Empty;

    public IndicatorSet(Guid id, Guid organisationId, string name) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Rename(name);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyCollection<IndicatorSetMember> Members => _members.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public void Rename(string name)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new DomainException("Validation.SetNameRequired", nameof(Name));
        }
        Name = name.Length > NameMaxLength ? throw new DomainException("Validation.TitleTooLong", nameof(Name)) : name;
    }

    public void Add(int indicatorId)
    {
        if (_members.Any(m => m.IndicatorId == indicatorId))
        {
            return;
        }
        _members.Add(new IndicatorSetMember(Id, indicatorId, _members.Count == 0 ? 0 : _members.Max(m => m.Position) + 1));
    }

    public void Remove(int indicatorId) => _members.RemoveAll(m => m.IndicatorId == indicatorId);
}

public class IndicatorSetMember
{
    private IndicatorSetMember() { }

    internal IndicatorSetMember(Guid setId, int indicatorId, int position)
    {
        SetId = setId;
        IndicatorId = indicatorId;
        Position = position;
    }

    public Guid SetId { get; private set; }
    public int IndicatorId { get; private set; }
    public int Position { get; private set; }
}

/// <summary>An indicator shown in a report section as a chart and a table, below the section's text.</summary>
public class SectionIndicator : IOrganisationOwned
{
    private SectionIndicator() { }

    public SectionIndicator(Guid sectionId, Guid organisationId, int indicatorId, int position)
    {
        SectionId = sectionId;
        OrganisationId = organisationId;
        IndicatorId = indicatorId;
        Position = position;
    }

    public Guid SectionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int IndicatorId { get; private set; }
    public int Position { get; private set; }
}
