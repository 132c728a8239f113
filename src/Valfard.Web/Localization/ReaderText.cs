using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Valfard.Domain.Common;

namespace Valfard.Web.Localization;

/// <summary>
/// The inline form of the partial <c>_ReaderText</c>, for a bilingual text that sits inside a sentence ("Proposed to
/// the council: {0} …"): the reader's language when written, else the other one marked with its <c>lang</c> and the
/// fact said in words, so not only a screen reader learns it.
/// </summary>
public static class ReaderText
{
    public static IHtmlContent ReaderTextOf(this IHtmlLocalizer localizer, string fi, string sv, string language)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = BilingualText.In(fi, sv, language);
        if (BilingualText.FallbackFor(fi, sv, language) is not { } fallback)
        {
            return new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text));
        }
        return new HtmlContentBuilder()
            .AppendHtml($"<span lang=\"{fallback}\">").Append(text).AppendHtml("</span> <span class=\"doc-fallback\">")
            .AppendHtml(localizer[$"Document.OnlyIn.{fallback}"]).AppendHtml("</span>");
    }
}
