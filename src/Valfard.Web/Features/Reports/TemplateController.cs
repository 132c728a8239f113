using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>The organisation's report template: sections and their guidance. Changes apply to reports created later.</summary>
[Authorize(Roles = Roles.Coordinator)]
[Route("template")]
public sealed class TemplateController(TemplateService templates) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = await templates.ShowAsync(Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var form = await templates.FormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, TemplateSectionForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        // Another organisation's section is not found, whether or not the form is valid (a valid form learns it from the save).
        if (!ModelState.IsValid && await templates.FormAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await templates.SaveAsync(form, cancellationToken);
            var answer = await this.AnswerAsync(result, "Template.Saved", () => RedirectToAction(nameof(Index)),
                () => templates.FormAsync(id, cancellationToken));
            if (answer is not null)
            {
                return answer;
            }
        }
        return View(form);
    }

    [HttpPost("add")]
    public async Task<IActionResult> Add(Guid? parentId, string? titleFi, string? titleSv, Guid version, CancellationToken cancellationToken) =>
        Back(await templates.AddAsync(parentId, titleFi, titleSv, version, cancellationToken), "Template.Added");

    [HttpPost("{id:guid}/up")]
    public async Task<IActionResult> Up(Guid id, Guid version, CancellationToken cancellationToken) =>
        Back(await templates.MoveAsync(id, -1, version, cancellationToken), null);

    [HttpPost("{id:guid}/down")]
    public async Task<IActionResult> Down(Guid id, Guid version, CancellationToken cancellationToken) =>
        Back(await templates.MoveAsync(id, 1, version, cancellationToken), null);

    [HttpGet("{id:guid}/remove")]
    public async Task<IActionResult> ConfirmRemove(Guid id, CancellationToken cancellationToken)
    {
        var form = await templates.FormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid version, CancellationToken cancellationToken) =>
        Back(await templates.RemoveAsync(id, version, cancellationToken), "Template.Removed");

    private IActionResult Back(OperationResult result, string? successKey) =>
        this.Flashed(result, successKey, () => RedirectToAction(nameof(Index)));
}
