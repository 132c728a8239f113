using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Indicators;

/// <summary>An indicator set as one table with verdicts, trends and spine charts, and its CSV and Excel downloads.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("indicators/overview")]
public sealed class OverviewController(OverviewService overview, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? set, string? subject, string? sort, string? view, CancellationToken cancellationToken)
    {
        var model = await overview.BuildAsync(set, subject, sort, view, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("csv")]
    public async Task<IActionResult> Csv(Guid? set, string? subject, string? sort, string? view, CancellationToken cancellationToken)
    {
        var model = await overview.BuildAsync(set, subject, sort, view, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : File(OverviewService.ToCsv(model), "text/csv; charset=utf-8", model.IsGroupsView ? "overview-groups.csv" : "overview.csv");
    }

    [HttpGet("xlsx")]
    public async Task<IActionResult> Xlsx(Guid? set, string? subject, string? sort, string? view, CancellationToken cancellationToken)
    {
        var model = await overview.BuildAsync(set, subject, sort, view, Cultures.Current, cancellationToken);
        return model is null
            ? NotFound()
            : File(OverviewService.ToXlsx(model, localizer["Overview.Title"]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", model.IsGroupsView ? "overview-groups.xlsx" : "overview.xlsx");
    }
}
