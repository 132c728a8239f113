using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>The plan's goals and measures as a CSV file: everyone exports; the coordinator and the organisation admin import.</summary>
[Route("plan")]
public sealed class PlanCsvController(
    PlanService plans,
    PlanCsvService csv,
    PlanActorResolver actors,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var data = await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }
        return File(PlanCsvService.Export(data), "text/csv; charset=utf-8", $"welfare-plan-{data.Term.StartDate.Year}-{data.Term.EndDate.Year}.csv");
    }

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpGet("import")]
    public async Task<IActionResult> Import(CancellationToken cancellationToken) =>
        View(new PlanImportViewModel { HasPlan = await plans.CurrentPlanAsync(cancellationToken) is not null });

    [Authorize(Roles = PlanActor.ManagerRoles)]
    [HttpPost("import")]
    [RequestSizeLimit(PlanCsvService.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await plans.CurrentPlanAsync(cancellationToken) is null)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0 || file.Length > PlanCsvService.MaxBytes)
        {
            ModelState.AddModelError("file", localizer[file is null || file.Length == 0 ? "Plan.Csv.NoFile" : "Plan.Csv.TooLarge"]);
            return View(new PlanImportViewModel { HasPlan = true });
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var actor = await actors.ForAsync(User, cancellationToken);
        var (problems, _, _) = await csv.ImportAsync(buffer.ToArray(), actor.UserId, cancellationToken);
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new PlanImportViewModel
            {
                HasPlan = true,
                Problems = problems.Select(p => new CsvProblemItem(p.Line, p.Column, localizer[p.Key, p.Arguments].Value)).ToList(),
            });
        }
        TempData.Flash(OperationResult.Success, "Plan.Csv.Imported");
        return RedirectToAction(nameof(PlanController.Index), "Plan");
    }
}
