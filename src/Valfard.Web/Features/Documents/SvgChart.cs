using System.Globalization;
using System.Net;
using System.Text;
using Valfard.Domain.Indicators;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// The indicator chart drawn on the server as SVG, for documents that must not depend on script: the council PDF
/// and the printed page. It follows the on-screen chart: one line per region (and gender where the lines stay
/// few), told apart by dash pattern and marker as well as colour; a missing year breaks the line, never drops to zero.
/// The same numbers are always printed as a table next to it.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 250;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    private static readonly int[] NiceFactors = [1, 2, 5, 10];

    private static readonly Dictionary<string, (string Colour, string Dash)> Styles = new()
    {
        ["own"] = ("#0b5cad", ""),
        ["county"] = ("#b35c00", "8 4"),
        ["member"] = ("#6b4c9a", "2 3"),
        ["country"] = ("#3d4a57", "12 4 2 4"),
    };

    /// <summary>The series the chart draws: totals only when drawing every gender would make more than six lines.</summary>
    public static IReadOnlyList<IndicatorSeries> DrawnSeries(IndicatorPageViewModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Series.Count > 6 ? page.Series.Where(s => s.Gender == Gender.Total).ToList() : page.Series;
    }

    /// <param name="idPrefix">Unique within the page: the point markers are defined once per line under ids that start with it.</param>
    public static string Render(IndicatorPageViewModel page, string ariaLabel, Func<IndicatorSeries, string> seriesLabel, CultureInfo culture,
        string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(seriesLabel);
        var series = DrawnSeries(page);
        var values = series.SelectMany(s => s.Points).Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (values.Count == 0 || page.Years.Count == 0)
        {
            return string.Empty;
        }
        var (min, max, step) = Scale(values.Min(), values.Max());
        var years = page.Years;
        double X(int year) => years.Count == 1 ? Left + ((Width - Left - Right) / 2.0)
            : Left + ((Width - Left - Right) * (year - years[0]) / (double)(years[^1] - years[0]));
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - ((value - min) / (max - min))));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"svg-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Attr(ariaLabel)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Attr(ariaLabel)}</title>");
        for (var tick = min; tick <= max + (step / 2); tick += step)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5dbe1\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{WebUtility.HtmlEncode(tick.ToString("#,0.##", culture))}</text>");
        }
        var labelEvery = Math.Max(1, (int)Math.Ceiling(years.Count / 10.0));
        for (var i = 0; i < years.Count; i += labelEvery)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(years[i]):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{years[i]}</text>");
        }
        // Each line's point marker is defined once and placed by the path itself (marker-start/mid/end): far fewer
        // elements for the printer to lay out than one shape per point, which matters in an 80-page document.
        svg.Append("<defs>");
        for (var i = 0; i < series.Count; i++)
        {
            var (colour, _) = Styles.GetValueOrDefault(series[i].RegionKind, ("#3d4a57", ""));
            svg.Append(CultureInfo.InvariantCulture,
                $"<marker id=\"{idPrefix}-m{i}\" viewBox=\"-5 -5 10 10\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" refX=\"0\" refY=\"0\" orient=\"0\">{Marker(series[i].Gender, 0, 0, colour)}</marker>");
        }
        svg.Append("</defs>");
        for (var i = 0; i < series.Count; i++)
        {
            var line = series[i];
            var (colour, dash) = Styles.GetValueOrDefault(line.RegionKind, ("#3d4a57", ""));
            var width = line.Gender == Gender.Total ? 2.5 : 1.5;
            foreach (var run in Runs(line.Points))
            {
                var d = string.Join(' ', run.Select((p, n) => string.Create(CultureInfo.InvariantCulture, $"{(n == 0 ? 'M' : 'L')}{X(p.Year):0.#},{Y(p.Value!.Value):0.#}")));
                var marker = $"url(#{idPrefix}-m{i})";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\" marker-start=\"{marker}\" marker-mid=\"{marker}\" marker-end=\"{marker}\"/>");
            }
        }
        svg.Append("</svg>");
        svg.Append("<ul class=\"svg-legend\">");
        foreach (var line in series)
        {
            var (colour, dash) = Styles.GetValueOrDefault(line.RegionKind, ("#3d4a57", ""));
            svg.Append(CultureInfo.InvariantCulture,
                $"<li><svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"1\" x2=\"33\" y1=\"6\" y2=\"6\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\"/>{Marker(line.Gender, 17, 6, colour)}</svg> {WebUtility.HtmlEncode(seriesLabel(line))}</li>");
        }
        svg.Append("</ul>");
        return svg.ToString();
    }

    /// <summary>Rounds the value range out to "nice" steps (1, 2 or 5 × 10ⁿ) with about five grid lines.</summary>
    public static (double Min, double Max, double Step) Scale(double low, double high)
    {
        if (low > 0 && low < high * 0.5)
        {
            low = 0;
        }
        if (Math.Abs(high - low) < 1e-9)
        {
            (low, high) = (low - 1, high + 1);
        }
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = NiceFactors.Select(f => f * magnitude).First(s => s >= raw);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static IEnumerable<List<SeriesPoint>> Runs(IReadOnlyList<SeriesPoint> points)
    {
        var run = new List<SeriesPoint>();
        foreach (var point in points)
        {
            if (point.Value is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }
                run = [];
            }
            else
            {
                run.Add(point);
            }
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static string Marker(Gender gender, double x, double y, string colour) => gender switch
    {
        Gender.Female => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{x:0.#},{y - 4:0.#} L{x + 4:0.#},{y + 3:0.#} L{x - 4:0.#},{y + 3:0.#} Z\" fill=\"{colour}\"/>"),
        Gender.Male => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 3.5:0.#}\" y=\"{y - 3.5:0.#}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"{colour}\"/>"),
    };

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
