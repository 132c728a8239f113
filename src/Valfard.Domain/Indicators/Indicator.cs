namespace Valfard.Domain.Indicators;

public enum Gender
{
    Total = 0,
    Male = 1,
    Female = 2,
}

/// <summary>Which way is good. Sotkanet does not say; the organisation or the demo sets it per indicator.</summary>
public enum IndicatorDirection
{
    Neutral = 0,
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>An indicator in Sotkanet's catalogue, identified by Sotkanet's own id (e.g. 127 for population).</summary>
public class Indicator
{
    public const int TitleMaxLength = 500;
    public const int TextMaxLength = 8000;

    private Indicator()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        TitleEn = string.Empty;
        DescriptionFi = string.Empty;
        DescriptionSv = string.Empty;
        InterpretationFi = string.Empty;
        InterpretationSv = string.Empty;
        Organization = string.Empty;
        PrimaryValueType = string.Empty;
    }

    public Indicator(int id) : this() => Id = id;

    public int Id { get; private set; }
    public string TitleFi { get; set; }
    public string TitleSv { get; set; }
    public string TitleEn { get; set; }
    public string DescriptionFi { get; set; }
    public string DescriptionSv { get; set; }
    public string InterpretationFi { get; set; }
    public string InterpretationSv { get; set; }
    public string Organization { get; set; }
    public string PrimaryValueType { get; set; }
    public int Decimals { get; set; }
    public int? RangeStart { get; set; }
    public int? RangeEnd { get; set; }
    public bool HasGenders { get; set; }
    public IndicatorDirection Direction { get; set; }

    public string TitleIn(string language) => language switch
    {
        "sv" when TitleSv.Length > 0 => TitleSv,
        "en" when TitleEn.Length > 0 => TitleEn,
        _ => TitleFi,
    };

    /// <summary>True when an import brought different metadata; the importer counts the indicator as updated.</summary>
    public bool SameMetadataAs(Indicator other) =>
        TitleFi == other.TitleFi && TitleSv == other.TitleSv && TitleEn == other.TitleEn &&
        DescriptionFi == other.DescriptionFi && DescriptionSv == other.DescriptionSv &&
        InterpretationFi == other.InterpretationFi && InterpretationSv == other.InterpretationSv &&
        Organization == other.Organization && PrimaryValueType == other.PrimaryValueType && Decimals == other.Decimals &&
        RangeStart == other.RangeStart && RangeEnd == other.RangeEnd && HasGenders == other.HasGenders;

    public void CopyMetadataFrom(Indicator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TitleFi = other.TitleFi;
        TitleSv = other.TitleSv;
        TitleEn = other.TitleEn;
        DescriptionFi = other.DescriptionFi;
        DescriptionSv = other.DescriptionSv;
        InterpretationFi = other.InterpretationFi;
        InterpretationSv = other.InterpretationSv;
        Organization = other.Organization;
        PrimaryValueType = other.PrimaryValueType;
        Decimals = other.Decimals;
        RangeStart = other.RangeStart;
        RangeEnd = other.RangeEnd;
        HasGenders = other.HasGenders;
    }
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
