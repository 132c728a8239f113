using System.Globalization;
using System.Text;
using System.Text.Json;
using Valfard.Domain.Common;
using Valfard.Domain.Plans;
using Valfard.Domain.Statistics;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// A published version's indicator values, comparisons and plan as open data, taken from the frozen snapshot so the
/// files say exactly what the council approved. Each comes twice: for programs (RFC 4180 with a comma, a decimal
/// point, stable snake_case codes, documented in docs/operations.md) and for people (Finnish and Swedish Excel's
/// convention: semicolon, decimal comma, UTF-8 with BOM, headers and codes in the reader's language). JSON carries the
/// machine form and the decision.
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
        Csv(IndicatorColumns, IndicatorRows(document).Select(r => (IReadOnlyList<object?>)
            [r.Section, r.IndicatorId, r.Indicator, r.Unit, r.Source, r.Region, r.RegionKind, r.Gender, r.Year, r.Value]));

    /// <summary>The indicator values for people: the same rows, with the region kind and gender in words.</summary>
    public static byte[] IndicatorsSheet(ReportDocument document, TextLookup text) =>
        Sheet(IndicatorColumns, text, IndicatorRows(document).Select(r => (IReadOnlyList<object?>)
            [r.Section, r.IndicatorId, r.Indicator, r.Unit, r.Source, r.Region, new Word($"OpenData.RegionKind.{r.RegionKind}"),
                new Word($"Gender.{Pascal(r.Gender)}"), r.Year, r.Value]));

    /// <summary>
    /// The comparisons and trends exactly as the approved version froze them. Versions approved before the
    /// significance tests have none, and give a header only.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> ComparisonRows(ReportDocument document) =>
        [.. Comparisons(document).Select(c => new ComparisonRow(c.Section, c.Indicator.Id, c.Indicator.Title, c.Indicator.Unit,
            c.Indicator.TrendRegion ?? string.Empty, c.Analysis.Year, c.Analysis.Value, c.Analysis.AbsValue, c.Analysis.Lower95,
            c.Analysis.Upper95, c.Analysis.Lower998, c.Analysis.Upper998, Code(c.Analysis.NoInterval), c.Analysis.SmallNumbers,
            c.Verdict?.Kind, c.Verdict?.Name, c.Verdict?.Value, c.Verdict is null ? null : Code(c.Verdict.Result.Outcome),
            c.Verdict?.Result.SignificantAt, Code(c.Verdict?.Result.Reason), Code(c.Analysis.Trend.Outcome), Code(c.Analysis.Trend.Reason),
            c.Analysis.Trend.PointsUsed > 0 ? c.Analysis.Trend.FromYear : null, c.Analysis.Trend.PointsUsed > 0 ? c.Analysis.Trend.ToYear : null))];

    /// <summary>Columns of the comparisons for people: what a reader needs to follow a verdict, said in words.</summary>
    public static readonly IReadOnlyList<string> ComparisonSheetColumns =
    [
        "section", "indicator_id", "indicator", "unit", "region", "year", "value", "lower95", "upper95", "no_interval_reason",
        "small_numbers", "benchmark", "benchmark_value", "verdict", "verdict_explained", "trend", "trend_explained", "trend_from",
        "trend_to",
    ];

    /// <summary>The comparisons for people: verdicts and trends in the reader's words, with the sentence the report page shows.</summary>
    public static byte[] ComparisonsSheet(ReportDocument document, TextLookup text) =>
        Sheet(ComparisonSheetColumns, text, Comparisons(document).Select(c =>
        {
            var a = c.Analysis;
            var v = c.Verdict;
            var trendUsed = a.Trend.PointsUsed > 0;
            // Limits to the decimals the report page shows them with, not a double's fifteen.
            var decimals = c.Indicator.Decimals ?? Math.Max(1, IndicatorNumber.DecimalsAsGiven(a.Value ?? 0));
            double? Limit(double? limit) => limit is { } l ? Math.Round(l, decimals) : null;
            return (IReadOnlyList<object?>)
            [
                c.Section, c.Indicator.Id, c.Indicator.Title, c.Indicator.Unit, c.Indicator.TrendRegion ?? string.Empty, a.Year, a.Value,
                Limit(a.Lower95), Limit(a.Upper95), a.NoIntervalResourceKey is { } noInterval ? new Word(noInterval) : null, a.SmallNumbers,
                v is null ? null : v.Kind == BenchmarkSeries.PeersKind ? new Word("Analysis.PeersName") : v.Name, v?.Value,
                v is null ? null : new Word($"OpenData.Verdict.{v.Result.Outcome}"), v is null ? null : new Word(v.Result.ResourceKey),
                new Word($"Overview.Trend.{a.Trend.Outcome}"), new Word(a.Trend.ResourceKey), trendUsed ? a.Trend.FromYear : null,
                trendUsed ? a.Trend.ToYear : null,
            ];
        }));

    private sealed record Comparison(string Section, IndicatorPageViewModel Indicator, IndicatorAnalysis Analysis, BenchmarkVerdict? Verdict);

    /// <summary>One entry per analysed indicator and benchmark, or one without a benchmark when none was compared.</summary>
    private static IEnumerable<Comparison> Comparisons(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var section in document.Sections)
        {
            foreach (var indicator in section.Indicators.Where(i => i.Analysis is not null))
            {
                var analysis = indicator.Analysis!;
                var verdicts = analysis.Comparisons.Count > 0 ? analysis.Comparisons.Select(v => (BenchmarkVerdict?)v) : [null];
                foreach (var verdict in verdicts)
                {
                    yield return new Comparison($"{section.Number} {section.Title}", indicator, analysis, verdict);
                }
            }
        }
    }

    public static byte[] ComparisonsCsv(ReportDocument document) =>
        Csv(ComparisonColumns, ComparisonRows(document).Select(r => (IReadOnlyList<object?>)
        [
            r.Section, r.IndicatorId, r.Indicator, r.Unit, r.Region, r.Year, r.Value, r.AbsValue, r.Lower95, r.Upper95, r.Lower998,
            r.Upper998, r.NoIntervalReason, r.SmallNumbers, r.BenchmarkKind, r.Benchmark, r.BenchmarkValue, r.Verdict, r.SignificantAt,
            r.NotComparedReason, r.Trend, r.TrendNotCalculatedReason, r.TrendFrom, r.TrendTo,
        ]));

    /// <summary>Enum values as snake_case codes, stable for programs that read the files.</summary>
    private static string? Code<T>(T? value) where T : struct, Enum =>
        value is { } v ? System.Text.RegularExpressions.Regex.Replace(v.ToString(), "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant() : null;

    private static string? Code<T>(T value) where T : struct, Enum => Code((T?)value);

    public static byte[] PlanCsv(PlanSnapshot? plan) => Csv(PlanColumns, PlanRows(plan));

    /// <summary>The plan for people: row kinds, statuses, assessments and directions in the reader's words.</summary>
    public static byte[] PlanSheet(PlanSnapshot? plan, TextLookup text) => Sheet(PlanColumns, text, PlanRows(plan));

    /// <summary>The plan's rows with codes as <see cref="Word"/>s: machine files write the code, people's files the word.</summary>
    private static IEnumerable<IReadOnlyList<object?>> PlanRows(PlanSnapshot? plan)
    {
        foreach (var goal in plan?.Goals ?? [])
        {
            yield return [new Word("OpenData.Row.goal", "goal"), goal.Code, goal.Code, goal.TitleFi, goal.TitleSv,
                goal.Assessment is { } assessment ? new Word($"Plan.Assessment.{assessment}", assessment) : null,
                null, null, null, null, null, null, null, null, null, null, null, null, null];
            foreach (var row in goal.Indicators)
            {
                yield return IndicatorCells("goal_indicator", goal.Code, goal.Code, row);
            }
            foreach (var measure in goal.Measures)
            {
                yield return [new Word("OpenData.Row.measure", "measure"), goal.Code, measure.Code, measure.TitleFi, measure.TitleSv,
                    new Word($"Plan.MeasureStatus.{measure.Status}", measure.Status), measure.Responsible, measure.Schedule,
                    measure.BudgetEuros, measure.ProgressPercent, null, null, null, null, null, null, null, null, null];
                foreach (var row in measure.Indicators)
                {
                    yield return IndicatorCells("measure_indicator", goal.Code, measure.Code, row);
                }
            }
        }
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
                body = page.Decision.Decision.BodyIn(page.Document.Language),
                // The language the body is given in when it is not the document's (a program's "said in words").
                bodyOnlyIn = BilingualText.FallbackFor(page.Decision.Decision.Body, page.Decision.Decision.BodySv, page.Document.Language),
                meetingDate = page.Decision.Decision.MeetingDate,
                paragraph = page.Decision.Decision.Paragraph,
            },
            boardDecision = page.Decision.BoardDecision is { } board
                ? new
                {
                    body = board.BodyIn(page.Document.Language),
                    bodyOnlyIn = BilingualText.FallbackFor(board.Body, board.BodySv, page.Document.Language),
                    meetingDate = board.MeetingDate,
                    paragraph = board.Paragraph,
                    proposal = board.Proposal,
                }
                : null,
            indicators = IndicatorRows(page.Document),
            comparisons = ComparisonRows(page.Document),
            plan = page.Document.Plan,
        }, Json);

    private static IReadOnlyList<object?> IndicatorCells(string row, string goal, string code, PlanIndicatorSnapshot i) =>
        [new Word($"OpenData.Row.{row}", row), goal, code, null, null, null, null, null, null, null, i.NameFi, i.NameSv, i.Baseline,
            i.BaselineYear, i.Target, i.TargetYear, i.Actual, i.ActualYear, new Word($"Plan.Direction.{i.Direction}", i.Direction)];

    /// <summary>
    /// A coded value: programs read <see cref="Code"/>, people the text of <see cref="ResourceKey"/> in their language.
    /// </summary>
    public sealed record Word(string ResourceKey, string? Code = null);

    /// <summary>Turns a resource key into the reader's text; the public controller passes its localizer.</summary>
    public delegate string TextLookup(string resourceKey);

    /// <summary>A file for people: column names and coded cells in the reader's words, numbers with a decimal comma.</summary>
    private static byte[] Sheet(IReadOnlyList<string> columns, TextLookup text, IEnumerable<IReadOnlyList<object?>> rows) =>
        SpreadsheetText.Csv([.. columns.Select(c => text($"OpenData.Column.{c}"))],
            rows.Select(r => (IReadOnlyList<string>)[.. r.Select(cell => Cell(cell, CsvFormat.Spreadsheet, text))]), CsvFormat.Spreadsheet);

    /// <summary>A file for programs: the column codes, coded cells as their codes, numbers with a decimal point.</summary>
    private static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        SpreadsheetText.Csv(columns, rows.Select(r => (IReadOnlyList<string>)[.. r.Select(cell => Cell(cell, CsvFormat.Machine, null))]),
            CsvFormat.Machine);

    /// <summary>One cell in either form; <paramref name="text"/> is null for programs, which read codes and true/false.</summary>
    private static string Cell(object? cell, CsvFormat format, TextLookup? text) => cell switch
    {
        null => string.Empty,
        Word word => text is null ? word.Code ?? word.ResourceKey : text(word.ResourceKey),
        bool yes => text is null ? (yes ? "true" : "false") : text(yes ? "OpenData.Yes" : "OpenData.No"),
        string plain => plain,
        IFormattable number => format.Number(Convert.ToDouble(number, CultureInfo.InvariantCulture)),
        _ => cell.ToString() ?? string.Empty,
    };

    /// <summary>"female" → "Female": the gender codes of the indicator rows name the resource keys of the page.</summary>
    private static string Pascal(string code) => code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..];
}
