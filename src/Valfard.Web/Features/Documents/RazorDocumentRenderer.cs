using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// Renders a Razor view to a string outside any request, in a given language: the council document is printed
/// from a view, and printing also happens at publishing, in the demo seed and in the benchmark.
/// </summary>
public sealed class RazorDocumentRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(string viewPath, TModel model, string language)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewPath} was not found.");
        }
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = Cultures.FormattingCulture(language);
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
            var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
            await found.View.RenderAsync(context);
            return writer.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
