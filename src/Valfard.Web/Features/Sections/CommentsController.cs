using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Sections;

/// <summary>Comment threads on a section: start one, reply, resolve and reopen. Plain forms; each returns to the section.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.CouncilMember}")]
[Route("reports/{reportId:guid}/sections/{sectionId:guid}/comments")]
public sealed class CommentsController(CommentService comments, ActorResolver actors) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Add(Guid reportId, Guid sectionId, Guid? threadId, string? text, List<Guid>? mention, string? back,
        CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var sectionLink = back == "read" ? $"{Url.Action("Read", "Workflow", new { id = reportId })}#s-{sectionId}" : Url.Action("Edit", "Sections", new { reportId, sectionId })!;
        var result = await comments.AddAsync(reportId, sectionId, threadId, text, mention ?? [], actor,
            User.IsInRole(Roles.CouncilMember), sectionLink, cancellationToken);
        return Back(reportId, sectionId, result, threadId is null ? "Comments.Added" : "Comments.Replied", back);
    }

    [HttpPost("{threadId:guid}/resolve")]
    public Task<IActionResult> Resolve(Guid reportId, Guid sectionId, Guid threadId, string? back, CancellationToken cancellationToken) =>
        SetResolved(reportId, sectionId, threadId, true, back, cancellationToken);

    [HttpPost("{threadId:guid}/reopen")]
    public Task<IActionResult> Reopen(Guid reportId, Guid sectionId, Guid threadId, string? back, CancellationToken cancellationToken) =>
        SetResolved(reportId, sectionId, threadId, false, back, cancellationToken);

    private async Task<IActionResult> SetResolved(Guid reportId, Guid sectionId, Guid threadId, bool resolved, string? back, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await comments.SetResolvedAsync(reportId, sectionId, threadId, resolved, actor, User.IsInRole(Roles.CouncilMember), cancellationToken);
        return Back(reportId, sectionId, result, resolved ? "Comments.ResolvedDone" : "Comments.Reopened", back);
    }

    /// <summary>Back to where the comment was written: the section's editor, or the council's reading view ("back=read").</summary>
    private IActionResult Back(Guid reportId, Guid sectionId, OperationResult result, string successKey, string? back)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, successKey);
        return back == "read"
            ? Redirect(Url.Action("Read", "Workflow", new { id = reportId }) + $"#s-{sectionId}")
            : Redirect(Url.Action("Edit", "Sections", new { reportId, sectionId }) + "#comments");
    }
}
