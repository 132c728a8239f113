using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Features.Sections;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>
/// Joys and concerns from evidence: accept or reject a candidate, propose any indicator, link more indicators to an
/// observation. Another organisation's report is not found (the tenant filter hides it), so every action answers 404.
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("reports/{reportId:guid}/observations")]
public sealed class EvidenceController(EvidenceService evidence, ActorResolver actors) : Controller
{
    /// <summary>From an indicator page: the report chosen in a plain GET form goes into the address here.</summary>
    [HttpGet("~/observations/propose")]
    public IActionResult Propose(Guid reportId, int indicator, ObservationKind? kind) =>
        RedirectToAction(nameof(Accept), new { reportId, indicator, kind });

    [HttpGet("accept")]
    public async Task<IActionResult> Accept(Guid reportId, int indicator, ObservationKind? kind, CancellationToken cancellationToken)
    {
        var form = await evidence.AcceptFormAsync(reportId, indicator, kind, Cultures.Current, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("accept")]
    public async Task<IActionResult> Accept(Guid reportId, AcceptCandidateViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ReportId = reportId;
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var result = await evidence.AcceptAsync(form, actor.UserId, cancellationToken);
            var answer = await this.AnswerAsync<AcceptCandidateViewModel>(result, "Evidence.Accepted",
                () => RedirectToAction(nameof(ObservationsController.Index), "Observations", new { reportId }));
            if (answer is not null)
            {
                return answer;
            }
        }
        var fresh = await evidence.AcceptFormAsync(reportId, form.IndicatorId, form.Kind, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        // What the user wrote stays; only the shown analysis comes from the server.
        form.ReportTitle = fresh.ReportTitle;
        form.Bilingual = fresh.Bilingual;
        form.Page = fresh.Page;
        form.Reading = fresh.Reading;
        return View(form);
    }

    [HttpPost("reject")]
    public async Task<IActionResult> Reject(Guid reportId, int indicator, ObservationKind kind, string? reason, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await evidence.RejectAsync(reportId, indicator, kind, reason, actor.UserId, cancellationToken);
        return this.Flashed(result, "Evidence.Rejected", () => RedirectToAction(nameof(ObservationsController.Index), "Observations", new { reportId }));
    }

    [HttpPost("{id:guid}/indicators")]
    public async Task<IActionResult> Link(Guid reportId, Guid id, int indicatorId, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await evidence.LinkAsync(reportId, id, indicatorId, actor.UserId, cancellationToken);
        return this.Flashed(result, "Evidence.Linked", () => RedirectToAction(nameof(ObservationsController.Index), "Observations", new { reportId }));
    }
}
