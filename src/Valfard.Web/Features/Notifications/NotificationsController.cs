using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Valfard.Web.Features.Notifications;

[Route("notifications")]
public sealed class NotificationsController(NotificationService notifications, NotificationSettings settings) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await notifications.ListAsync(UserId, cancellationToken));

    [HttpPost("{id:guid}/open")]
    public async Task<IActionResult> Open(Guid id, CancellationToken cancellationToken)
    {
        var link = await notifications.OpenAsync(UserId, id, cancellationToken);
        return link is null ? NotFound() : LocalRedirect(Url.IsLocalUrl(link) ? link : "/");
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(UserId, cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>E-mail notifications: per group at once, as a daily digest, or not at all (the app shows them anyway).</summary>
    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(await settings.FormAsync(UserId, cancellationToken));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(NotificationSettingsForm form, CancellationToken cancellationToken)
    {
        if (!await settings.SaveAsync(UserId, form, cancellationToken))
        {
            return BadRequest();
        }
        TempData["Flash"] = "Notifications.Settings.Saved";
        return RedirectToAction(nameof(Settings));
    }
}
