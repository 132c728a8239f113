using Valfard.Domain.Indicators;

namespace Valfard.Web.Features.Indicators;

/// <param name="AbsValue">Sotkanet's numerator (absValue) where published: what the interval is computed from.</param>
public sealed record SeriesPoint(int Year, double? Value, double? AbsValue = null);

/// <summary>One line of the chart and one row group of the table: a region and a gender.</summary>
public sealed record IndicatorSeries(string Region, string RegionKind, Gender Gender, IReadOnlyList<SeriesPoint> Points);

/// <summary>
/// One of an indicator's texts, sanitized HTML, in the page's language or, when it has none, in
/// <see cref="Language"/> with <see cref="IsFallback"/> set so the page can say so.
/// </summary>
public sealed record IndicatorText(string Html, string Language, bool IsFallback)
{
    public static IndicatorText? From(LocalizedText text, string language) =>
        text.In(language) is { } found ? new IndicatorText(found.Text, found.Language, found.Language != language) : null;
}

/// <summary>One source of an indicator's numbers, as the page lists it.</summary>
public sealed record IndicatorSourceItem(string Title, string Organisation, IndicatorText? Description);

/// <summary>A region the indicator has values for, offered on the page; its category tells apart places with one code.</summary>
public sealed record RegionChoice(int Id, string Label, bool Selected);

/// <summary>Sotkanet's fuller description of an indicator, when its /indicators/{id} metadata has been imported.</summary>
public sealed class IndicatorDetails
{
    public IndicatorText? Description { get; init; }
    public IndicatorText? Limits { get; init; }
    public IndicatorText? Legislation { get; init; }
    public IndicatorText? Notices { get; init; }
    public IReadOnlyList<IndicatorSourceItem> Sources { get; init; } = [];
    public IReadOnlyList<string> Subjects { get; init; } = [];
    public string UnitCode { get; init; } = string.Empty;
    public string Age { get; init; } = string.Empty;
    public string Sex { get; init; } = string.Empty;
    public DateOnly? DataUpdated { get; init; }
    public int? RangeStart { get; init; }
    public int? RangeEnd { get; init; }

    public bool IsEmpty => Description is null && Limits is null && Legislation is null && Notices is null && Sources.Count == 0
        && Subjects.Count == 0 && Age.Length == 0 && Sex.Length == 0 && DataUpdated is null && RangeStart is null && RangeEnd is null;
}

public sealed class IndicatorPageViewModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }

    /// <summary>How to read the numbers, sanitized HTML; null when Sotkanet gives none.</summary>
    public IndicatorText? Interpretation { get; init; }
    public IndicatorDetails Details { get; init; } = new();

    /// <summary>False while only Sotkanet's list entry (title, organisation) is stored, not /indicators/{id}.</summary>
    public bool HasFullMetadata { get; init; } = true;
    public required string Unit { get; init; }

    /// <summary>The indicator's own number of decimals (0–6); null when unknown, and values show as given.</summary>
    public required int? Decimals { get; init; }
    public required IndicatorDirection Direction { get; init; }
    public required string Source { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<IndicatorSeries> Series { get; init; }
    /// <summary>
    /// The 5 % trend rule's result, kept only so versions approved before the significance test came keep showing
    /// what their council saw (docs/decisions/0016-statistics-methods.md). New pages carry <see cref="Analysis"/>.
    /// </summary>
    public TrendResult? Trend { get; init; }

    /// <summary>The own area's interval, verdicts against the county, the country and peers, and the trend test.</summary>
    public Valfard.Domain.Statistics.IndicatorAnalysis? Analysis { get; init; }

    /// <summary>
    /// The indicator's age groups in the own region (docs/decisions/0023-differences-between-groups.md); null when
    /// Sotkanet has no sibling indicators by age. Only the indicator page shows it, so snapshots do not keep it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AgeGroupsViewModel? AgeGroups { get; init; }

    /// <summary>Regions of any category the indicator has values for, to add to the page.</summary>
    public IReadOnlyList<RegionChoice> RegionChoices { get; init; } = [];

    /// <summary>False for a local indicator: its table is on the page with the sources, not in the catalogue exports.</summary>
    public bool Downloadable { get; init; } = true;
    public string? TrendRegion { get; init; }

    public string Format(double value, IFormatProvider culture) => IndicatorNumber.Format(value, Decimals, culture);
}

/// <summary>The catalogue page: a page of search results, and for a coordinator the sets a result can go to.</summary>
public sealed class CataloguePageViewModel
{
    public required CatalogueSearchResult Result { get; init; }
    public bool CanAddToSets { get; init; }
    public IReadOnlyList<SetChoice> Sets { get; init; } = [];

    /// <summary>The set last added to, or else the first: preselected in every row's form.</summary>
    public Guid? DefaultSetId { get; init; }
    public AddedIndicator? Added { get; init; }
}
