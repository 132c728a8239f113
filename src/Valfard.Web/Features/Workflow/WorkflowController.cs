using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Workflow;

/// <summary>
/// The report as a document: the council's reading view, the workflow moves from draft to published, and the
/// council document as PDF (archived and byte-identical once published).
/// </summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.CouncilMember},{Roles.CouncilSecretary}")]
[Route("reports/{id:guid}")]
public sealed partial class WorkflowController(
    ValfardDbContext db,
    ReadingService reading,
    ReportWorkflowService workflow,
    ReportPdfService pdfs,
    ActorResolver actors,
    IStringLocalizer<SharedResource> localizer,
    ILogger<WorkflowController> logger) : Controller
{
    [HttpGet("read")]
    public async Task<IActionResult> Read(Guid id, string? lang, int? version, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var model = await reading.ReadAsync(id, lang ?? Cultures.Current, version, actor, User.IsInRole(Roles.CouncilMember), User.IsInRole,
            cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("workflow/{move}")]
    public async Task<IActionResult> Confirm(Guid id, WorkflowAction move, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(move))
        {
            return NotFound();
        }
        if (!ReportWorkflowService.MayPerform(move, User.IsInRole))
        {
            return Forbid();
        }
        var form = new WorkflowFormViewModel { Action = move };
        if (!await FillAsync(form, id, cancellationToken))
        {
            return NotFound();
        }
        if (ReportWorkflow.Target(form.Status, move) is null)
        {
            TempData.Flash(OperationResult.Fail(null, ReportWorkflow.IllegalMoveKey(move)), string.Empty);
            return RedirectToAction(nameof(Read), new { id });
        }
        return View(form);
    }

    [HttpPost("workflow/{move}")]
    public async Task<IActionResult> Confirm(Guid id, WorkflowAction move, WorkflowFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Enum.IsDefined(move))
        {
            return NotFound();
        }
        if (!ReportWorkflowService.MayPerform(move, User.IsInRole))
        {
            return Forbid();
        }
        form.Action = move;
        if (ModelState.IsValid)
        {
            var actor = await actors.ForAsync(User, cancellationToken);
            var command = new WorkflowCommand(move, form.ExpectedVersion, form.Reason,
                new CouncilDecisionInput(form.Body, form.MeetingDate, form.Paragraph, form.MinutesUrl, form.Amendment));
            var result = await workflow.ExecuteAsync(id, command, actor.UserId, User.IsInRole, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData.Flash(result, $"Workflow.Done.{move}");
                return RedirectToAction(nameof(Read), new { id });
            }
            ModelState.AddErrors(result, localizer);
        }
        // The form comes back with the report's current version: after a conflict the user sees the new state and can retry.
        ModelState.Remove(nameof(form.ExpectedVersion));
        if (!await FillAsync(form, id, cancellationToken))
        {
            return NotFound();
        }
        return View(form);
    }

    /// <summary>
    /// The council document in one language. Once published it is the archived file, byte for byte, with its hash
    /// as ETag; an approved version not yet published is printed from its snapshot; anything else is a marked draft.
    /// </summary>
    [HttpGet("pdf")]
    public async Task<IActionResult> Pdf(Guid id, string? lang, int? version, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var languages = WelfareReport.LanguagesOf(organisation);
        var language = lang is not null && languages.Contains(lang) ? lang : languages.Contains(Cultures.Current) ? Cultures.Current : languages[0];
        var number = version ?? (report.Status is ReportStatus.Approved or ReportStatus.Published ? report.VersionNumber : null);
        var approved = number is { } n ? await db.ReportVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ReportId == id && v.Number == n, cancellationToken) : null;
        if (number is not null && approved is null)
        {
            return NotFound();
        }
        var baseName = $"{organisation.Slug}-{Slug.FromName(report.TitleIn(language))}";
        if (approved is not null)
        {
            var archived = await db.ArchivedDocuments.AsNoTracking()
                .FirstOrDefaultAsync(d => d.ReportVersionId == approved.Id && d.Language == language, cancellationToken);
            if (archived is not null)
            {
                var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{archived.Sha256}\"");
                Response.Headers["X-Content-SHA256"] = archived.Sha256;
                return File(archived.Content, ArchivedDocument.PdfContentType, $"{baseName}-v{approved.Number}-{language}.pdf",
                    lastModified: archived.CreatedAt, entityTag: etag);
            }
        }
        try
        {
            var model = approved is not null
                ? await pdfs.ForVersionAsync(approved, language, cancellationToken)
                : await pdfs.LiveAsync(id, language, cancellationToken);
            if (model is null)
            {
                return NotFound();
            }
            var bytes = await pdfs.RenderAsync(model, cancellationToken);
            var suffix = approved is not null ? $"v{approved.Number}" : localizer["Document.DraftFileSuffix"].Value;
            return File(bytes, ArchivedDocument.PdfContentType, $"{baseName}-{suffix}-{language}.pdf");
        }
        catch (PdfRenderException ex)
        {
            LogPdfFailed(logger, id, language, ex);
            TempData.Flash(OperationResult.Fail(null, ex.Message), string.Empty);
            return RedirectToAction(nameof(Read), new { id, lang = language });
        }
    }

    private async Task<bool> FillAsync(WorkflowFormViewModel form, Guid id, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return false;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        form.ReportId = id;
        form.Title = report.TitleIn(Cultures.Current);
        form.Status = report.Status;
        form.ExpectedVersion = report.Version;
        form.VersionNumber = report.VersionNumber;
        form.Languages = WelfareReport.LanguagesOf(organisation);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The PDF of report {ReportId} in {Language} could not be made")]
    private static partial void LogPdfFailed(ILogger logger, Guid reportId, string language, Exception exception);
}
