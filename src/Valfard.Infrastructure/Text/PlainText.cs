using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Valfard.Infrastructure.Text;

/// <summary>The words of sanitized HTML, for diffs, previews and search.</summary>
public static partial class PlainText
{
    public static string From(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }
        var withBreaks = BlockEnd().Replace(html, "$0\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(withBreaks, string.Empty));
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = Spaces().Replace(line, " ").Trim();
            if (trimmed.Length > 0)
            {
                builder.Append(trimmed).Append('\n');
            }
        }
        return builder.ToString().TrimEnd('\n');
    }

    [GeneratedRegex("</(p|h[1-6]|li|tr|blockquote|table)>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[ \\t\\r]+")]
    private static partial Regex Spaces();
}
