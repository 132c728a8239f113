using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace Valfard.Web.Localization;

/// <summary>
/// Sentences with a count in them. Finnish and Swedish inflect the noun after a number ("1 virhe" but "2 virhettä",
/// "1 träff" but "2 träffar"), so one string for every count reads wrong for one of them. Finnish, Swedish and
/// English all have the same two plural forms (CLDR "one" for exactly 1, "other" for everything else), so a key
/// "X" that takes a count has "X.One" and "X.Other", and optionally "X.Zero" where "0 things" would read badly.
/// The count, written with the current culture's digit grouping, is {0}; further arguments follow as {1}, {2}….
/// </summary>
public static class CountedText
{
    /// <summary>The resource key to use for <paramref name="count"/>: "X.One" for exactly one, "X.Other" otherwise.</summary>
    public static string KeyFor(string key, long count) => key + (count == 1 ? ".One" : ".Other");

    public static LocalizedHtmlString Plural(this IHtmlLocalizer localizer, string key, long count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        object[] all = [Number(count), .. arguments];
        if (count == 0)
        {
            var zero = localizer[key + ".Zero", all];
            if (!zero.IsResourceNotFound)
            {
                return zero;
            }
        }
        return localizer[KeyFor(key, count), all];
    }

    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        object[] all = [Number(count), .. arguments];
        if (count == 0)
        {
            var zero = localizer[key + ".Zero", all];
            if (!zero.ResourceNotFound)
            {
                return zero;
            }
        }
        return localizer[KeyFor(key, count), all];
    }

    /// <summary>
    /// Languages named inside a sentence: "suomeksi ja ruotsiksi", "på finska och svenska", "Finnish and Swedish".
    /// The names are the lower-case in-sentence forms (Language.InSentence.*), not the capitalised menu labels.
    /// </summary>
    public static string LanguageList(this IHtmlLocalizer localizer, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(languages);
        var names = languages.Select(l => localizer.GetString($"Language.InSentence.{l}").Value).ToList();
        return names.Count switch
        {
            0 => string.Empty,
            1 => names[0],
            _ => localizer.GetString("List.And", string.Join(", ", names[..^1]), names[^1]).Value,
        };
    }

    private static string Number(long count) => count.ToString("N0", CultureInfo.CurrentCulture);
}
