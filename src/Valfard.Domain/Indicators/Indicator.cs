namespace Valfard.Domain.Indicators;

public enum Gender
{
    Total = 0,
    Male = 1,
    Female = 2,
}

/// <summary>Which way is good. Sotkanet does not say; a system admin (or the demo) sets it per indicator, for every organisation.</summary>
public enum IndicatorDirection
{
    Neutral = 0,
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>
/// An indicator in Sotkanet's catalogue, identified by Sotkanet's own id (e.g. 127 for population). Sotkanet's list
/// (/indicators) gives only the title, organisation and classifications; the rest comes from /indicators/{id}
/// (<see cref="HasFullMetadata"/>). Texts are HTML, cleaned on the way in.
/// </summary>
public class Indicator
{
    public const int TitleMaxLength = 500;
    public const int TextMaxLength = 8000;
    public const int MaxDecimals = 6;

    private Indicator()
    {
    }

    public Indicator(int id) : this() => Id = id;

    public int Id { get; private set; }
    public LocalizedText Title { get; set; } = LocalizedText.Empty;

    /// <summary>
    /// The id and titles as the catalogue search reads them (<see cref="CatalogueSearchText"/>). Stored so that a
    /// search is one query over one column; always worked out from the title, so it cannot go stale. The setter is
    /// there only for EF Core, which reads the column back.
    /// </summary>
    public string SearchText
    {
        get => CatalogueSearchText.Of(Id, Title);
        private set { }
    }
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
    public LocalizedText Interpretation { get; set; } = LocalizedText.Empty;
    public LocalizedText Limits { get; set; } = LocalizedText.Empty;
    public LocalizedText Legislation { get; set; } = LocalizedText.Empty;
    public LocalizedText Notices { get; set; } = LocalizedText.Empty;

    /// <summary>Sotkanet's primaryValueType code, e.g. PER1000.</summary>
    public string UnitCode { get; set; } = string.Empty;
    public LocalizedText Unit { get; set; } = LocalizedText.Empty;

    /// <summary>How many decimals Sotkanet shows; null when it did not say or said something outside 0–6.</summary>
    public int? Decimals { get => _decimals; set => _decimals = AcceptDecimals(value); }
    private int? _decimals;

    public DateOnly? DataUpdated { get; set; }
    public int? RangeStart { get; set; }
    public int? RangeEnd { get; set; }
    public int? SourceOrganisationId { get; set; }
    public LocalizedText SourceOrganisation { get; set; } = LocalizedText.Empty;
    public IReadOnlyList<IndicatorSource> Sources { get; set; } = [];
    public IReadOnlyList<LocalizedText> Subjects { get; set; } = [];
    public IReadOnlyList<int> Groups { get; set; } = [];
    public IndicatorClassification Sex { get; set; } = IndicatorClassification.None;
    public IndicatorClassification Age { get; set; } = IndicatorClassification.None;

    /// <summary>True once the full metadata (/indicators/{id}) has been read, not only a list entry.</summary>
    public bool HasFullMetadata { get; set; }
    public IndicatorDirection Direction { get; private set; }

    /// <summary>
    /// Says which way is good. The catalogue is the installation's, so this turns every organisation's rising or
    /// falling trend into an improving or worsening one; the caller audits it with the previous value returned.
    /// </summary>
    public IndicatorDirection ChangeDirection(IndicatorDirection direction)
    {
        if (!Enum.IsDefined(direction))
        {
            throw new Common.DomainException("Validation.DirectionUnknown", nameof(Direction));
        }
        var previous = Direction;
        Direction = direction;
        return previous;
    }

    public static int? AcceptDecimals(int? decimals) => decimals is >= 0 and <= MaxDecimals ? decimals : null;

    public string TitleIn(string language) => Title.Pick(language);

    /// <summary>
    /// Takes what an import brought and tells whether anything changed. Full metadata replaces everything Sotkanet
    /// describes; a list entry, which carries only the title, organisation and classifications, never blanks or
    /// overwrites the rest, so importing the list after the metadata keeps the metadata.
    /// </summary>
    public bool MergeFrom(Indicator incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var before = MetadataSnapshot();
        if (incoming.HasFullMetadata)
        {
            Title = incoming.Title;
            Description = incoming.Description;
            Interpretation = incoming.Interpretation;
            Limits = incoming.Limits;
            Legislation = incoming.Legislation;
            Notices = incoming.Notices;
            UnitCode = incoming.UnitCode;
            Unit = incoming.Unit;
            Decimals = incoming.Decimals;
            DataUpdated = incoming.DataUpdated;
            RangeStart = incoming.RangeStart;
            RangeEnd = incoming.RangeEnd;
            SourceOrganisationId = incoming.SourceOrganisationId;
            SourceOrganisation = incoming.SourceOrganisation;
            Sources = incoming.Sources;
            Subjects = incoming.Subjects;
            Groups = incoming.Groups;
            Sex = incoming.Sex;
            Age = incoming.Age;
            HasFullMetadata = true;
        }
        else
        {
            if (!incoming.Title.IsEmpty)
            {
                Title = incoming.Title;
            }
            if (!incoming.SourceOrganisation.IsEmpty)
            {
                (SourceOrganisationId, SourceOrganisation) = (incoming.SourceOrganisationId, incoming.SourceOrganisation);
            }
            if (!HasFullMetadata && !incoming.Sex.IsEmpty)
            {
                Sex = incoming.Sex;
            }
        }
        return before != MetadataSnapshot();
    }

    private string MetadataSnapshot() => System.Text.Json.JsonSerializer.Serialize(new object?[]
    {
        Title, Description, Interpretation, Limits, Legislation, Notices, UnitCode, Unit, Decimals, DataUpdated,
        RangeStart, RangeEnd, SourceOrganisationId, SourceOrganisation, Sources, Subjects, Groups, Sex, Age, HasFullMetadata,
    });
}

/// <summary>A region in Sotkanet: a municipality (KUNTA), a wellbeing services county (HYVINVOINTIALUE), the whole country (MAA)…</summary>
public class Region
{
    public const string Municipality = "KUNTA";
    public const string County = "HYVINVOINTIALUE";
    public const string Country = "MAA";

    private Region()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        TitleEn = string.Empty;
        Code = string.Empty;
        Category = string.Empty;
        MemberOf = string.Empty;
    }

    public Region(int id) : this() => Id = id;

    public int Id { get; private set; }
    public string TitleFi { get; set; }
    public string TitleSv { get; set; }
    public string TitleEn { get; set; }
    public string Code { get; set; }
    public string Category { get; set; }

    /// <summary>Ids of the regions this one belongs to, comma-separated, as Sotkanet's memberOf lists them.</summary>
    public string MemberOf { get; set; }

    public string TitleIn(string language) => language switch
    {
        "sv" when TitleSv.Length > 0 => TitleSv,
        "en" when TitleEn.Length > 0 => TitleEn,
        _ => TitleFi,
    };

    public IEnumerable<int> MemberOfIds() =>
        MemberOf.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
}

/// <summary>One number: an indicator's value for a region, year and gender. A missing value is a missing row, never zero.</summary>
public sealed record IndicatorValue(int IndicatorId, int RegionId, int Year, Gender Gender, double? Value, double? AbsValue);
