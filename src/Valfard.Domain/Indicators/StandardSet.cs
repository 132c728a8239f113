using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

/// <summary>Which organisations a national standard set is meant for.</summary>
public enum StandardSetKind
{
    Any = 0,
    Municipalities = 1,
    Counties = 2,
}

/// <summary>
/// A national indicator set (THL's minimum data content for municipalities or for counties, HYTE-kerroin,
/// TEAviisari, …): the installation's, defined by system admins, read by every organisation, which may copy it into
/// an <see cref="IndicatorSet"/> of its own. Not organisation-owned, so it has no tenant filter.
/// </summary>
public class StandardSet : IVersioned
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>More than THL's largest list (83 indicators for counties) with room to spare, small enough for one page.</summary>
    public const int MaxMembers = 300;

    private readonly List<StandardSetMember> _members = [];

    private StandardSet()
    {
        NameFi = string.Empty;
        NameSv = string.Empty;
        NameEn = string.Empty;
        Description = string.Empty;
    }

    public StandardSet(Guid id, string? nameFi, string? nameSv, string? nameEn, StandardSetKind kind, string? description) : this()
    {
        Id = id;
        Describe(nameFi, nameSv, nameEn, kind, description);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public string NameFi { get; private set; }
    public string NameSv { get; private set; }
    public string NameEn { get; private set; }
    public StandardSetKind Kind { get; private set; }
    public string Description { get; private set; }

    /// <summary>Invented ids of the demo's sample catalogue: the set says SAMPLE wherever it is shown.</summary>
    public bool IsSample { get; private set; }

    public IReadOnlyCollection<StandardSetMember> Members => _members.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public string NameIn(string language) => language switch
    {
        "sv" when NameSv.Length > 0 => NameSv,
        "en" when NameEn.Length > 0 => NameEn,
        _ => NameFi.Length > 0 ? NameFi : NameSv,
    };

    /// <summary>Names in Finnish and Swedish are required (bilingual municipalities read both); English may be empty.</summary>
    public void Describe(string? nameFi, string? nameSv, string? nameEn, StandardSetKind kind, string? description)
    {
        NameFi = Name(nameFi, nameof(NameFi), required: true);
        NameSv = Name(nameSv, nameof(NameSv), required: true);
        NameEn = Name(nameEn, nameof(NameEn), required: false);
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("Validation.StandardSetKind", nameof(Kind));
        description = description?.Trim() ?? string.Empty;
        Description = description.Length <= DescriptionMaxLength ? description
            : throw new DomainException("Validation.DescriptionTooLong", nameof(Description));
    }

    public void MarkAsSample() => IsSample = true;

    /// <summary>Puts the given indicators in the set, in this order, instead of the present ones; repeats count once.</summary>
    public void ReplaceMembers(IEnumerable<int> indicatorIds)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var ids = indicatorIds.Distinct().ToList();
        if (ids.Count > MaxMembers)
        {
            throw new DomainException("Validation.StandardSetTooLarge", nameof(Members));
        }
        // Members that stay keep their row (a removed and re-added key would clash in the change tracker); only
        // their position moves.
        _members.RemoveAll(m => !ids.Contains(m.IndicatorId));
        for (var i = 0; i < ids.Count; i++)
        {
            if (_members.Find(m => m.IndicatorId == ids[i]) is { } kept)
            {
                kept.MoveTo(i);
            }
            else
            {
                _members.Add(new StandardSetMember(Id, ids[i], i));
            }
        }
    }

    public void Remove(int indicatorId) => _members.RemoveAll(m => m.IndicatorId == indicatorId);

    public bool Contains(int indicatorId) => _members.Any(m => m.IndicatorId == indicatorId);

    private static string Name(string? value, string field, bool required)
    {
        value = value?.Trim() ?? string.Empty;
        if (required && value.Length == 0)
        {
            throw new DomainException("Validation.SetNameRequired", field);
        }
        return value.Length <= NameMaxLength ? value : throw new DomainException("Validation.TitleTooLong", field);
    }
}

