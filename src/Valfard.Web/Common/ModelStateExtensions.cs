using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Valfard.Web.Common;

public static class ModelStateExtensions
{
    /// <summary>Copies a service's error keys into ModelState as text in the user's language.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, OperationResult result, IStringLocalizer localizer)
    {
        foreach (var (field, key) in result.Errors)
        {
            modelState.AddModelError(field ?? string.Empty, result.Arguments.Count == 0 ? localizer[key] : localizer[key, [.. result.Arguments]]);
        }
    }
}

public static class TempDataExtensions
{
    /// <summary>
    /// Leaves the outcome of a command for the next page: the success message (or the warning that came with it), or
    /// the first error. The layout shows it once.
    /// </summary>
    public static void Flash(this Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData, OperationResult result, string successKey)
    {
        tempData["Flash"] = result.Succeeded ? result.Warning ?? successKey : result.Errors[0].Key;
        tempData["FlashKind"] = !result.Succeeded ? "danger" : result.Warning is null ? "success" : "warning";
    }
}
