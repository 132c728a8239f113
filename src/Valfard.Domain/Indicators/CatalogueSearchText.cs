using System.Globalization;
using System.Text;

namespace Valfard.Domain.Indicators;

/// <summary>
/// The form in which the catalogue is searched: an indicator's id and its titles, and the words a user types, are
/// both brought to it, so that a plain substring test in the database finds them whatever the case. Finnish and
/// Swedish letters stay letters of their own (ä is not a, ö is not o, å is not a): they are what users type, and
/// "äiti" must not find "aiti". Other accents are dropped (é finds e), as people type names without them.
/// </summary>
public static class CatalogueSearchText
{
    /// <summary>Room for the id and three titles of <see cref="Indicator.TitleMaxLength"/> characters.</summary>
    public const int MaxLength = 3 * Indicator.TitleMaxLength + 20;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is 'ä' or 'ö' or 'å')
            {
                result.Append(lower);
                continue;
            }
            foreach (var part in lower.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    result.Append(char.IsWhiteSpace(part) ? ' ' : part);
                }
            }
        }
        return result.ToString();
    }

    /// <summary>The words of a query, each normalized; every one of them must be found.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>What an indicator is found by: its id and its titles in every language, one line.</summary>
    public static string Of(int id, LocalizedText title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = Normalize($"{id.ToString(CultureInfo.InvariantCulture)} {title.Fi} | {title.Sv} | {title.En}");
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
