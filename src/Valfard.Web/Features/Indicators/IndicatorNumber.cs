using System.Globalization;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// Formats an indicator value for tables, documents and charts. With the indicator's own decimals (0–6) the value
/// is shown with exactly that many; without them it is shown as given, never rounded (0.3 stays 0.3, not 0).
/// </summary>
public static class IndicatorNumber
{
    /// <summary>A double carries at most 17 significant digits; more decimals than this are noise.</summary>
    private const int MostDecimals = 15;

    public static string Format(double value, int? decimals, IFormatProvider culture) =>
        value.ToString("N" + (decimals ?? DecimalsAsGiven(value)).ToString(CultureInfo.InvariantCulture), culture);

    /// <summary>The decimals of the shortest text that reads back as the same number: how the source wrote it.</summary>
    public static int DecimalsAsGiven(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOfAny(['E', 'e']);
        if (exponent >= 0)
        {
            var mantissa = text[..exponent];
            var point = mantissa.IndexOf('.', StringComparison.Ordinal);
            var digits = point < 0 ? 0 : mantissa.Length - point - 1;
            var power = int.Parse(text[(exponent + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return Math.Clamp(digits - power, 0, MostDecimals);
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : Math.Min(text.Length - dot - 1, MostDecimals);
    }
}
