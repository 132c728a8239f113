using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Assessments;

/// <summary>
/// Renders an assessment's print view in the document's language (Finnish or Swedish), whatever the reader's interface
/// language: a coordinator working in English who opens the Finnish print must see Finnish headings, as the PDF has, and
/// an English-speaking resident gets the Finnish document whole instead of English labels in a page marked lang="fi".
/// A result filter, because the view is rendered after the action returns, inside <c>next()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrintInDocumentLanguageAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is not ViewResult { Model: AssessmentPrintViewModel model })
        {
            await next();
            return;
        }
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = Cultures.FormattingCulture(model.Document.Language);
            CultureInfo.CurrentUICulture = new CultureInfo(model.Document.Language);
            await next();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
