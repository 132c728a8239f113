using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>The other plans a report draws on: links and uploaded PDF, DOCX and XLSX files.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("reports/{reportId:guid}/plans")]
public sealed class LinkedPlansController(LinkedPlanService plans, ActorResolver actors, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid reportId, CancellationToken cancellationToken)
    {
        var model = await plans.ListAsync(reportId, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("link")]
    public async Task<IActionResult> AddLink(Guid reportId, LinkedPlanKind kind, string? title, string? url, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await Answer(reportId, await plans.AddLinkAsync(reportId, kind, title, url, actor.UserId, cancellationToken), "Plans.Added", cancellationToken);
    }

    [HttpPost("upload")]
    [RequestSizeLimit(LinkedPlanService.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = LinkedPlanService.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(Guid reportId, LinkedPlanKind kind, string? title, IFormFile? file, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await Answer(reportId, await plans.UploadAsync(reportId, kind, title, file, actor.UserId, cancellationToken), "Plans.Uploaded", cancellationToken);
    }

    /// <summary>Always a download, never shown inline: an uploaded file must not run in the app's origin.</summary>
    [HttpGet("{id:guid}/file")]
    public async Task<IActionResult> Download(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var file = await plans.FileAsync(reportId, id, cancellationToken);
        if (file is not { } found)
        {
            return NotFound();
        }
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(found.Content, found.Plan.ContentType!, found.Plan.FileName!);
    }

    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemove(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(reportId, id, cancellationToken);
        ViewData["ReportId"] = reportId;
        return plan is null ? NotFound() : View(plan);
    }

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid reportId, Guid id, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        return await Answer(reportId, await plans.RemoveAsync(reportId, id, actor.UserId, cancellationToken), "Plans.Removed", cancellationToken);
    }

    private async Task<IActionResult> Answer(Guid reportId, OperationResult result, string successKey, CancellationToken cancellationToken)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Flash"] = successKey;
            return RedirectToAction(nameof(Index), new { reportId });
        }
        ModelState.AddErrors(result, localizer);
        var model = await plans.ListAsync(reportId, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(nameof(Index), model);
    }
}
