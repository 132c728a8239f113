using System.Globalization;
using System.Text;
using System.Text.Json;
using Valfard.Domain.Plans;
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

    public static readonly IReadOnlyList<string> PlanColumns =
    [
        "row", "goal", "code", "title_fi", "title_sv", "status", "responsible", "schedule", "budget_eur", "progress_percent",
        "indicator_fi", "indicator_sv", "baseline", "baseline_year", "target", "target_year", "actual", "actual_year", "direction",
    ];

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