public class StandardSetMember
{
    private StandardSetMember() { }

    internal StandardSetMember(Guid setId, int indicatorId, int position)
    {
        SetId = setId;
        IndicatorId = indicatorId;
        Position = position;
    }

    public Guid SetId { get; private set; }
    public int IndicatorId { get; private set; }
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}

/// <summary>
/// An organisation's decision not to follow one indicator of a standard set, and why. THL asks the welfare report to
/// list the minimum-content indicators it left out with the reasons, so the report's appendix prints these.
/// </summary>
public class LeftOutIndicator : IOrganisationOwned
{
    public const int ReasonMaxLength = 1000;

    private LeftOutIndicator()
    {
        ReasonFi = string.Empty;
        ReasonSv = string.Empty;
    }

    public LeftOutIndicator(Guid id, Guid organisationId, Guid standardSetId, int indicatorId, string? reasonFi, string? reasonSv,
        Guid markedById, DateTimeOffset now) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        StandardSetId = standardSetId;
        IndicatorId = indicatorId;
        Explain(reasonFi, reasonSv, markedById, now);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid StandardSetId { get; private set; }
    public int IndicatorId { get; private set; }
    public string ReasonFi { get; private set; }
    public string ReasonSv { get; private set; }
    public Guid MarkedById { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }

    /// <summary>
    /// A reason is required, in Finnish or Swedish or both: a Finnish-speaking municipality writes only Finnish, and a
    /// reader of the other language then sees it with a note that it exists in that language only.
    /// </summary>
    public void Explain(string? reasonFi, string? reasonSv, Guid markedById, DateTimeOffset now)
    {
        reasonFi = reasonFi?.Trim() ?? string.Empty;
        reasonSv = reasonSv?.Trim() ?? string.Empty;
        if (reasonFi.Length == 0 && reasonSv.Length == 0)
        {
            throw new DomainException("Validation.LeftOutReasonRequired", nameof(ReasonFi));
        }
        if (reasonFi.Length > ReasonMaxLength || reasonSv.Length > ReasonMaxLength)
        {
            throw new DomainException("Validation.LeftOutReasonTooLong", reasonFi.Length > ReasonMaxLength ? nameof(ReasonFi) : nameof(ReasonSv));
        }
        (ReasonFi, ReasonSv, MarkedById, MarkedAt) = (reasonFi, reasonSv, markedById, now);
    }

    /// <summary>The reason in <paramref name="language"/>, or in the other language with that language named.</summary>
    public (string Text, string Language) ReasonIn(string language) =>
        language == "sv" ? ReasonSv.Length > 0 ? (ReasonSv, "sv") : (ReasonFi, "fi")
        : ReasonFi.Length > 0 ? (ReasonFi, "fi") : (ReasonSv, "sv");
}

/// <summary>
/// One change to what the installation shares (an indicator's direction, a standard set): who, when, what, and the
/// value before and after. Installation data has no organisation, so these are kept apart from the organisations'
/// <see cref="AuditEntry"/> rows, which are tenant-filtered, and shown to system admins only.
/// </summary>
public class CatalogueChange
{
    public const int ActionMaxLength = 80;
    public const int SubjectMaxLength = 300;
    public const int ValueMaxLength = 2000;

    private CatalogueChange()
    {
        Action = string.Empty;
        Subject = string.Empty;
        OldValue = string.Empty;
        NewValue = string.Empty;
    }

    public CatalogueChange(Guid userId, string action, string subject, string oldValue, string newValue, DateTimeOffset at) : this()
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Action = Cut(action, ActionMaxLength);
        Subject = Cut(subject, SubjectMaxLength);
        OldValue = Cut(oldValue, ValueMaxLength);
        NewValue = Cut(newValue, ValueMaxLength);
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>A stable key such as "Catalogue.DirectionChanged"; the UI translates it.</summary>
    public string Action { get; private set; }
    public string Subject { get; private set; }
    public string OldValue { get; private set; }
    public string NewValue { get; private set; }
    public DateTimeOffset At { get; private set; }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
