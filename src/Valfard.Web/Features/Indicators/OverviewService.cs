using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Where the own value lies among all regions of its kind in the same year: the range, the middle half, and the
/// regions counted. Drawn as a spine with the worse end on the left.
/// </summary>
public sealed record SpineData(double Min, double LowerQuartile, double UpperQuartile, double Max, int Regions);

public sealed record OverviewRow(IndicatorPageViewModel Page, SpineData? Spine, IReadOnlyList<string> Subjects)
{
    public IndicatorAnalysis? Analysis => Page.Analysis;

    public BenchmarkVerdict? Verdict(string kind) => Analysis?.Comparisons.FirstOrDefault(c => c.Kind == kind);
}

public sealed record OverviewSetChoice(Guid Id, string Name, bool Selected);

public sealed class OverviewViewModel
{
    public required IReadOnlyList<OverviewSetChoice> Sets { get; init; }
    public required Guid? SetId { get; init; }
    public required IReadOnlyList<OverviewRow> Rows { get; init; }
    public required IReadOnlyList<string> Subjects { get; init; }
    public required string? Subject { get; init; }
    public required string Sort { get; init; }
    public required int TotalInSet { get; init; }
}

/// <summary>
/// An indicator set at a glance: each indicator's latest own value with its interval, the county, the country and the
/// peers with a verdict against each, the trend, and a spine chart; filtered by Sotkanet's subject and sorted by any
/// column. Built on <see cref="IndicatorService.PagesAsync"/>, so it says exactly what the indicator pages say.
/// </summary>
public sealed class OverviewService(ValfardDbContext db, ICurrentOrganisation current, IndicatorService indicators)
{
    public static readonly IReadOnlyList<string> SortKeys = ["position", "indicator", "year", "county", "country", "peers", "trend"];

