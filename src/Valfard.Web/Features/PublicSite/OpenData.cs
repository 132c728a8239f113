using System.Globalization;
using System.Text;
using System.Text.Json;
using Valfard.Domain.Plans;
using Valfard.Domain.Statistics;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// A published version's indicator values and plan as open data, taken from the frozen snapshot so the files say
/// exactly what the council approved. CSV is semicolon-separated UTF-8 with BOM (opens in Finnish Excel), numbers
/// with a full stop; JSON carries the same and the decision.
/// </summary>
public static class OpenData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly IReadOnlyList<string> IndicatorColumns =
        ["section", "indicator_id", "indicator", "unit", "source", "region", "region_kind", "gender", "year", "value"];

    /// <summary>One row per indicator and benchmark: the analysed year's value, its intervals, the verdict and the trend.</summary>
    public static readonly IReadOnlyList<string> ComparisonColumns =
    [
        "section", "indicator_id", "indicator", "unit", "region", "year", "value", "abs_value", "lower95", "upper95", "lower998",
        "upper998", "no_interval_reason", "small_numbers", "benchmark_kind", "benchmark", "benchmark_value", "verdict",
        "significant_at", "not_compared_reason", "trend", "trend_not_calculated_reason", "trend_from", "trend_to",
    ];

    public static readonly IReadOnlyList<string> PlanColumns =
    [
        "row", "goal", "code", "title_fi", "title_sv", "status", "responsible", "schedule", "budget_eur", "progress_percent",
        "indicator_fi", "indicator_sv", "baseline", "baseline_year", "target", "target_year", "actual", "actual_year", "direction",
    ];

    public sealed record ComparisonRow(string Section, int IndicatorId, string Indicator, string Unit, string Region, int? Year,
        double? Value, double? AbsValue, double? Lower95, double? Upper95, double? Lower998, double? Upper998, string? NoIntervalReason,
        bool SmallNumbers, string? BenchmarkKind, string? Benchmark, double? BenchmarkValue, string? Verdict, double? SignificantAt,
        string? NotComparedReason, string? Trend, string? TrendNotCalculatedReason, int? TrendFrom, int? TrendTo);

    public sealed record IndicatorRow(string Section, int IndicatorId, string Indicator, string Unit, string Source, string Region,
        string RegionKind, string Gender, int Year, double? Value);

    public static IReadOnlyList<IndicatorRow> IndicatorRows(ReportDocument document) =>
        [.. from section in document.Sections
            from indicator in section.Indicators
            from series in indicator.Series
            from point in series.Points
            select new IndicatorRow($"{section.Number} {section.Title}", indicator.Id, indicator.Title, indicator.Unit, indicator.Source,
                series.Region, series.RegionKind, series.Gender.ToString().ToLowerInvariant(), point.Year, point.Value)];

    public static byte[] IndicatorsCsv(ReportDocument document) =>
        Csv(IndicatorColumns, IndicatorRows(document).Select(r => (IReadOnlyList<string>)
            [r.Section, Number(r.IndicatorId), r.Indicator, r.Unit, r.Source, r.Region, r.RegionKind, r.Gender, Number(r.Year), Number(r.Value)]));

    /// <summary>
    /// The comparisons and trends exactly as the approved version froze them. Versions approved before the
    /// significance tests have none, and give a header only.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> ComparisonRows(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rows = new List<ComparisonRow>();
        foreach (var section in document.Sections)
        {
            foreach (var indicator in section.Indicators.Where(i => i.Analysis is not null))
            {
                var a = indicator.Analysis!;
                var verdicts = a.Comparisons.Count > 0 ? a.Comparisons.Select(v => (BenchmarkVerdict?)v) : [null];
                rows.AddRange(verdicts.Select(v => new ComparisonRow($"{section.Number} {section.Title}", indicator.Id, indicator.Title, indicator.Unit,
                    indicator.TrendRegion ?? string.Empty, a.Year, a.Value, a.AbsValue, a.Lower95, a.Upper95, a.Lower998, a.Upper998,
                    Code(a.NoInterval), a.SmallNumbers, v?.Kind, v?.Name, v?.Value, v is null ? null : Code(v.Result.Outcome),
                    v?.Result.SignificantAt, Code(v?.Result.Reason), Code(a.Trend.Outcome), Code(a.Trend.Reason),
                    a.Trend.PointsUsed > 0 ? a.Trend.FromYear : null, a.Trend.PointsUsed > 0 ? a.Trend.ToYear : null)));
            }
        }
        return rows;
    }

    public static byte[] ComparisonsCsv(ReportDocument document) =>
        Csv(ComparisonColumns, ComparisonRows(document).Select(r => (IReadOnlyList<string>)
        [
            r.Section, Number(r.IndicatorId), r.Indicator, r.Unit, r.Region, Number(r.Year), Number(r.Value), Number(r.AbsValue),
            Number(r.Lower95), Number(r.Upper95), Number(r.Lower998), Number(r.Upper998), r.NoIntervalReason ?? string.Empty,
            r.SmallNumbers ? "true" : "false", r.BenchmarkKind ?? string.Empty, r.Benchmark ?? string.Empty, Number(r.BenchmarkValue),
            r.Verdict ?? string.Empty, Number(r.SignificantAt), r.NotComparedReason ?? string.Empty, r.Trend ?? string.Empty,
            r.TrendNotCalculatedReason ?? string.Empty, Number(r.TrendFrom), Number(r.TrendTo),
        ]));

    /// <summary>Enum values as snake_case codes, stable for programs that read the files.</summary>
    private static string? Code<T>(T? value) where T : struct, Enum =>
        value is { } v ? System.Text.RegularExpressions.Regex.Replace(v.ToString(), "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant() : null;

    private static string? Code<T>(T value) where T : struct, Enum => Code((T?)value);

    public static byte[] PlanCsv(PlanSnapshot? plan)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var goal in plan?.Goals ?? [])
        {
            rows.Add(["goal", goal.Code, goal.Code, goal.TitleFi, goal.TitleSv, goal.Assessment ?? "", "", "", "", "", "", "", "", "", "", "", "", "", ""]);
            rows.AddRange(goal.Indicators.Select(i => IndicatorCells("goal_indicator", goal.Code, goal.Code, i)));
            foreach (var measure in goal.Measures)
            {
                rows.Add(["measure", goal.Code, measure.Code, measure.TitleFi, measure.TitleSv, measure.Status, measure.Responsible ?? "",
                    measure.Schedule ?? "", Number(measure.BudgetEuros), Number(measure.ProgressPercent), "", "", "", "", "", "", "", "", ""]);
                rows.AddRange(measure.Indicators.Select(i => IndicatorCells("measure_indicator", goal.Code, measure.Code, i)));
            }
        }
        return Csv(PlanColumns, rows);
    }

    public static byte[] JsonDocument(PublicReportPage page) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            organisation = page.Document.OrganisationName,
            report = page.Document.Title,
            language = page.Document.Language,
            kind = page.Document.Kind.ToString(),
            term = page.Document.TermLabel,
            year = page.Document.Year,
            version = page.Decision.VersionNumber,
            publishedAt = page.Decision.PublishedAt,
            decision = new
            {
                body = page.Decision.Decision.Body,
                meetingDate = page.Decision.Decision.MeetingDate,
                paragraph = page.Decision.Decision.Paragraph,
            },
            indicators = IndicatorRows(page.Document),
            comparisons = ComparisonRows(page.Document),
            plan = page.Document.Plan,
        }, Json);

    private static string[] IndicatorCells(string row, string goal, string code, PlanIndicatorSnapshot i) =>
        [row, goal, code, "", "", "", "", "", "", "", i.NameFi, i.NameSv, Number(i.Baseline), Number(i.BaselineYear), Number(i.Target),
            Number(i.TargetYear), Number(i.Actual), Number(i.ActualYear), i.Direction];

    private static string Number<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : string.Empty;

    private static string Number<T>(T value) where T : struct, IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) => SpreadsheetText.Csv(columns, rows);
}
