using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// Page numbers for the contents. Chromium has no <c>target-counter()</c>, so the document is printed twice: the first
/// print tells on which page each heading landed, the second prints the contents with those numbers.
/// <para>
/// Where a heading landed is read from the first PDF itself, not guessed from the screen layout: Chromium writes a
/// named destination (<c>/Dests</c> in the catalog) for every element a link points to, and each contents entry links
/// to its heading, so the destination named after the heading's id points at the page object it is on. The page
/// object's place in the page tree is its number, the same number the footer prints. The contents keep a fixed-width
/// box for the number in both prints, so filling it in moves nothing.
/// </para>
/// </summary>
public static class ContentsPages
{
    /// <summary>The placeholder the print view puts where a page number goes: <c>data-page-of="anchor"</c>.</summary>
    public const string Marker = "data-page-of=\"";

    public static bool Wanted(string html) => html.Contains(Marker, StringComparison.Ordinal);

    // Hidden boxes keep their size and place, so the pages break exactly where they will in the real print, while
    // Chromium skips painting the text, tables and charts that cost most of a print (bench/Valfard.Bench.Pdf). The
    // named destinations are written for hidden targets too.
    private const string PaintNothing = "<style id=\"valfard-layout-only\">*,*::before,*::after{visibility:hidden!important}</style>";

    /// <summary>
    /// Run by Playwright on the page loaded with <see cref="LayoutOnly"/> once the first print is read: shows the
    /// document again and writes each heading's page into its box. The page's own scripts stay off; Playwright's
    /// evaluation is not a page script. A heading not found keeps an empty box.
    /// </summary>
    public const string FillScript = """
        pages => {
            document.getElementById('valfard-layout-only')?.remove();
            for (const box of document.querySelectorAll('span.toc-page[data-page-of]')) {
                const page = pages[box.getAttribute('data-page-of')];
                if (page) box.textContent = String(page);
            }
        }
        """;

    /// <summary>The HTML for the first print, which is only read for where each heading landed.</summary>
    public static string LayoutOnly(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? PaintNothing + html : html.Insert(head, PaintNothing);
    }

    /// <summary>The page (from 1) of every link target in the PDF, by its id.</summary>
    public static IReadOnlyDictionary<string, int> Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var document = PdfDocument.Open(pdf);
        var structure = document.Structure;
        var catalog = structure.Catalog.CatalogDictionary;
        var pages = new Dictionary<IndirectReference, int>();
        if (catalog.Data.TryGetValue("Pages", out var root) && root is IndirectReferenceToken rootReference)
        {
            Number(rootReference.Data, pages, structure);
        }
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!catalog.Data.TryGetValue("Dests", out var destsToken) || Resolve(destsToken, structure) is not DictionaryToken dests)
        {
            return found;
        }
        foreach (var (name, value) in dests.Data)
        {
            // A destination is [pageRef /XYZ left top zoom], or a dictionary holding it under /D.
            var target = Resolve(value, structure);
            if (target is DictionaryToken holder && holder.Data.TryGetValue("D", out var inner))
            {
                target = Resolve(inner, structure);
            }
            if (target is ArrayToken { Length: > 0 } array && array[0] is IndirectReferenceToken page && pages.TryGetValue(page.Data, out var number))
            {
                found[name] = number;
            }
        }
        return found;
    }

    private static void Number(IndirectReference node, Dictionary<IndirectReference, int> pages, UglyToad.PdfPig.Structure structure)
    {
        if (structure.GetObject(node).Data is not DictionaryToken dictionary)
        {
            return;
        }
        if (dictionary.Data.TryGetValue("Kids", out var kidsToken) && Resolve(kidsToken, structure) is ArrayToken kids)
        {
            foreach (var kid in kids.Data.OfType<IndirectReferenceToken>())
            {
                Number(kid.Data, pages, structure);
            }
        }
        else
        {
            pages[node] = pages.Count + 1;
        }
    }

    private static IToken Resolve(IToken token, UglyToad.PdfPig.Structure structure) =>
        token is IndirectReferenceToken reference ? structure.GetObject(reference.Data).Data : token;
}