    public async Task<OverviewViewModel?> BuildAsync(Guid? setId, string? subject, string? sort, string language, CancellationToken cancellationToken)
    {
        var sets = await db.IndicatorSets.AsNoTracking().Include(s => s.Members).ToListAsync(cancellationToken);
        var set = setId is { } id ? sets.FirstOrDefault(s => s.Id == id) : sets.OrderBy(s => s.Name, StringComparer.CurrentCulture).FirstOrDefault();
        if (setId is not null && set is null)
        {
            return null;
        }
        var ids = set?.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId).ToList() ?? [];
        var pages = await indicators.PagesAsync(ids, language, cancellationToken);
        var spines = await SpinesAsync(pages, cancellationToken);
        // The pages already carry Sotkanet's subjects in the page's language: the themes to filter by.
        var rows = pages.Select(p => new OverviewRow(p, spines.GetValueOrDefault(p.Id), p.Details.Subjects)).ToList();
        var subjects = rows.SelectMany(r => r.Subjects).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var shown = string.IsNullOrEmpty(subject) ? rows : rows.Where(r => r.Subjects.Contains(subject)).ToList();
        var key = SortKeys.Contains(sort ?? string.Empty) ? sort! : "position";
        return new OverviewViewModel
        {
            Sets = sets.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new OverviewSetChoice(s.Id, s.Name, s.Id == set?.Id)).ToList(),
            SetId = set?.Id,
            Rows = Sorted(shown, key),
            Subjects = subjects,
            Subject = string.IsNullOrEmpty(subject) ? null : subject,
            Sort = key,
            TotalInSet = ids.Count,
        };
    }

    /// <summary>Worse verdicts first, so the sorted column puts the concerns at the top; then similar, better, not compared.</summary>
    private static int Rank(ComparisonOutcome? outcome) => outcome switch
    {
        ComparisonOutcome.Worse => 0,
        ComparisonOutcome.Higher or ComparisonOutcome.Lower => 1,
        ComparisonOutcome.Similar => 2,
        ComparisonOutcome.Better => 3,
        _ => 4,
    };

    private static int TrendRank(SignificantTrendOutcome? outcome) => outcome switch
    {
        SignificantTrendOutcome.IncreasingAndWorsening or SignificantTrendOutcome.DecreasingAndWorsening => 0,
        SignificantTrendOutcome.Increasing or SignificantTrendOutcome.Decreasing => 1,
        SignificantTrendOutcome.NoSignificantChange => 2,
        SignificantTrendOutcome.IncreasingAndImproving or SignificantTrendOutcome.DecreasingAndImproving => 3,
        _ => 4,
    };

    private static List<OverviewRow> Sorted(IReadOnlyList<OverviewRow> rows, string key) => key switch
    {
        "indicator" => [.. rows.OrderBy(r => r.Page.Title, StringComparer.CurrentCulture)],
        "year" => [.. rows.OrderByDescending(r => r.Analysis?.Year ?? 0)],
        "county" or "country" or "peers" => [.. rows.OrderBy(r => Rank(r.Verdict(key)?.Result.Outcome))],
        "trend" => [.. rows.OrderBy(r => TrendRank(r.Analysis?.Trend.Outcome))],
        _ => [.. rows],
    };

    /// <summary>
    /// For each indicator, the spread of its values among all regions of the organisation's own kind (municipalities
    /// or counties) in the year its own value is from: one query per distinct year, totals only.
    /// </summary>
    private async Task<Dictionary<int, SpineData>> SpinesAsync(IReadOnlyList<IndicatorPageViewModel> pages, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        var result = new Dictionary<int, SpineData>();
        if (organisation is null)
        {
            return result;
        }
        var category = PeerService.CategoryOf(organisation.Kind);
        foreach (var byYear in pages.Where(p => p.Analysis?.Year is not null).GroupBy(p => p.Analysis!.Year!.Value))
        {
            var ids = byYear.Select(p => p.Id).ToList();
            var year = byYear.Key;
            // A join, not EXISTS per row: SQLite then reads the covering index (indicator, year, gender, region, value)
            // and checks each region against the category's few hundred once.
            var values = await (
                from v in db.IndicatorValues.AsNoTracking()
                join r in db.Regions.AsNoTracking() on v.RegionId equals r.Id
                where ids.Contains(v.IndicatorId) && v.Year == year && v.Gender == Gender.Total && v.Value != null && r.Category == category
                select new { v.IndicatorId, v.Value }).ToListAsync(cancellationToken);
            foreach (var indicator in values.GroupBy(v => v.IndicatorId))
            {
                var sorted = indicator.Select(v => v.Value!.Value).Order().ToList();
                result[indicator.Key] = new SpineData(sorted[0], Quantile(sorted, 0.25), Quantile(sorted, 0.75), sorted[^1], sorted.Count);
            }
        }
        return result;
    }

    /// <summary>Linear interpolation between the closest ranks (the usual "type 7" quantile).</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    /// <summary>The overview as a table for a spreadsheet: numbers as numbers, verdicts and trend as codes.</summary>
    public static IReadOnlyList<string> ExportColumns { get; } =
    [
        "indicator_id", "indicator", "unit", "year", "value", "lower95", "upper95", "county", "county_verdict", "country",
        "country_verdict", "peers_median", "peers_verdict", "trend", "regions_min", "regions_max",
    ];

    public static IEnumerable<IReadOnlyList<object?>> ExportRows(OverviewViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var row in model.Rows)
        {
            var a = row.Analysis;
            yield return
            [
                row.Page.Id, row.Page.Title, row.Page.Unit, a?.Year, a?.Value, a?.Lower95, a?.Upper95,
                row.Verdict("county")?.Value, row.Verdict("county")?.Result.Outcome.ToString(),
                row.Verdict("country")?.Value, row.Verdict("country")?.Result.Outcome.ToString(),
                row.Verdict(BenchmarkSeries.PeersKind)?.Value, row.Verdict(BenchmarkSeries.PeersKind)?.Result.Outcome.ToString(),
                a?.Trend.Outcome.ToString(), row.Spine?.Min, row.Spine?.Max,
            ];
        }
    }

    public static byte[] ToCsv(OverviewViewModel model) =>
        SpreadsheetText.Csv(ExportColumns, ExportRows(model).Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()));

    public static byte[] ToXlsx(OverviewViewModel model, string sheetName)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName.Length > 31 ? sheetName[..31] : sheetName);
        for (var c = 0; c < ExportColumns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = ExportColumns[c];
        }
        sheet.Row(1).Style.Font.Bold = true;
        var rowNumber = 2;
        foreach (var row in ExportRows(model))
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(rowNumber, c + 1);
                switch (row[c])
                {
                    case double d:
                        cell.Value = d;
                        break;
                    case int i:
                        cell.Value = i;
                        break;
                    case string s:
                        SpreadsheetText.WriteText(cell, s);
                        break;
                }
            }
            rowNumber++;
        }
        // Fixed widths: ClosedXML measures text through System.Drawing, which Linux servers do not have.
        sheet.Column(2).Width = 60;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
