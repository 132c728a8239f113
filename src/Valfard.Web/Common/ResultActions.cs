using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Web.Localization;

namespace Valfard.Web.Common;

/// <summary>
/// The one place where a service's <see cref="OperationResult"/> becomes an HTTP answer, so every form treats a missing
/// thing, a success, a domain refusal and a conflict the same way.
/// </summary>
public static class ResultActions
{
    /// <summary>
    /// Answers a form post. Gone: 404. Done: the success message on the next page and <paramref name="onSuccess"/>.
    /// Conflict with a saved version to show: the form again, filled from what is saved now, so that saving again
    /// cannot undo the other person's change unseen. Otherwise the errors go into ModelState (each next to the field
    /// the domain named) and null is returned: the caller shows the form again as it does for invalid input.
    /// </summary>
    public static async Task<IActionResult?> AnswerAsync<TForm>(this Controller controller, OperationResult result, string successKey,
        Func<IActionResult> onSuccess, Func<Task<TForm?>>? reloadAfterConflict = null, string? view = null)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        if (result.NotFound)
        {
            return controller.NotFound();
        }
        if (result.Succeeded)
        {
            controller.TempData.Flash(result, successKey);
            return onSuccess();
        }
        var localizer = controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (result.Conflict && reloadAfterConflict is not null && await reloadAfterConflict() is { } fresh)
        {
            controller.ModelState.Clear();
            controller.ModelState.AddErrors(result, localizer);
            return view is null ? controller.View(fresh) : controller.View(view, fresh);
        }
        controller.ModelState.AddErrors(result, localizer);
        return null;
    }

    /// <summary>
    /// Answers a post without a form of its own (remove, move, close): 404 when gone, otherwise the outcome as a
    /// message on the page <paramref name="next"/> leads to. A null <paramref name="successKey"/> says nothing on success.
    /// </summary>
    public static IActionResult Flashed(this Controller controller, OperationResult result, string? successKey, Func<IActionResult> next)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(next);
        if (result.NotFound)
        {
            return controller.NotFound();
        }
        if (!result.Succeeded || successKey is not null)
        {
            controller.TempData.Flash(result, successKey ?? string.Empty);
        }
        return next();
    }
}
