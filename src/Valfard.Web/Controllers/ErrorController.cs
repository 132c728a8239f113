using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Valfard.Web.Controllers;

/// <summary>Friendly error pages in the user's language; the details go to the log, never to the page.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for the failed request's method, which may be a POST that failed antiforgery
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorController(ILogger<ErrorController> logger) : Controller
{
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path, string traceId);
}
