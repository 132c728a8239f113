using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.PublicSite;

namespace Valfard.Web.Features.Assessments;

/// <summary>Residents read the assessments an organisation has published: how a decision was weighed.</summary>
[AllowAnonymous]
[Route("{lang:regex(^(fi|sv|en)$)}/{organisation:" + PublicController.SlugPattern + "}/assessments")]
public sealed class PublicAssessmentsController(ValfardDbContext db, AssessmentDocuments documents, AssessmentService assessments, OrganisationOverride scope)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string lang, string organisation, CancellationToken cancellationToken)
    {
        var found = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == organisation, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        var published = (await db.ImpactAssessments.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter]).Include(a => a.Alternatives)
                .Where(a => a.OrganisationId == found.Id && a.IsPublished).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.DecisionDate ?? a.PlannedDecisionDate)
            .Select(a => new AssessmentRow(a.Id, a.DecisionTitle, a.Language, a.PreparingBody, a.PlannedDecisionDate, a.Status, a.IsChildImpact,
                a.Alternatives.FirstOrDefault(x => x.Id == a.ChosenAlternativeId)?.Title, a.DecisionDate, a.DecisionParagraph, a.IsPublished))
            .ToList();
        return View("PublicIndex", new PublicAssessmentsViewModel(lang == "en" ? "fi" : lang, found.Slug, found.NameIn(lang), published) { UiLanguage = lang });
    }

    /// <summary>The published assessment on the public site's page, from the same document the agenda's PDF is printed from.</summary>
    [HttpGet("{id:guid}")]
    [PrintInDocumentLanguage]
    public async Task<IActionResult> Assessment(string lang, string organisation, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == organisation, cancellationToken);
        if (found is null || !await db.ImpactAssessments.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
                .AnyAsync(a => a.Id == id && a.OrganisationId == found.Id && a.IsPublished, cancellationToken))
        {
            return NotFound();
        }
        // A resident has no organisation: this request reads the one organisation whose published assessment it is, so
        // that the document's indicators and goals come through the same tenant-filtered code as for its own staff.
        scope.OrganisationId = found.Id;
        var document = await documents.BuildAsync(id, lang == "sv" ? "sv" : "fi", cancellationToken);
        return document is null ? NotFound() : View("PublicAssessment", new PublicAssessmentViewModel(lang, found.Slug, document,
            await assessments.ArchivedAsync(id, cancellationToken)));
    }

    /// <summary>The PDF archived when the decision was recorded: what the decision-makers read, byte for byte.</summary>
    [HttpGet("{id:guid}/pdf/{language:regex(^(fi|sv)$)}")]
    public async Task<IActionResult> Pdf(string lang, string organisation, Guid id, string language, CancellationToken cancellationToken)
    {
        var found = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == organisation, cancellationToken);
        var assessment = found is null ? null : await db.ImpactAssessments.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .FirstOrDefaultAsync(a => a.Id == id && a.OrganisationId == found.Id && a.IsPublished, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }
        scope.OrganisationId = found!.Id;
        var archived = await assessments.ArchivedDocumentAsync(id, language, cancellationToken);
        return archived is null ? NotFound() : File(archived.Content, "application/pdf", documents.FileName(assessment.DecisionTitle, language));
    }
}

public sealed record PublicAssessmentsViewModel(string Language, string Slug, string OrganisationName, IReadOnlyList<AssessmentRow> Rows)
{
    /// <summary>The language of the address (fi, sv or en), for the links.</summary>
    public string UiLanguage { get; init; } = Language;
}

/// <param name="Language">The language of the address (fi, sv or en).</param>
public sealed record PublicAssessmentViewModel(string Language, string Slug, AssessmentDocument Document, IReadOnlyList<ArchivedAssessmentView> Archived);
