using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Sections;

/// <summary>Writing one section: the editor page, autosave, status, revision history and restore.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor}")]
[Route("reports/{reportId:guid}/sections/{sectionId:guid}")]
public sealed class SectionsController(
    SectionWriting writing,
    RevisionHistory history,
    CommentService comments,
    IndicatorService indicators,
    IndicatorSetService sets,
    IndicatorCatalogue catalogue,
    Assessments.YearAssessments yearAssessments,
    County.MembersComparison membersComparison,
    County.MembersGoals membersGoals,
    ActorResolver actors,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>How many catalogue results the section editor's indicator picker lists.</summary>
    public const int PickerResults = 10;
    private const string AddedKey = "SectionIndicatorAdded";

    /// <param name="find">Words or a number to search the indicator catalogue with, for the indicator picker.</param>
    [HttpGet("")]
    public async Task<IActionResult> Edit(Guid reportId, Guid sectionId, string? find, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var model = await writing.EditorAsync(reportId, sectionId, actor, Cultures.Current, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        var isCouncilMember = User.IsInRole(Roles.CouncilMember);
        var canComment = CommentService.CanComment(model.ReportStatus, actor, isCouncilMember);
        model.Comments = await comments.ForSectionAsync(reportId, sectionId, canComment, CommentService.ResolvesOnlyThreadsOf(actor, isCouncilMember),
            cancellationToken);
        model.Indicators = await indicators.PagesAsync(await sets.SectionIndicatorIdsAsync(sectionId, cancellationToken), Cultures.Current, cancellationToken);
        model.IndicatorSets = model.CanWrite ? await sets.ListAsync(Cultures.Current, cancellationToken) : [];
        if (model.CanWrite && !string.IsNullOrWhiteSpace(find))
        {
            model.CatalogueSearch = await catalogue.SearchAsync(find, 1, PickerResults, Cultures.Current, cancellationToken);
        }
        if (model.ListsAssessments)
        {
            model.Assessments = await yearAssessments.ForReportAsync(reportId, Cultures.Current == "sv" ? "sv" : "fi", cancellationToken);
        }
        if (model.MembersIndicatorId is { } membersId)
        {
            model.Members = await membersComparison.ForAsync(membersId, Cultures.Current == "sv" ? "sv" : "fi", cancellationToken);
        }
        if (model.SummarisesMembersGoals)
        {
            model.MembersGoals = await membersGoals.ForAsync(Cultures.Current == "sv" ? "sv" : "fi", cancellationToken);
        }
        if (TempData[AddedKey] is int added)
        {
            model.AddedIndicator = await catalogue.AddedAsync(added, null, Cultures.Current, cancellationToken);
        }
        return View(model);
    }

    /// <summary>Autosave: answers JSON; 409 with the other person's text when the save was based on an old version.</summary>
    [HttpPost("text/{language:regex(^(fi|sv)$)}")]
    [RequestSizeLimit(2_000_000)]
    public async Task<IActionResult> SaveText(Guid reportId, Guid sectionId, string language, [FromForm] string? html,
        [FromForm] Guid version, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var outcome = await writing.SaveAsync(reportId, sectionId, language, html, version, actor, cancellationToken);
        return outcome.Kind switch
        {
            SaveOutcomeKind.Saved => Json(new { status = "saved", version = outcome.Version, savedAt = outcome.SavedAt }),
            SaveOutcomeKind.Conflict => StatusCode(StatusCodes.Status409Conflict, new
            {
                status = "conflict",
                version = outcome.Version,
                savedAt = outcome.SavedAt,
                html = outcome.TheirHtml,
                author = outcome.TheirAuthor,
                message = localizer["Sections.ConflictExplain", outcome.TheirAuthor ?? "?"].Value,
            }),
            SaveOutcomeKind.NotFound => NotFound(new { status = "error", message = localizer["Error.NotFound.Title"].Value }),
            SaveOutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden, new { status = "error", message = localizer[outcome.ErrorKey!].Value }),
            _ => BadRequest(new { status = "error", message = localizer[outcome.ErrorKey ?? "Error.BadRequest.Body"].Value }),
        };
    }

    [HttpPost("indicators")]
    public Task<IActionResult> AddIndicator(Guid reportId, Guid sectionId, int indicatorId, CancellationToken cancellationToken) =>
        ChangeIndicator(reportId, sectionId, indicatorId, true, cancellationToken);

    /// <summary>Inserts (an indicator) or removes (none) the block "Member municipalities compared" of a regional report.</summary>
    [HttpPost("members")]
    public async Task<IActionResult> CompareMembers(Guid reportId, Guid sectionId, int? indicatorId, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.CompareMembersAsync(reportId, sectionId, indicatorId, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, indicatorId is null ? "Sections.MembersRemoved" : "Sections.MembersAdded");
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#members");
    }

    /// <summary>Inserts (show=true) or removes the block "Member municipalities' goals by life stage" of a regional report.</summary>
    [HttpPost("members-goals")]
    public async Task<IActionResult> SummariseMembersGoals(Guid reportId, Guid sectionId, bool show, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.SummariseMembersGoalsAsync(reportId, sectionId, show, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, show ? "Sections.MembersGoals.Added" : "Sections.MembersGoals.Removed");
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#members-goals");
    }

    /// <summary>Inserts (show=true) or removes the block of the year's impact assessments.</summary>
    [HttpPost("assessments")]
    public async Task<IActionResult> ShowAssessments(Guid reportId, Guid sectionId, bool show, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.ShowAssessmentsAsync(reportId, sectionId, show, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, show ? "Sections.AssessmentsAdded" : "Sections.AssessmentsRemoved");
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#assessments");
    }

    /// <summary>Marks the section as left empty on purpose with a reason (leave=true), or takes the mark away.</summary>
    [HttpPost("empty")]
    public async Task<IActionResult> LeaveEmpty(Guid reportId, Guid sectionId, bool leave, string? reasonFi, string? reasonSv,
        CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.LeaveEmptyAsync(reportId, sectionId, leave, reasonFi, reasonSv, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, leave ? "Sections.LeftEmpty" : "Sections.TextExpected");
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#empty-on-purpose");
    }

    /// <summary>Renames the section in this report, in Finnish and Swedish.</summary>
    [HttpPost("title")]
    public async Task<IActionResult> Retitle(Guid reportId, Guid sectionId, SectionTitleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.RetitleAsync(reportId, sectionId, form.TitleFi, form.TitleSv, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Sections.Retitled");
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#section-title");
    }

    [HttpPost("indicators/{indicatorId:int}/remove")]
    public Task<IActionResult> RemoveIndicator(Guid reportId, Guid sectionId, int indicatorId, CancellationToken cancellationToken) =>
        ChangeIndicator(reportId, sectionId, indicatorId, false, cancellationToken);

    private async Task<IActionResult> ChangeIndicator(Guid reportId, Guid sectionId, int indicatorId, bool add, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await sets.ChangeSectionAsync(reportId, sectionId, indicatorId, add, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (add && result.Succeeded)
        {
            // The page then says whether the indicator has values yet, and offers "fetch now" when it has none.
            TempData[AddedKey] = indicatorId;
        }
        else
        {
            TempData.Flash(result, add ? "Sections.IndicatorAdded" : "Sections.IndicatorRemoved");
        }
        return Redirect(Url.Action(nameof(Edit), new { reportId, sectionId }) + "#indicators");
    }

    [HttpPost("status")]
    public async Task<IActionResult> SetStatus(Guid reportId, Guid sectionId, SectionStatus status, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await writing.SetStatusAsync(reportId, sectionId, status, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Sections.StatusSaved");
        return RedirectToAction(nameof(Edit), new { reportId, sectionId });
    }

    [HttpGet("history/{language:regex(^(fi|sv)$)}")]
    public async Task<IActionResult> History(Guid reportId, Guid sectionId, string language, int? from, int? to, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var model = await history.ShowAsync(reportId, sectionId, language, from, to, actor, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("history/{language:regex(^(fi|sv)$)}/{number:int}/restore")]
    public async Task<IActionResult> Restore(Guid reportId, Guid sectionId, string language, int number, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await history.RestoreAsync(reportId, sectionId, language, number, actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        TempData.Flash(result, "Sections.Restored");
        return RedirectToAction(nameof(History), new { reportId, sectionId, language });
    }
}
