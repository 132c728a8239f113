using AngleSharp.Html.Parser;
using Valfard.Infrastructure.Text;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// Every payload of the corpus, one at a time, through the rich-text sanitizer that section text is saved with:
/// what comes out holds only the allow-listed structure, with no element or attribute that could run or load anything.
/// </summary>
public sealed class XssSanitizerTests
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "colspan", "rowspan", "scope", "rel" };

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in XssPayloads.All)
        {
            data.Add(payload);
        }
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_distinct_numbered_payloads()
    {
        Assert.True(XssPayloads.All.Count >= 50);
        Assert.Equal(XssPayloads.All.Count, XssPayloads.All.Select(p => p[..3]).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_sanitizer_leaves_nothing_live(string payload)
    {
        var clean = new RichTextSanitizer().Sanitize($"<p>before</p>{payload}<p>after</p>");
        AssertInert(clean);
        // Sanitizing again changes nothing: what is stored is already in its final form.
        Assert.Equal(clean, new RichTextSanitizer().Sanitize(clean));
    }

    [Fact]
    public void The_whole_corpus_in_one_document_comes_out_inert()
    {
        var html = string.Concat(XssPayloads.All.Select(p => $"<p>{p}</p>"));
        AssertInert(new RichTextSanitizer().Sanitize(html));
    }

    internal static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.True(AllowedTags.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.LocalName), $"{attribute.LocalName}= on <{element.LocalName}> survived in: {html}");
            }
            if (element.GetAttribute("href") is { } href)
            {
                var scheme = href.Trim().Split(':', 2);
                Assert.True(scheme.Length == 1 || scheme[0] is "http" or "https" or "mailto" || scheme[0].Contains('/', StringComparison.Ordinal),
                    $"href=\"{href}\" survived in: {html}");
            }
        }
    }
}
