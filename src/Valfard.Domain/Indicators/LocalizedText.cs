using System.Text.Json.Serialization;

namespace Valfard.Domain.Indicators;

/// <summary>A text Sotkanet gives in Finnish, Swedish and English; any of them may be empty.</summary>
public sealed record LocalizedText(string Fi, string Sv, string En)
{
    public static readonly LocalizedText Empty = new(string.Empty, string.Empty, string.Empty);

    [JsonIgnore]
    public bool IsEmpty => Fi.Length == 0 && Sv.Length == 0 && En.Length == 0;

    public string this[string language] => language switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };

    /// <summary>
    /// The text in the wanted language, or else the first of Finnish, Swedish and English that has one, with the
    /// language actually given so the page can say so. Null when there is no text at all.
    /// </summary>
    public (string Text, string Language)? In(string language)
    {
        if (this[language].Length > 0)
        {
            return (this[language], language);
        }
        foreach (var fallback in new[] { "fi", "sv", "en" })
        {
            if (this[fallback].Length > 0)
            {
                return (this[fallback], fallback);
            }
        }
        return null;
    }

    /// <summary>The text to show where a fallback note does not fit (titles, labels).</summary>
    public string Pick(string language) => In(language)?.Text ?? string.Empty;
}

/// <summary>A source of an indicator's numbers: the organisation that keeps it, its name and description.</summary>
public sealed record IndicatorSource(int? OrganisationId, LocalizedText Organisation, LocalizedText Title, LocalizedText Description);

/// <summary>
/// One of Sotkanet's classifications (sex, age): its title, e.g. "0 - 17-vuotiaat", and its values, e.g. "male".
/// An empty list of values says nothing about which values the data has.
/// </summary>
public sealed record IndicatorClassification(LocalizedText Title, IReadOnlyList<string> Values)
{
    public static readonly IndicatorClassification None = new(LocalizedText.Empty, []);

    [JsonIgnore]
    public bool IsEmpty => Title.IsEmpty && Values.Count == 0;
}
