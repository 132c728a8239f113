using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.PublicSite;

namespace Valfard.Web.Features.Assessments;

/// <summary>Residents read the assessments an organisation has published: how a decision was weighed.</summary>
[AllowAnonymous]
[Route("{lang:regex(^(fi|sv|en)$)}/{organisation:" + PublicController.SlugPattern + "}/assessments")]
public sealed class PublicAssessmentsController(ValfardDbContext db, AssessmentDocuments documents, OrganisationOverride scope) : Controller
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
        return View("PublicIndex", new PublicAssessmentsViewModel(lang, found.Slug, found.NameIn(lang), published));
    }

    /// <summary>The published assessment as its print view: the same accessible document the agenda got.</summary>
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
        var model = await documents.PrintAsync(id, lang == "sv" ? "sv" : "fi", inlineCss: false, cancellationToken);
        return model is null ? NotFound() : View(AssessmentDocuments.PrintView, new AssessmentPrintViewModel
        {
            Document = model.Document,
            PrintedAt = model.PrintedAt,
            ForResidents = true,
        });
    }
}

public sealed record PublicAssessmentsViewModel(string Language, string Slug, string OrganisationName, IReadOnlyList<AssessmentRow> Rows);
