using Ganss.Xss;

namespace Valfard.Infrastructure.Text;

/// <summary>
/// Cleans rich text on the way in with an allow-list: the structure a report needs (headings, paragraphs, lists,
/// emphasis, links, tables) and nothing else: no scripts, styles, classes, event handlers or foreign URL schemes.
/// </summary>
public sealed class RichTextSanitizer
{
    private static readonly string[] Tags =
        ["p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "blockquote",
         "table", "thead", "tbody", "tr", "th", "td"];

    private static readonly string[] Attributes = ["href", "colspan", "rowspan", "scope"];

    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        _sanitizer.KeepChildNodes = true;
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                // Links open in the same tab and tell nothing about the report to the site they lead to.
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        _sanitizer.AllowedAttributes.Add("rel");
    }

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }
        // Editors emit no-break spaces for ordinary spaces; keep the text plain so diffs and search behave.
        var clean = _sanitizer.Sanitize(html).Replace('\u00A0', ' ').Replace("&nbsp;", " ", StringComparison.Ordinal);
        return IsEmpty(clean) ? string.Empty : clean.Trim();
    }

    /// <summary>An editor's empty document is "&lt;p&gt;&lt;br&gt;&lt;/p&gt;": treat markup without text as empty.</summary>
    private static bool IsEmpty(string html) =>
        !html.Contains("<table", StringComparison.OrdinalIgnoreCase) && PlainText.From(html).Trim().Length == 0;
}
