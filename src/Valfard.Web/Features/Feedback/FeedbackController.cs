using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Feedback;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Feedback;

/// <summary>The coordinator's inbox of residents' feedback: moderation of report comments, the 14-day accessibility deadline.</summary>
[Authorize(Roles = Roles.Coordinator)]
[Route("feedback")]
public sealed class FeedbackController(ResidentFeedbackService feedback) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await feedback.ListAsync(Cultures.Current, cancellationToken));

    [HttpPost("{id:guid}/{outcome}")]
    public async Task<IActionResult> Handle(Guid id, FeedbackStatus outcome, CancellationToken cancellationToken)
    {
        if (outcome is not (FeedbackStatus.Approved or FeedbackStatus.Rejected or FeedbackStatus.Answered))
        {
            return NotFound();
        }
        var result = await feedback.HandleAsync(id, outcome, UserId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, $"Feedback.Done.{outcome}");
        return RedirectToAction(nameof(Index));
    }
}
