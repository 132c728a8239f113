using Valfard.Domain.Indicators;

namespace Valfard.Web.Features.Indicators;

public sealed record IndicatorListItem(int Id, string Title, string Unit, int? LatestYear);

public sealed record SeriesPoint(int Year, double? Value);

/// <summary>One line of the chart and one row group of the table: a region and a gender.</summary>
public sealed record IndicatorSeries(string Region, string RegionKind, Gender Gender, IReadOnlyList<SeriesPoint> Points);

public sealed class IndicatorPageViewModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Interpretation { get; init; }
    public required string Unit { get; init; }
    public required int Decimals { get; init; }
    public required IndicatorDirection Direction { get; init; }
    public required string Source { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<IndicatorSeries> Series { get; init; }
    public TrendResult? Trend { get; init; }

    /// <summary>False for a local indicator: its table is on the page with the sources, not in the catalogue exports.</summary>
    public bool Downloadable { get; init; } = true;
    public string? TrendRegion { get; init; }
}
