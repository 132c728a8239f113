using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;

namespace Valfard.Web.Features.County;

/// <summary>
/// The header's county entry: "members" for a county's users, "support" for a member municipality's coordinator;
/// nothing for anyone else. The organisation's kind is not in the cookie, so it is looked up (one small row).
/// </summary>
public sealed class CountyNavViewComponent(CountyAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Editor))
        {
            if (await access.CurrentCountyAsync(HttpContext.RequestAborted) is not null)
            {
                return View("~/Features/County/Views/Components/CountyNav.cshtml", "county");
            }
            if (user.IsInRole(Roles.Coordinator) && await access.CurrentMunicipalityAsync(HttpContext.RequestAborted) is { CountyId: not null })
            {
                return View("~/Features/County/Views/Components/CountyNav.cshtml", "support");
            }
        }
        return Content(string.Empty);
    }
}
