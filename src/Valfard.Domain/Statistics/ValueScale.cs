using Valfard.Domain.Indicators;

namespace Valfard.Domain.Statistics;

/// <summary>
/// What kind of number an indicator's values are and on which scale (100 for per cent, 1,000 for per 1,000
/// inhabitants…): together they decide whether an interval can be computed and how the denominator follows from
/// Sotkanet's value and numerator (<see cref="ConfidenceIntervals.ForSotkanetValue"/>).
/// </summary>
public sealed record ValueScale(ValueKind Kind, double Multiplier)
{
    public static readonly ValueScale Unknown = new(ValueKind.Other, 1);

    /// <summary>Whether an interval, and so a comparison and a trend test, can exist for this kind of value.</summary>
    public bool CanHaveInterval => Kind is ValueKind.Proportion or ValueKind.CrudeRate or ValueKind.Count;

    /// <summary>
    /// Reads the kind from what Sotkanet says about the indicator. Sotkanet's unit (primaryValueType, e.g. PER1000)
    /// gives the scale but not whether the value is age-standardised or a survey estimate; those are named in the
    /// title ("ikävakioitu") or the source (the school health survey), so both are looked at. Anything not recognised
    /// is <see cref="ValueKind.Other"/>: no interval is better than one computed on a guessed scale.
    /// </summary>
    public static ValueScale For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return For(indicator.UnitCode, indicator.Unit, indicator.Title, indicator.Sources);
    }

    /// <summary>The same reading for an indicator entered by hand, with its unit and title as typed.</summary>
    public static ValueScale For(string unitCode, LocalizedText unitText, LocalizedText titleText, IEnumerable<IndicatorSource> sources)
    {
        ArgumentNullException.ThrowIfNull(unitText);
        ArgumentNullException.ThrowIfNull(titleText);
        ArgumentNullException.ThrowIfNull(sources);
        var title = Words(titleText);
        var unit = $"{unitCode} {Words(unitText)}".ToUpperInvariant();
        var multiplier = MultiplierNamedIn(unit);
        if (ContainsAny(unit, "INDEX", "INDEKSI", "0-100", "0–100", "PISTE", "POÄNG", "POINTS", "SCORE"))
        {
            return new ValueScale(ValueKind.Index, 1);
        }
        if (ContainsAny(title, "ikävakioitu", "åldersstandardiserad", "age-standardised", "age-standardized", "age standardised"))
        {
            return new ValueScale(ValueKind.AgeStandardisedRate, multiplier ?? 1);
        }
        if (IsSurvey(sources, title))
        {
            return new ValueScale(ValueKind.SurveyEstimate, multiplier ?? 100);
        }
        if (ContainsAny(unit, "SUHDE", "RATIO", "KVOT", "FÖRHÅLLANDE", "EUR", "€", "VUOT", "ÅR ", "YEARS", "LITR", "/ ASUKAS", "PER INVÅNARE", "PER INHABITANT"))
        {
            // Ratios, euros, years and litres per inhabitant are not events of a population.
            return Unknown;
        }
        if (multiplier == 100)
        {
            return new ValueScale(ValueKind.Proportion, 100);
        }
        if (multiplier is { } rate)
        {
            return new ValueScale(ValueKind.CrudeRate, rate);
        }
        if (ContainsAny(unit, "LUKUMÄÄRÄ", "ANTAL", "NUMBER", "COUNT", "LKM"))
        {
            return new ValueScale(ValueKind.Count, 1);
        }
        return Unknown;
    }

    /// <summary>The scale named by the unit: per cent, per 1,000, per 10,000 or per 100,000; null when none is named.</summary>
    private static double? MultiplierNamedIn(string unit)
    {
        var compact = unit.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (ContainsAny(compact, "PER100000", "/100000", "SATAATUHATTA", "HUNDRATUSEN"))
        {
            return 100_000;
        }
        if (ContainsAny(compact, "PER10000", "/10000", "KYMMENTÄTUHATTA", "TIOTUSEN"))
        {
            return 10_000;
        }
        if (ContainsAny(compact, "PER1000", "/1000", "TUHATTA", "PERTUSEN", "PROMILLE", "‰"))
        {
            return 1_000;
        }
        if (ContainsAny(compact, "PERCENT", "PROSENT", "PROCENT", "%"))
        {
            return 100;
        }
        return null;
    }

    /// <summary>
    /// Survey estimates are weighted shares of respondents; Sotkanet gives no number of respondents, so no interval
    /// can be computed for them. THL's school health survey (Kouluterveyskysely) names its pupils in the title
    /// ("% 8. ja 9. luokan oppilaista") and its source.
    /// </summary>
    private static bool IsSurvey(IEnumerable<IndicatorSource> sourceList, string title)
    {
        var sources = string.Join(' ', sourceList.Select(s => $"{Words(s.Title)} {Words(s.Organisation)}"));
        return ContainsAny(title, "luokan oppilaista", "lukion 1. ja 2. vuoden", "ammatillisen oppilaitoksen", "klassens elever", "grade pupils")
            || ContainsAny(sources, "kouluterveyskysely", "skolhälsoenkät", "school health promotion", "finsote", "terve suomi",
                "alueellinen terveys- ja hyvinvointitutkimus", "hyvinvointitutkimus");
    }

    private static string Words(LocalizedText text) => $"{text.Fi} {text.Sv} {text.En}";

    private static bool ContainsAny(string text, params string[] needles) =>
        needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
}
