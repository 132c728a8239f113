using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

/// <summary>
/// An indicator the organisation follows that has no Sotkanet source (a local survey, a service's own statistics).
/// Its values are entered by hand, each with the year and where the number comes from.
/// </summary>
public class LocalIndicator : IOrganisationOwned, IVersioned
{
    public const int TitleMaxLength = 300;
    public const int UnitMaxLength = 40;

    private readonly List<LocalIndicatorValue> _values = [];

    private LocalIndicator()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        Unit = string.Empty;
    }

    public LocalIndicator(Guid id, Guid organisationId, string titleFi, string titleSv, string unit, IndicatorDirection direction) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Update(titleFi, titleSv, unit, direction);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string Unit { get; private set; }
    public IndicatorDirection Direction { get; private set; }
    public IReadOnlyCollection<LocalIndicatorValue> Values => _values.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public void Update(string titleFi, string titleSv, string unit, IndicatorDirection direction)
    {
        titleFi = titleFi?.Trim() ?? string.Empty;
        titleSv = titleSv?.Trim() ?? string.Empty;
        unit = unit?.Trim() ?? string.Empty;
        if (titleFi.Length == 0 && titleSv.Length == 0)
        {
            throw new DomainException("Validation.IndicatorTitleRequired");
        }
        if (titleFi.Length > TitleMaxLength || titleSv.Length > TitleMaxLength || unit.Length > UnitMaxLength)
        {
            throw new DomainException("Validation.TitleTooLong");
        }
        if (!Enum.IsDefined(direction))
        {
            throw new DomainException("Validation.DirectionUnknown");
        }
        TitleFi = titleFi.Length > 0 ? titleFi : titleSv;
        TitleSv = titleSv;
        Unit = unit;
        Direction = direction;
    }

    /// <summary>Records the value of a year for the whole municipality, replacing an earlier entry for the same year.</summary>
    public void Record(int year, double value, string source, Guid enteredById, DateTimeOffset now) =>
        Record(year, null, value, null, null, source, enteredById, now);

    /// <summary>
    /// Records the value of a year for the whole municipality (<paramref name="districtId"/> null) or for one of its
    /// districts, replacing an earlier entry for the same year and area. A value needs its source. The count (events,
    /// the numerator) and the denominator (the population it is of) are optional: with them the value gets an interval
    /// and a district can be compared with the whole municipality.
    /// </summary>
    public void Record(int year, Guid? districtId, double value, double? count, double? denominator, string source, Guid enteredById, DateTimeOffset now)
    {
        if (year is < 1900 or > 2100)
        {
            throw new DomainException("Validation.YearRangeLocal");
        }
        if (!double.IsFinite(value))
        {
            throw new DomainException("Validation.ValueNotNumber");
        }
        if (count is { } c && (!double.IsFinite(c) || c < 0))
        {
            throw new DomainException("Validation.CountNotValid", "count");
        }
        if (denominator is { } d && (!double.IsFinite(d) || d <= 0))
        {
            throw new DomainException("Validation.DenominatorNotValid", "denominator");
        }
        source = source?.Trim() ?? string.Empty;
        if (source.Length == 0)
        {
            throw new DomainException("Validation.SourceRequired");
        }
        if (source.Length > LocalIndicatorValue.SourceMaxLength)
        {
            throw new DomainException("Validation.SourceTooLong");
        }
        if (_values.FirstOrDefault(v => v.Year == year && v.DistrictId == districtId) is { } earlier)
        {
            earlier.Replace(value, count, denominator, source, enteredById, now);
        }
        else
        {
            _values.Add(new LocalIndicatorValue(Id, year, districtId, value, count, denominator, source, enteredById, now));
        }
    }

    /// <summary>Removes the whole municipality's value of a year.</summary>
    public bool Remove(int year) => Remove(year, null);

    public bool Remove(int year, Guid? districtId) => _values.RemoveAll(v => v.Year == year && v.DistrictId == districtId) > 0;
}

public class LocalIndicatorValue
{
    public const int SourceMaxLength = 300;

    private LocalIndicatorValue() => Source = string.Empty;

    internal LocalIndicatorValue(Guid localIndicatorId, int year, Guid? districtId, double value, double? count, double? denominator, string source,
        Guid enteredById, DateTimeOffset enteredAt)
    {
        LocalIndicatorId = localIndicatorId;
        Year = year;
        DistrictId = districtId;
        Value = value;
        Count = count;
        Denominator = denominator;
        Source = source;
        EnteredById = enteredById;
        EnteredAt = enteredAt;
    }

    /// <summary>A surrogate key: a year has one value per area, and the whole municipality has no district row to key on.</summary>
    public int Id { get; private set; }
    public Guid LocalIndicatorId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The district the value is for; null for the whole municipality.</summary>
    public Guid? DistrictId { get; private set; }
    public double Value { get; private set; }

    /// <summary>The number of events behind the value (the numerator), when the source gives it.</summary>
    public double? Count { get; private set; }

    /// <summary>The population the events are of (the denominator), when the source gives it.</summary>
    public double? Denominator { get; private set; }

    /// <summary>Where the number comes from, e.g. "Nuorisopalveluiden vuositilasto 2025".</summary>
    public string Source { get; private set; }
    public Guid EnteredById { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }

    internal void Replace(double value, double? count, double? denominator, string source, Guid enteredById, DateTimeOffset enteredAt)
    {
        Value = value;
        Count = count;
        Denominator = denominator;
        Source = source;
        EnteredById = enteredById;
        EnteredAt = enteredAt;
    }
}
