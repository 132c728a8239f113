using System.Globalization;
using Valfard.Domain.Indicators;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// A spine chart: one line for the range of all regions of the own kind, a box for their middle half, a tick for the
/// whole country and a dot for the own value. The worse end is always on the left, so a row of spines reads the
/// same way whichever direction each indicator has; without a direction, low is on the left.
/// </summary>
public static class SpineChart
{
    private const double Width = 180;
    private const double Height = 22;
    private const double Pad = 6;

    public static string Render(SpineData spine, double? own, double? country, IndicatorDirection direction, string ariaLabel)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var span = spine.Max - spine.Min;
        double X(double value)
        {
            var t = span <= 0 ? 0.5 : Math.Clamp((value - spine.Min) / span, 0, 1);
            if (direction == IndicatorDirection.LowerIsBetter)
            {
                t = 1 - t;
            }
            return Pad + (t * (Width - (2 * Pad)));
        }
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var (boxLeft, boxRight) = (Math.Min(X(spine.LowerQuartile), X(spine.UpperQuartile)), Math.Max(X(spine.LowerQuartile), X(spine.UpperQuartile)));
        var svg = new System.Text.StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spine\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-label=\"{Attribute(ariaLabel)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Pad)}\" y1=\"11\" x2=\"{N(Width - Pad)}\" y2=\"11\" stroke=\"#6c757d\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(boxLeft)}\" y=\"5\" width=\"{N(Math.Max(1, boxRight - boxLeft))}\" height=\"12\" fill=\"#d5dce4\" stroke=\"#6c757d\"/>");
        if (country is { } c)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(c))}\" y1=\"1\" x2=\"{N(X(c))}\" y2=\"21\" stroke=\"#1f2328\" stroke-width=\"2\"/>");
        }
        if (own is { } o)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(o))}\" cy=\"11\" r=\"5\" fill=\"#0b5ed7\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Escapes what an attribute value must not hold, and keeps ä, ö and å readable in the page's source.</summary>
    private static string Attribute(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
