using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Localization;
using Valfard.Web.Services;

namespace Valfard.Web.Controllers;

public sealed class HomeController(StartPageService startPage) : Controller
{
    /// <summary>Signed-in users see their organisation's start page; visitors see what Valfard is and how to sign in.</summary>
    [AllowAnonymous]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View("Welcome");
        }
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var model = await startPage.BuildAsync(userId, roles, Cultures.Current, cancellationToken);
        return model is null ? Forbid() : View(model);
    }
}
