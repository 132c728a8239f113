using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Valfard.Web.Services;

namespace Valfard.Web.Controllers;

public static class ModelStateExtensions
{
    /// <summary>Copies a service's error keys into ModelState as text in the user's language.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, OperationResult result, IStringLocalizer localizer)
    {
        foreach (var (field, key) in result.Errors)
        {
            modelState.AddModelError(field ?? string.Empty, localizer[key]);
        }
    }
}
