using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Documents;

/// <summary>A print view's model: the document's own language, which its labels follow.</summary>
public interface IPrintedInLanguage
{
    string DocumentLanguage { get; }
}

/// <summary>
/// Renders a print view (an assessment's, a negotiation record's) in the document's language (Finnish or Swedish), whatever the reader's interface
/// language: a coordinator working in English who opens the Finnish print must see Finnish headings, as the PDF has, and
/// an English-speaking resident gets the Finnish document whole instead of English labels in a page marked lang="fi".
/// A result filter, because the view is rendered after the action returns, inside <c>next()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrintInDocumentLanguageAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is not ViewResult { Model: IPrintedInLanguage model })
        {
            await next();
            return;
        }
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = Cultures.FormattingCulture(model.DocumentLanguage);
            CultureInfo.CurrentUICulture = new CultureInfo(model.DocumentLanguage);
            await next();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
