using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Assessments;

/// <summary>Impact assessments in advance: editors and coordinators start, write, complete and record the decision.</summary>
[Authorize(Roles = Writers)]
[Route("assessments")]
public sealed partial class AssessmentsController(
    AssessmentService assessments,
    AssessmentDocuments documents,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AssessmentsController> logger)
    : Controller
{
    public const string Writers = $"{Roles.Coordinator},{Roles.Editor}";

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private RedirectResult AtAssessment(Guid id, string? anchor = null) =>
        Redirect(Url.Action(nameof(Assessment), new { id }) + (anchor is null ? string.Empty : "#" + anchor));

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await assessments.RegisterAsync(User.IsInRole(Roles.Coordinator), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Start(CancellationToken cancellationToken) =>
        await assessments.DetailsFormAsync(null, UserId, Cultures.Current, cancellationToken) is { } form ? View("DetailsForm", form) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> Start(DetailsFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        if (ModelState.IsValid)
        {
            var (result, id) = await assessments.StartAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync<DetailsFormViewModel>(result, "Assessment.Started", () => AtAssessment(id!.Value)) is { } answer)
            {
                return answer;
            }
        }
        return await DetailsFormAgain(form, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Assessment(Guid id, CancellationToken cancellationToken)
    {
        var document = await documents.BuildAsync(id, Cultures.Current, cancellationToken);
        return document is null ? NotFound() : View(new AssessmentPageViewModel
        {
            Document = document,
            ProposalText = documents.ProposalText(document),
            Archived = await assessments.ArchivedAsync(id, cancellationToken),
            History = await assessments.HistoryAsync(id, cancellationToken),
        });
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await assessments.DetailsFormAsync(id, UserId, Cultures.Current, cancellationToken) is { } form ? View("DetailsForm", form) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, DetailsFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        if (ModelState.IsValid)
        {
            var result = await assessments.SaveDetailsAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Assessment.Saved", () => AtAssessment(id),
                    () => assessments.DetailsFormAsync(id, UserId, Cultures.Current, cancellationToken), "DetailsForm") is { } answer)
            {
                return answer;
            }
        }
        return await DetailsFormAgain(form, cancellationToken);
    }

    private async Task<IActionResult> DetailsFormAgain(DetailsFormViewModel form, CancellationToken cancellationToken)
    {
        // The assessment being edited must still be there (and be the organisation's own) before its form is shown again.
        var options = await assessments.DetailsFormAsync(form.Id, UserId, Cultures.Current, cancellationToken);
        if (options is null)
        {
            return NotFound();
        }
        form.Preparers = options.Preparers;
        form.Bilingual = options.Bilingual;
        return View("DetailsForm", form);
    }

    [HttpGet("{id:guid}/alternatives/new")]
    public async Task<IActionResult> NewAlternative(Guid id, CancellationToken cancellationToken) =>
        await assessments.AlternativeFormAsync(id, null, cancellationToken) is { } form ? View("AlternativeForm", form) : NotFound();

    [HttpGet("{id:guid}/alternatives/{alternativeId:guid}")]
    public async Task<IActionResult> EditAlternative(Guid id, Guid alternativeId, CancellationToken cancellationToken) =>
        await assessments.AlternativeFormAsync(id, alternativeId, cancellationToken) is { } form ? View("AlternativeForm", form) : NotFound();

    [HttpPost("{id:guid}/alternatives/new")]
    public Task<IActionResult> NewAlternative(Guid id, AlternativeFormViewModel form, CancellationToken cancellationToken) =>
        SaveAlternative(id, null, form, cancellationToken);

    [HttpPost("{id:guid}/alternatives/{alternativeId:guid}")]
    public Task<IActionResult> EditAlternative(Guid id, Guid alternativeId, AlternativeFormViewModel form, CancellationToken cancellationToken) =>
        SaveAlternative(id, alternativeId, form, cancellationToken);

    private async Task<IActionResult> SaveAlternative(Guid id, Guid? alternativeId, AlternativeFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.AssessmentId = id;
        form.AlternativeId = alternativeId;
        if (ModelState.IsValid)
        {
            var result = await assessments.SaveAlternativeAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Assessment.Saved", () => AtAssessment(id, "alternatives"),
                    () => assessments.AlternativeFormAsync(id, alternativeId, cancellationToken), "AlternativeForm") is { } answer)
            {
                return answer;
            }
        }
        var fresh = await assessments.AlternativeFormAsync(id, alternativeId, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.DecisionTitle = fresh.DecisionTitle;
        form.IsDoNothing = fresh.IsDoNothing;
        return View("AlternativeForm", form);
    }

    [HttpGet("{id:guid}/alternatives/{alternativeId:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveAlternative(Guid id, Guid alternativeId, CancellationToken cancellationToken) =>
        await assessments.ConfirmAsync(id, "RemoveAlternative", alternativeId, cancellationToken) is { } model ? View("Confirm", model) : NotFound();

    [HttpPost("{id:guid}/alternatives/{alternativeId:guid}/remove")]
    public async Task<IActionResult> RemoveAlternative(Guid id, Guid alternativeId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await assessments.RemoveAlternativeAsync(id, alternativeId, version, UserId, cancellationToken), "Assessment.AlternativeRemoved",
            () => AtAssessment(id, "alternatives"));

    [HttpGet("{id:guid}/impacts/{impactId:guid}")]
    public async Task<IActionResult> Impact(Guid id, Guid impactId, CancellationToken cancellationToken) =>
        await assessments.ImpactFormAsync(id, impactId, Cultures.Current, cancellationToken) is { } form ? View("ImpactForm", form) : NotFound();

    [HttpPost("{id:guid}/impacts/{impactId:guid}")]
    public async Task<IActionResult> Impact(Guid id, Guid impactId, ImpactFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.AssessmentId = id;
        form.ImpactId = impactId;
        if (ModelState.IsValid)
        {
            var result = await assessments.SaveImpactAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Assessment.Saved", () => AtAssessment(id, "impacts"),
                    () => assessments.ImpactFormAsync(id, impactId, Cultures.Current, cancellationToken), "ImpactForm") is { } answer)
            {
                return answer;
            }
        }
        return await assessments.FillImpactFormAsync(form, Cultures.Current, cancellationToken) is { } again ? View("ImpactForm", again) : NotFound();
    }

    [HttpGet("{id:guid}/conclusion")]
    public async Task<IActionResult> Conclusion(Guid id, CancellationToken cancellationToken) =>
        await assessments.ConclusionFormAsync(id, Cultures.Current, cancellationToken) is { } form ? View("ConclusionForm", form) : NotFound();

    [HttpPost("{id:guid}/conclusion")]
    public async Task<IActionResult> Conclusion(Guid id, ConclusionFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.AssessmentId = id;
        if (ModelState.IsValid)
        {
            var result = await assessments.SaveConclusionAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Assessment.Saved", () => AtAssessment(id, "conclusion"),
                    () => assessments.ConclusionFormAsync(id, Cultures.Current, cancellationToken), "ConclusionForm") is { } answer)
            {
                return answer;
            }
        }
        return await assessments.FillConclusionFormAsync(form, Cultures.Current, cancellationToken) is { } again ? View("ConclusionForm", again) : NotFound();
    }

    /// <summary>The confirmation pages of the state changes and the removal: Complete, Reopen, Publish, Unpublish, Remove.</summary>
    [HttpGet("{id:guid}/{kind:regex(^(complete|reopen|publish|unpublish|remove)$)}")]
    public async Task<IActionResult> Confirm(Guid id, string kind, CancellationToken cancellationToken) =>
        await assessments.ConfirmAsync(id, Kind(kind), null, cancellationToken) is { } model ? View("Confirm", model) : NotFound();

    [HttpPost("{id:guid}/complete")]
    public async Task<IActionResult> Complete(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await assessments.CompleteAsync(id, version, UserId, cancellationToken), "Assessment.CompletedMessage", () => AtAssessment(id));

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await assessments.ReopenAsync(id, version, UserId, cancellationToken), "Assessment.ReopenedMessage", () => AtAssessment(id));

    [HttpPost("{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await assessments.PublishAsync(id, version, true, UserId, cancellationToken), "Assessment.PublishedMessage", () => AtAssessment(id));

    [HttpPost("{id:guid}/unpublish")]
    public async Task<IActionResult> Unpublish(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await assessments.PublishAsync(id, version, false, UserId, cancellationToken), "Assessment.UnpublishedMessage", () => AtAssessment(id));

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var result = await assessments.RemoveAsync(id, version, UserId, cancellationToken);
        return this.Flashed(result, "Assessment.RemovedMessage", () => result.Succeeded ? RedirectToAction(nameof(Index)) : AtAssessment(id));
    }

    [HttpGet("{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, CancellationToken cancellationToken) =>
        await assessments.DecideFormAsync(id, cancellationToken) is { } form ? View("DecideForm", form) : NotFound();

    [HttpPost("{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, DecideFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.AssessmentId = id;
        if (ModelState.IsValid)
        {
            IReadOnlyList<(string Language, byte[] Pdf)> printed;
            try
            {
                printed = await documents.ForArchiveAsync(id, cancellationToken);
            }
            catch (PdfRenderException ex)
            {
                // Nothing is decided without the document the decision-makers read: the form stays, with the reason.
                LogPdfFailed(logger, id, "archive", ex);
                ModelState.AddModelError(string.Empty, localizer[ex.Message]);
                return await assessments.FillDecideFormAsync(form, cancellationToken) is { } failed ? View("DecideForm", failed) : NotFound();
            }
            var result = await assessments.DecideAsync(form, printed, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Assessment.DecidedMessage", () => AtAssessment(id),
                    () => assessments.DecideFormAsync(id, cancellationToken), "DecideForm") is { } answer)
            {
                return answer;
            }
        }
        return await assessments.FillDecideFormAsync(form, cancellationToken) is { } again ? View("DecideForm", again) : NotFound();
    }

    /// <summary>The printable page in Finnish or Swedish (the browser's own print), the same view the PDF is made from.</summary>
    [HttpGet("{id:guid}/print")]
    [PrintInDocumentLanguage]
    public async Task<IActionResult> Print(Guid id, string? lang, CancellationToken cancellationToken) =>
        await documents.PrintAsync(id, DocumentLanguage(lang), inlineCss: false, cancellationToken) is { } model ? View("Print", model) : NotFound();

    [HttpGet("{id:guid}/pdf")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Startup.ServiceSetup.DocumentDownloadRateLimit)]
    public async Task<IActionResult> Pdf(Guid id, string? lang, CancellationToken cancellationToken)
    {
        var language = DocumentLanguage(lang);
        try
        {
            var file = await documents.PdfAsync(id, language, cancellationToken);
            return file is { } found ? File(found.Content, "application/pdf", found.FileName) : NotFound();
        }
        catch (PdfRenderException ex)
        {
            LogPdfFailed(logger, id, language, ex);
            TempData.Flash(OperationResult.Fail(null, ex.Message), string.Empty);
            return AtAssessment(id);
        }
    }

    /// <summary>The PDF archived when the decision was recorded, byte for byte as it was then.</summary>
    [HttpGet("{id:guid}/archived/{lang:regex(^(fi|sv)$)}")]
    public async Task<IActionResult> Archived(Guid id, string lang, CancellationToken cancellationToken)
    {
        var archived = await assessments.ArchivedDocumentAsync(id, lang, cancellationToken);
        var assessment = archived is null ? null : await assessments.LoadAsync(id, tracked: false, cancellationToken);
        return archived is null || assessment is null
            ? NotFound()
            : File(archived.Content, "application/pdf", documents.FileName(assessment.DecisionTitle, lang));
    }

    /// <summary>Documents are printed in Finnish or Swedish, the languages of the agenda; English readers get Finnish.</summary>
    private static string DocumentLanguage(string? lang) => lang == "sv" || (lang is null && Cultures.Current == "sv") ? "sv" : "fi";

    private static string Kind(string route) => route switch
    {
        "complete" => "Complete",
        "reopen" => "Reopen",
        "publish" => "Publish",
        "unpublish" => "Unpublish",
        _ => "Remove",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The PDF of impact assessment {AssessmentId} in {Language} could not be made")]
    private static partial void LogPdfFailed(ILogger logger, Guid assessmentId, string language, Exception exception);
}
