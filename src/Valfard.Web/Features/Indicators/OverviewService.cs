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
    /// <summary>The indicator's age groups in the own region, read only for the "differences between groups" view.</summary>
    public AgeGroupsViewModel? AgeGroups { get; init; }

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

    /// <summary>"comparisons" (against the county, the country and peers) or "groups" (differences between groups).</summary>
    public string View { get; init; } = OverviewService.ComparisonsView;

    public bool IsGroupsView => View == OverviewService.GroupsView;

    /// <summary>The own indicators with districts, in the groups view.</summary>
    public IReadOnlyList<LocalDistrictSummary> Districts { get; init; } = [];
}

/// <summary>
/// An indicator set at a glance: each indicator's latest own value with its interval, the county, the country and the
/// peers with a verdict against each, the trend, and a spine chart; filtered by Sotkanet's subject and sorted by any
/// column. Built on <see cref="IndicatorService.PagesAsync"/>, so it says exactly what the indicator pages say.
/// </summary>
public sealed class OverviewService(ValfardDbContext db, ICurrentOrganisation current, IndicatorService indicators, AgeGroupService ageGroups,
    LocalIndicatorService locals)
{
    public const string ComparisonsView = "comparisons";
    public const string GroupsView = "groups";

    public static readonly IReadOnlyList<string> SortKeys = ["position", "indicator", "year", "county", "country", "peers", "trend", "gender", "age"];

    public Task<OverviewViewModel?> BuildAsync(Guid? setId, string? subject, string? sort, string language, CancellationToken cancellationToken) =>
        BuildAsync(setId, subject, sort, null, language, cancellationToken);

    public async Task<OverviewViewModel?> BuildAsync(Guid? setId, string? subject, string? sort, string? view, string language,
        CancellationToken cancellationToken)
    {
        var groups = view == GroupsView;
        var sets = await db.IndicatorSets.AsNoTracking().Include(s => s.Members).ToListAsync(cancellationToken);
        var set = setId is { } id ? sets.FirstOrDefault(s => s.Id == id) : sets.OrderBy(s => s.Name, StringComparer.CurrentCulture).FirstOrDefault();
        if (setId is not null && set is null)
        {
            return null;
        }
        var ids = set?.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId).ToList() ?? [];
        var pages = await indicators.PagesAsync(ids, language, cancellationToken);
        // Each view reads only what it shows: the spines for the comparisons, the age groups for the groups.
        var spines = groups ? [] : await SpinesAsync(pages, cancellationToken);
        var byAge = groups ? await ageGroups.ForAsync(ids, language, cancellationToken) : new Dictionary<int, AgeGroupsViewModel>();
        // The pages already carry Sotkanet's subjects in the page's language: the themes to filter by.
        var rows = pages.Select(p => new OverviewRow(p, spines.GetValueOrDefault(p.Id), p.Details.Subjects) { AgeGroups = byAge.GetValueOrDefault(p.Id) })
            .ToList();
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
            View = groups ? GroupsView : ComparisonsView,
            Districts = groups ? SortedDistricts(await locals.DistrictSummariesAsync(language, cancellationToken), key) : [],
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
        "gender" => [.. rows.OrderBy(r => Rank(r.Analysis?.Gender?.Result.Outcome))],
        // The age groups by the furthest group's verdict, and among equals the widest spread first.
        "age" => [.. rows.OrderBy(r => Rank(r.AgeGroups?.Furthest?.Verdict?.Result.Outcome))
            .ThenByDescending(r => r.AgeGroups?.Spread is { } s ? s.High - s.Low : 0)],
        _ => [.. rows],
    };

    /// <summary>Own indicators by title, or with a district worse than the whole first when a verdict column is sorted.</summary>
    private static List<LocalDistrictSummary> SortedDistricts(IReadOnlyList<LocalDistrictSummary> rows, string key) => key switch
    {
        "position" or "indicator" => [.. rows],
        _ => [.. rows.OrderBy(r => r.Districts.Select(d => Rank(d.Comparison?.Result.Outcome)).DefaultIfEmpty(4).Min())],
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

    /// <summary>The groups view as a long table: one row per gender gap, age group and district, each with its benchmark and verdict.</summary>
    public static IReadOnlyList<string> GroupExportColumns { get; } =
    [
        "kind", "indicator_id", "indicator", "unit", "group", "year", "value", "lower95", "upper95", "benchmark", "verdict",
    ];

    public static IEnumerable<IReadOnlyList<object?>> GroupExportRows(OverviewViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var row in model.Rows)
        {
            if (row.Analysis?.Gender is { } gap)
            {
                // Women as the value and men as the benchmark: the verdict reads "for women".
                yield return ["gender", row.Page.Id, row.Page.Title, row.Page.Unit, "female-male", gap.Year, gap.Female, gap.FemaleLower, gap.FemaleUpper,
                    gap.Male, gap.Result.Outcome.ToString()];
            }
            foreach (var age in row.AgeGroups?.Rows ?? [])
            {
                var a = age.Analysis;
                yield return ["age", age.IndicatorId, row.Page.Title, age.Unit, age.IsWhole ? $"{age.Range} (whole)" : age.Range.ToString(), a?.Year,
                    a?.Value, a?.Lower95, a?.Upper95, age.Verdict?.Value, age.IsWhole ? null : age.Verdict?.Result.Outcome.ToString()];
            }
        }
        foreach (var local in model.Districts)
        {
            foreach (var district in local.Districts)
            {
                var c = district.Comparison!;
                yield return ["district", local.Id.ToString(), local.Title, local.Unit, district.Name, c.Year, c.Value, c.Lower95, c.Upper95, c.WholeValue,
                    c.NotCompared is { } reason ? $"NotCompared:{reason}" : c.Result.Outcome.ToString()];
            }
        }
    }

    private static (IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows) Export(OverviewViewModel model) =>
        model.IsGroupsView ? (GroupExportColumns, GroupExportRows(model)) : (ExportColumns, ExportRows(model));

    public static byte[] ToCsv(OverviewViewModel model)
    {
        var (columns, rows) = Export(model);
        return SpreadsheetText.Csv(columns, rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()));
    }

    public static byte[] ToXlsx(OverviewViewModel model, string sheetName)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName.Length > 31 ? sheetName[..31] : sheetName);
        var (columns, rows) = Export(model);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c];
        }
        sheet.Row(1).Style.Font.Bold = true;
        var rowNumber = 2;
        foreach (var row in rows)
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
        sheet.Column(model.IsGroupsView ? 3 : 2).Width = 60;
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
