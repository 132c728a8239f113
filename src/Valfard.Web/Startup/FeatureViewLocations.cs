using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Valfard.Web.Startup;

/// <summary>
/// Finds a controller's views in its feature folder: <c>Features/{Feature}/Views/{Controller}/{View}.cshtml</c>, then
/// <c>Features/{Feature}/Views/{View}.cshtml</c>, then the shared layout pieces in <c>Features/Shared/Views</c>. The
/// feature is the last part of the controller's namespace (<c>Valfard.Web.Features.Plans</c> → <c>Plans</c>), so a
/// newcomer finds a page next to the code that serves it.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string NamespacePrefix = "Valfard.Web.Features.";

    public static readonly string[] Formats =
    [
        "/Features/{feature}/Views/{1}/{0}.cshtml",
        "/Features/{feature}/Views/{0}.cshtml",
        "/Features/Shared/Views/{0}.cshtml",
    ];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[FeatureKey] = FeatureOf(action.ControllerTypeInfo);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (!context.Values.TryGetValue(FeatureKey, out var feature) || feature is null)
        {
            return viewLocations.Where(l => !l.Contains("{feature}", StringComparison.Ordinal));
        }
        return viewLocations.Select(l => l.Replace("{feature}", feature, StringComparison.Ordinal));
    }

    /// <summary>The feature folder of a controller, from its namespace; null for a type outside <c>Features</c>.</summary>
    public static string? FeatureOf(Type controller)
    {
        var ns = controller.Namespace ?? string.Empty;
        return ns.StartsWith(NamespacePrefix, StringComparison.Ordinal) ? ns[NamespacePrefix.Length..].Split('.')[0] : null;
    }
}
