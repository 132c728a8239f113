using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.County;

/// <summary>The municipality coordinator's support requests to its county: asking, reading the answers, closing.</summary>
[Authorize(Roles = Roles.Coordinator)]
[Route("support")]
public sealed class SupportController(SupportService support) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await support.OwnAsync(Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? reportId, CancellationToken cancellationToken) =>
        await support.NewFormAsync(reportId, Cultures.Current, cancellationToken) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> New(SupportRequestForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var (result, _) = await support.AskAsync(form, UserId, cancellationToken);
            var answer = await this.AnswerAsync<SupportRequestForm>(result, "County.Support.Sent", () => RedirectToAction(nameof(Index)));
            if (answer is not null)
            {
                return answer;
            }
        }
        var fresh = await support.NewFormAsync(form.ReportId, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.CountyName = fresh.CountyName;
        form.Reports = fresh.Reports;
        return View(form);
    }

    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) =>
        this.Flashed(await support.CloseOwnAsync(id, UserId, cancellationToken), "County.Support.Closed", () => RedirectToAction(nameof(Index)));
}
