using System.Globalization;
using AngleSharp.Dom;
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
            if (e.Node is IElement { LocalName: "a" } link)
            {
                // Links open in the same tab and tell nothing about the report to the site they lead to.
                link.SetAttribute("rel", "noopener noreferrer");
            }
            if (e.Node is IElement element)
            {
                KeepSpansInBounds(element);
            }
        };
        _sanitizer.PostProcessDom += (_, e) =>
        {
            if (e.Document.Body is { } body)
            {
                DropEmptyBlocks(body);
            }
        };
        _sanitizer.AllowedAttributes.Add("rel");
    }

    /// <summary>A merged cell spans at most this many columns or rows; a larger figure is a mistake or an attack on layout.</summary>
    public const int MaxCellSpan = 50;

    /// <summary>
    /// A merged table cell (Word's merged header "2023–2024" over two columns) keeps its colspan and rowspan when they
    /// are whole numbers from 1 to <see cref="MaxCellSpan"/>; anything else is removed, and so are the attributes on
    /// anything but a cell (a "rowspan" of 10,000 would stretch the print over pages).
    /// </summary>
    private static void KeepSpansInBounds(IElement element)
    {
        var isCell = element.LocalName is "td" or "th";
        foreach (var name in SpanAttributes)
        {
            var value = element.GetAttribute(name);
            if (value is null)
            {
                continue;
            }
            if (isCell && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var span) && span is >= 1 and <= MaxCellSpan)
            {
                element.SetAttribute(name, span.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                element.RemoveAttribute(name);
            }
        }
        if (!isCell)
        {
            element.RemoveAttribute("scope");
        }
    }

    private static readonly string[] SpanAttributes = ["colspan", "rowspan"];

    /// <summary>
    /// The editor saves the block a paste ended in even when nothing was written in it: an empty heading or list item
    /// after the pasted text, empty paragraphs before and after it. A heading without words would be an empty entry in
    /// the document's outline and an empty item a stray bullet, so both go, with a list left without items; empty
    /// paragraphs at the start and the end go, those between paragraphs stay (the writer's own spacing).
    /// </summary>
    private static void DropEmptyBlocks(IElement body)
    {
        foreach (var block in body.QuerySelectorAll("h2, h3, h4, li").Where(IsBlank).ToList())
        {
            block.Remove();
        }
        foreach (var list in body.QuerySelectorAll("ul, ol").Where(l => l.QuerySelector("li") is null).ToList())
        {
            list.Remove();
        }
        TrimEmptyParagraphs(body, n => n.FirstChild);
        TrimEmptyParagraphs(body, n => n.LastChild);
    }

    private static void TrimEmptyParagraphs(IElement body, Func<INode, INode?> edge)
    {
        while (edge(body) is { } node && (node is IText text && string.IsNullOrWhiteSpace(text.Data)
                   || node is IElement { LocalName: "p" or "br" } element && IsBlank(element)))
        {
            node.RemoveFromParent();
        }
    }

    /// <summary>No words in it (white space, a no-break space included, or a line break is none) and no table.</summary>
    private static bool IsBlank(IElement element) =>
        string.IsNullOrWhiteSpace(element.TextContent) && element.QuerySelector("table") is null;

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
