using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Valfard.Web.Features.Notifications;

/// <summary>The header link to notifications, with the number of unread ones.</summary>
public sealed class NotificationBadgeViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var count = Guid.TryParse(id, out var userId) ? await notifications.UnreadCountAsync(userId, HttpContext.RequestAborted) : 0;
        return View("~/Features/Notifications/Views/Components/NotificationBadge.cshtml", count);
    }
}
