using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.County;

/// <summary>
/// The wellbeing services county's pages: its members, what they delivered, their plans, their support requests.
/// Every page answers 404 to anyone whose organisation is not a county, as the tenant filter does elsewhere.
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("county")]
public sealed class CountyController(CountyService county, SupportService support) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await county.OverviewAsync(Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("deliveries/{id:guid}")]
    public async Task<IActionResult> Delivered(Guid id, CancellationToken cancellationToken) =>
        await county.DeliveredAsync(id, Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("deliveries/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, string? lang, CancellationToken cancellationToken)
    {
        var document = await county.PdfAsync(id, lang is "sv" ? "sv" : "fi", cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        // Served as the archived bytes, as a download, under the same sandboxing policy as other files.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(document.Content, ArchivedDocument.PdfContentType, $"report-{document.Language}.pdf");
    }

    [HttpGet("members/{municipalityId:guid}/plans/{planId:guid}")]
    public async Task<IActionResult> Plan(Guid municipalityId, Guid planId, CancellationToken cancellationToken) =>
        await county.PlanAsync(municipalityId, planId, Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("support")]
    public async Task<IActionResult> Support(CancellationToken cancellationToken) =>
        await support.MembersAsync(Cultures.Current, cancellationToken) is { } model ? View(model) : NotFound();

    [Authorize(Roles = Roles.Coordinator)]
    [HttpGet("support/{id:guid}")]
    public async Task<IActionResult> Answer(Guid id, CancellationToken cancellationToken) =>
        await support.AnswerFormAsync(id, Cultures.Current, cancellationToken) is { } form ? View(form) : NotFound();

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("support/{id:guid}")]
    public async Task<IActionResult> Answer(Guid id, SupportAnswerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await support.AnswerAsync(id, form, UserId, cancellationToken);
            var answer = await this.AnswerAsync<SupportAnswerForm>(result, "County.Support.AnswerSaved", () => RedirectToAction(nameof(Support)),
                () => support.AnswerFormAsync(id, Cultures.Current, cancellationToken));
            if (answer is not null)
            {
                return answer;
            }
        }
        var fresh = await support.AnswerFormAsync(id, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.Request = fresh.Request;
        return View(form);
    }

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("support/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) =>
        this.Flashed(await support.CloseForCountyAsync(id, UserId, cancellationToken), "County.Support.Closed",
            () => RedirectToAction(nameof(Support)));
}
