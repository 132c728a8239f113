using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Negotiations;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// The yearly negotiations, for the coordinators of both sides: the county's (which schedules them and moves them on)
/// and the member municipality's. A negotiation of anyone else answers 404 (<see cref="NegotiationAccess"/>).
/// </summary>
[Authorize(Roles = Roles.Coordinator)]
[Route("negotiations")]
public sealed partial class NegotiationsController(
    NegotiationService negotiations,
    NegotiationAccess access,
    AgendaSuggestions suggestions,
    NegotiationDocuments documents,
    ILogger<NegotiationsController> logger) : Controller
{
    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private RedirectResult AtNegotiation(Guid id, string? anchor = null) =>
        Redirect(Url.Action(nameof(Negotiation), new { id }) + (anchor is null ? string.Empty : "#" + anchor));

    /// <summary>
    /// An approved record is final (issue 18 §4): its forms are not offered even from an old link or bookmark; the
    /// reader is taken back to the record with the reason. The domain refuses the change anyway.
    /// </summary>
    private async Task<IActionResult?> ClosedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(id, tracked: false, cancellationToken) is not { IsApproved: true })
        {
            return null;
        }
        TempData.Flash(OperationResult.Fail(null, "Negotiation.Validation.Approved"), string.Empty);
        return AtNegotiation(id);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await negotiations.ListAsync(Cultures.Current, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Schedule(CancellationToken cancellationToken) =>
        await negotiations.ScheduleFormAsync(null, Cultures.Current, cancellationToken) is { } form ? View("ScheduleForm", form) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> Schedule(ScheduleFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        if (ModelState.IsValid)
        {
            var (result, id) = await negotiations.ScheduleAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync<ScheduleFormViewModel>(result, "Negotiation.ScheduledMessage", () => AtNegotiation(id!.Value)) is { } answer)
            {
                return answer;
            }
        }
        return await ScheduleFormAgain(form, cancellationToken);
    }

    [HttpGet("{id:guid}/schedule")]
    public async Task<IActionResult> Reschedule(Guid id, CancellationToken cancellationToken) =>
        // Only the county has this form (the member gets 404); an approved record then leads back to the record.
        await negotiations.ScheduleFormAsync(id, Cultures.Current, cancellationToken) is { } form
            ? await ClosedAsync(id, cancellationToken) ?? View("ScheduleForm", form)
            : NotFound();

    [HttpPost("{id:guid}/schedule")]
    public async Task<IActionResult> Reschedule(Guid id, ScheduleFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        if (ModelState.IsValid)
        {
            var result = await negotiations.RescheduleAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Negotiation.SavedMessage", () => AtNegotiation(id),
                    () => negotiations.ScheduleFormAsync(id, Cultures.Current, cancellationToken), "ScheduleForm") is { } answer)
            {
                return answer;
            }
        }
        return await ScheduleFormAgain(form, cancellationToken);
    }

    private async Task<IActionResult> ScheduleFormAgain(ScheduleFormViewModel form, CancellationToken cancellationToken)
    {
        var options = await negotiations.ScheduleFormAsync(form.Id, Cultures.Current, cancellationToken);
        if (options is null)
        {
            return NotFound();
        }
        form.Members = options.Members;
        return View("ScheduleForm", form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Negotiation(Guid id, CancellationToken cancellationToken)
    {
        var document = await documents.BuildAsync(id, Cultures.Current, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        return View(new NegotiationPageViewModel { Document = document, HasPlan = await negotiations.OwnPlanAsync(cancellationToken) is not null });
    }

    // ---- agenda

    [HttpGet("{id:guid}/items/new")]
    public async Task<IActionResult> NewItem(Guid id, CancellationToken cancellationToken) =>
        await ClosedAsync(id, cancellationToken)
        ?? (await negotiations.ItemFormAsync(id, null, Cultures.Current, cancellationToken) is { } form ? View("ItemForm", form) : NotFound());

    [HttpPost("{id:guid}/items/new")]
    public Task<IActionResult> NewItem(Guid id, AgendaItemFormViewModel form, CancellationToken cancellationToken) => SaveItem(id, null, form, cancellationToken);

    [HttpGet("{id:guid}/items/{itemId:guid}")]
    public async Task<IActionResult> EditItem(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        await ClosedAsync(id, cancellationToken)
        ?? (await negotiations.ItemFormAsync(id, itemId, Cultures.Current, cancellationToken) is { } form ? View("ItemForm", form) : NotFound());

    [HttpPost("{id:guid}/items/{itemId:guid}")]
    public Task<IActionResult> EditItem(Guid id, Guid itemId, AgendaItemFormViewModel form, CancellationToken cancellationToken) =>
        SaveItem(id, itemId, form, cancellationToken);

    private async Task<IActionResult> SaveItem(Guid id, Guid? itemId, AgendaItemFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.NegotiationId = id;
        form.ItemId = itemId;
        if (ModelState.IsValid)
        {
            var result = await negotiations.SaveItemAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Negotiation.SavedMessage", () => AtNegotiation(id, "agenda"),
                    () => negotiations.ItemFormAsync(id, itemId, Cultures.Current, cancellationToken), "ItemForm") is { } answer)
            {
                return answer;
            }
        }
        var fresh = await negotiations.ItemFormAsync(id, itemId, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        form.Heading = fresh.Heading;
        return View("ItemForm", form);
    }

    [HttpPost("{id:guid}/items/{itemId:guid}/up")]
    public async Task<IActionResult> MoveItemUp(Guid id, Guid itemId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.MoveItemAsync(id, itemId, -1, version, UserId, cancellationToken), null, () => AtNegotiation(id, "agenda"));

    [HttpPost("{id:guid}/items/{itemId:guid}/down")]
    public async Task<IActionResult> MoveItemDown(Guid id, Guid itemId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.MoveItemAsync(id, itemId, 1, version, UserId, cancellationToken), null, () => AtNegotiation(id, "agenda"));

    [HttpGet("{id:guid}/items/{itemId:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveItem(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        await negotiations.ConfirmAsync(id, "RemoveItem", itemId, Cultures.Current, cancellationToken) is { } model ? View("Confirm", model) : NotFound();

    [HttpPost("{id:guid}/items/{itemId:guid}/remove")]
    public async Task<IActionResult> RemoveItem(Guid id, Guid itemId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.RemoveItemAsync(id, itemId, version, UserId, cancellationToken), "Negotiation.RemovedMessage", () => AtNegotiation(id, "agenda"));

    [HttpGet("{id:guid}/suggestions")]
    public async Task<IActionResult> Suggestions(Guid id, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return NotFound();
        }
        var side = access.SideOf(negotiation);
        return View(new SuggestionsViewModel
        {
            NegotiationId = id,
            Version = negotiation.Version,
            Heading = await negotiations.HeadingAsync(negotiation, Cultures.Current, cancellationToken),
            Suggestions = await suggestions.ForAsync(Cultures.Current, cancellationToken),
            Added = negotiation.Agenda.Where(i => i.Side == side).Select(i => i.Title).ToHashSet(StringComparer.Ordinal),
        });
    }

    [HttpPost("{id:guid}/suggestions")]
    public async Task<IActionResult> AddSuggestion(Guid id, string? key, Guid version, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(id, tracked: false, cancellationToken) is null)
        {
            return NotFound();
        }
        var suggestion = (await suggestions.ForAsync(Cultures.Current, cancellationToken)).FirstOrDefault(s => s.Key == key);
        var result = await negotiations.AddSuggestionAsync(id, version, suggestion, UserId, cancellationToken);
        return this.Flashed(result, "Negotiation.SuggestionAdded", () => RedirectToAction(nameof(Suggestions), new { id }));
    }

    // ---- state moves (the county)

    [HttpGet("{id:guid}/{step:regex(^(held|approve)$)}")]
    public async Task<IActionResult> Confirm(Guid id, string step, CancellationToken cancellationToken) =>
        await negotiations.ConfirmAsync(id, step == "held" ? "Held" : "Approve", null, Cultures.Current, cancellationToken) is { } model
            ? View("Confirm", model) : NotFound();

    [HttpPost("{id:guid}/held")]
    public async Task<IActionResult> MarkHeld(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.MarkHeldAsync(id, version, UserId, cancellationToken), "Negotiation.HeldMessage", () => AtNegotiation(id, "record"));

    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.ApproveAsync(id, version, UserId, cancellationToken), "Negotiation.ApprovedMessage", () => AtNegotiation(id));

    // ---- the record

    [HttpPost("{id:guid}/summary")]
    public async Task<IActionResult> Summary(Guid id, Guid version, string? summary, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.WriteSummaryAsync(id, version, summary, UserId, cancellationToken), "Negotiation.SavedMessage",
            () => AtNegotiation(id, "record"));

    [HttpPost("{id:guid}/participants")]
    public async Task<IActionResult> AddParticipant(Guid id, Guid version, string? name, NegotiationSide side, string? role, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.AddParticipantAsync(id, version, name, side, role, UserId, cancellationToken), "Negotiation.SavedMessage",
            () => AtNegotiation(id, "participants"));

    [HttpPost("{id:guid}/participants/{participantId:guid}/remove")]
    public async Task<IActionResult> RemoveParticipant(Guid id, Guid participantId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.RemoveParticipantAsync(id, participantId, version, UserId, cancellationToken), "Negotiation.RemovedMessage",
            () => AtNegotiation(id, "participants"));

    [HttpGet("{id:guid}/agreements/new")]
    public async Task<IActionResult> NewAgreement(Guid id, CancellationToken cancellationToken) =>
        await ClosedAsync(id, cancellationToken)
        ?? (await negotiations.AgreementFormAsync(id, null, Cultures.Current, cancellationToken) is { } form ? View("AgreementForm", form) : NotFound());

    [HttpPost("{id:guid}/agreements/new")]
    public Task<IActionResult> NewAgreement(Guid id, AgreementFormViewModel form, CancellationToken cancellationToken) =>
        SaveAgreement(id, null, form, cancellationToken);

    [HttpGet("{id:guid}/agreements/{agreementId:guid}")]
    public async Task<IActionResult> EditAgreement(Guid id, Guid agreementId, CancellationToken cancellationToken) =>
        await ClosedAsync(id, cancellationToken)
        ?? (await negotiations.AgreementFormAsync(id, agreementId, Cultures.Current, cancellationToken) is { } form ? View("AgreementForm", form) : NotFound());

    [HttpPost("{id:guid}/agreements/{agreementId:guid}")]
    public Task<IActionResult> EditAgreement(Guid id, Guid agreementId, AgreementFormViewModel form, CancellationToken cancellationToken) =>
        SaveAgreement(id, agreementId, form, cancellationToken);

    private async Task<IActionResult> SaveAgreement(Guid id, Guid? agreementId, AgreementFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.NegotiationId = id;
        form.AgreementId = agreementId;
        if (ModelState.IsValid)
        {
            var result = await negotiations.SaveAgreementAsync(form, UserId, cancellationToken);
            if (await this.AnswerAsync(result, "Negotiation.SavedMessage", () => AtNegotiation(id, "agreements"),
                    () => negotiations.AgreementFormAsync(id, agreementId, Cultures.Current, cancellationToken), "AgreementForm") is { } answer)
            {
                return answer;
            }
        }
        var fresh = await negotiations.AgreementFormAsync(id, agreementId, Cultures.Current, cancellationToken);
        if (fresh is null)
        {
            return NotFound();
        }
        (form.Heading, form.Bilingual) = (fresh.Heading, fresh.Bilingual);
        return View("AgreementForm", form);
    }

    [HttpGet("{id:guid}/agreements/{agreementId:guid}/remove")]
    public async Task<IActionResult> ConfirmRemoveAgreement(Guid id, Guid agreementId, CancellationToken cancellationToken) =>
        await negotiations.ConfirmAsync(id, "RemoveAgreement", agreementId, Cultures.Current, cancellationToken) is { } model ? View("Confirm", model) : NotFound();

    [HttpPost("{id:guid}/agreements/{agreementId:guid}/remove")]
    public async Task<IActionResult> RemoveAgreement(Guid id, Guid agreementId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.RemoveAgreementAsync(id, agreementId, version, UserId, cancellationToken), "Negotiation.RemovedMessage",
            () => AtNegotiation(id, "agreements"));

    [HttpPost("{id:guid}/agreements/{agreementId:guid}/plan")]
    public async Task<IActionResult> AddToPlan(Guid id, Guid agreementId, Guid version, CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.AddToPlanAsync(id, agreementId, version, UserId, Cultures.Current, cancellationToken), "Negotiation.AddedToPlan",
            () => AtNegotiation(id, "agreements"));

    [HttpPost("{id:guid}/follow-up/{agreementId:guid}")]
    public async Task<IActionResult> FollowUp(Guid id, Guid agreementId, Guid version, AgreementProgress progress, string? note,
        CancellationToken cancellationToken) =>
        this.Flashed(await negotiations.FollowUpAsync(id, version, agreementId, progress, note, UserId, cancellationToken), "Negotiation.SavedMessage",
            () => AtNegotiation(id, "follow-up"));

    // ---- print and PDF

    [HttpGet("{id:guid}/print")]
    [Valfard.Web.Features.Documents.PrintInDocumentLanguage]
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
            return AtNegotiation(id);
        }
    }

    /// <summary>The record is printed in Finnish or Swedish; English readers get Finnish.</summary>
    private static string DocumentLanguage(string? lang) => lang == "sv" || (lang is null && Cultures.Current == "sv") ? "sv" : "fi";

    [LoggerMessage(Level = LogLevel.Error, Message = "The PDF of negotiation {NegotiationId} in {Language} could not be made")]
    private static partial void LogPdfFailed(ILogger logger, Guid negotiationId, string language, Exception exception);
}
