using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>The organisation's own indicators: created by a coordinator, their values entered by hand with year and source.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.SystemAdmin}")]
[Route("indicators/local")]
public sealed class LocalIndicatorsController(LocalIndicatorService locals) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await locals.ListAsync(Cultures.Current, cancellationToken));

    [Authorize(Roles = Roles.Coordinator)]
    [HttpPost("")]
    public async Task<IActionResult> Create(string? titleFi, string? titleSv, string? unit, IndicatorDirection direction,
        CancellationToken cancellationToken)
    {
        var (result, id) = await locals.CreateAsync(titleFi, titleSv, unit, direction, cancellationToken);
        return await this.AnswerAsync<IReadOnlyList<LocalIndicatorItem>>(result, "Local.Created", () => RedirectToAction(nameof(Show), new { id }))
            ?? View(nameof(Index), await locals.ListAsync(Cultures.Current, cancellationToken));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var page = await locals.PageAsync(id, Cultures.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
    [HttpPost("{id:guid}/values")]
    public async Task<IActionResult> Record(Guid id, int year, Guid? district, string? value, string? count, string? denominator, string? source,
        Guid version, CancellationToken cancellationToken)
    {
        var form = new LocalValueForm(year, district, Number(value), Number(count), !string.IsNullOrWhiteSpace(count), Number(denominator),
            !string.IsNullOrWhiteSpace(denominator), source, version);
        var result = await locals.RecordAsync(id, form, UserId, cancellationToken);
        return this.Flashed(result, "Local.Saved", () => RedirectToAction(nameof(Show), new { id }));
    }

    [Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
    [HttpPost("{id:guid}/values/{year:int}/remove")]
    public async Task<IActionResult> Remove(Guid id, int year, Guid? district, CancellationToken cancellationToken) =>
        this.Flashed(await locals.RemoveAsync(id, year, district, cancellationToken), "Local.Removed", () => RedirectToAction(nameof(Show), new { id }));

    /// <summary>A decimal comma or point: "118,0" and "118.0" are the same number; spaces between thousands are allowed.</summary>
    private static double? Number(string? text) =>
        double.TryParse(string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).Replace(',', '.'), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
