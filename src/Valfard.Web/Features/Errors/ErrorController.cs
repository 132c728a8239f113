using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Errors;

/// <summary>Friendly error pages in the user's language; the details go to the log, never to the page.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for the failed request's method, which may be a POST that failed antiforgery
[Route("error")]
[Valfard.Web.Features.Account.AllowBeforeTwoFactorEnrolment]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorController(ILogger<ErrorController> logger, IStringLocalizer<SharedResource> localizer) : Controller
{
    // From the route only: the re-executed request keeps the failed request's form, and a form field named "code" (the
    // password-reset form's token) would otherwise bind first and turn a 429 or 400 into a 500.
    [Route("{code:int}")]
    public IActionResult Status()
    {
        // The code is read from the route by hand, not model-bound: a re-executed POST keeps its body, and a form
        // that cannot be read (one with a NUL character, say) fails all binding, which made "bad request" a 500.
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : StatusCodes.Status500InternalServerError;
        if (code is < 400 or > 599)
        {
            // Only error statuses have a page; anything else reaching here (e.g. a failed upload before a status was set) is a server error.
            code = StatusCodes.Status500InternalServerError;
        }
        if (code == StatusCodes.Status500InternalServerError)
        {
            var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
            if (failure is not null && DatabaseBusy.Is(failure.Error))
            {
                return Busy(failure);
            }
            if (failure is not null)
            {
                LogUnhandled(logger, failure.Error, failure.Path, HttpContext.TraceIdentifier);
            }
        }
        Response.StatusCode = code;
        ViewData["TraceId"] = HttpContext.TraceIdentifier;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests"),
            StatusCodes.Status400BadRequest => View("BadRequest"),
            StatusCodes.Status413PayloadTooLarge => View("TooLarge"),
            _ => View("ServerError"),
        };
    }

    /// <summary>
    /// The database stayed locked past the busy timeout: nothing of this request was written. Say so, and ask the
    /// browser (or the editor's autosave, which asks for JSON) to try again shortly.
    /// </summary>
    private IActionResult Busy(IExceptionHandlerPathFeature failure)
    {
        LogBusy(logger, failure.Error, failure.Path, HttpContext.TraceIdentifier);
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "5";
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Json(new { status = "busy", message = localizer["Error.Busy.Retry"].Value });
        }
        return View("Busy");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database busy on {Path} (trace {TraceId}); nothing was saved and the user was asked to retry")]
    private static partial void LogBusy(ILogger logger, Exception exception, string path, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path, string traceId);
}
