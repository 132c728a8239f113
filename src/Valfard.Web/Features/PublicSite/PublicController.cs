using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Feedback;
using Valfard.Web.Startup;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// The published reports for residents, at addresses a municipality can link to from its own site:
/// /{lang}, /{lang}/{organisation}, /{lang}/{organisation}/{report} and its PDF under /{lang}/{organisation}/{report}/pdf.
/// </summary>
[AllowAnonymous]
[Route("{lang:regex(^(fi|sv|en)$)}")]
public sealed class PublicController(PublicSiteService site, ResidentFeedbackService feedback,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : Controller
{
    // Square brackets are doubled: single ones are route tokens in attribute routes.
    public const string SlugPattern = "regex(^[[a-z0-9]]+(-[[a-z0-9]]+)*$)";

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("")]
    public async Task<IActionResult> Front(string lang, string? q, CancellationToken cancellationToken) =>
        View(await site.FrontPageAsync(lang, q, cancellationToken));

    /// <summary>The accessibility statement Act 306/2019 requires (saavutettavuusseloste / tillgänglighetsutlåtande).</summary>
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("accessibility")]
    public IActionResult Accessibility() => View();

    /// <summary>The privacy notice (tietosuojaseloste / dataskyddsbeskrivning) the GDPR's articles 13 and 14 require.</summary>
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("privacy")]
    public IActionResult Privacy([FromServices] Microsoft.Extensions.Options.IOptions<AuditRetentionOptions> retention) =>
        View(retention.Value.RetentionDays);

    /// <summary>Accessibility feedback: reaches the chosen organisation's coordinator, who must answer within 14 days.</summary>
    [HttpGet("accessibility/feedback")]
    public async Task<IActionResult> AccessibilityFeedback(string lang, string? organisation, string? page, bool sent, CancellationToken cancellationToken) =>
        View(await FeedbackPageAsync(lang, new AccessibilityFeedbackForm { Organisation = organisation, Page = page }, sent, cancellationToken));

    [HttpPost("accessibility/feedback")]
    [EnableRateLimiting(ServiceSetup.PublicFeedbackRateLimit)]
    public async Task<IActionResult> AccessibilityFeedback(string lang, AccessibilityFeedbackForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            if (await feedback.SubmitAccessibilityFeedbackAsync(lang, form, cancellationToken))
            {
                return Redirect($"/{lang}/accessibility/feedback?sent=true");
            }
            ModelState.AddModelError(nameof(form.Organisation), localizer["Public.AccessibilityFeedback.UnknownOrganisation"]);
        }
        return View(await FeedbackPageAsync(lang, form, false, cancellationToken));
    }

    private async Task<AccessibilityFeedbackPage> FeedbackPageAsync(string lang, AccessibilityFeedbackForm form, bool sent, CancellationToken cancellationToken) =>
        new()
        {
            Language = lang,
            Organisations = (await site.FrontPageAsync(lang, null, cancellationToken)).Organisations,
            Form = form,
            Sent = sent,
        };

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("{organisation:" + SlugPattern + "}")]
    public async Task<IActionResult> Organisation(string lang, string organisation, CancellationToken cancellationToken)
    {
        var model = await site.OrganisationAsync(organisation, lang, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}")]
    public async Task<IActionResult> Report(string lang, string organisation, string report, CancellationToken cancellationToken)
    {
        var model = await site.ReportAsync(organisation, report, lang, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        model.Feedback = await feedback.ApprovedAsync(model.OrganisationId, model.ReportId, cancellationToken);
        return View(model);
    }

    /// <summary>The feedback form has a page of its own so the report page carries no antiforgery token and can be cached.</summary>
    [HttpGet("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}/feedback")]
    public async Task<IActionResult> Feedback(string lang, string organisation, string report, bool sent, CancellationToken cancellationToken)
    {
        var model = await site.ReportAsync(organisation, report, lang, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        model.FeedbackSent = sent;
        return View("ReportFeedback", model);
    }

    /// <summary>Open data: the published version's indicator values, its plan, or both as JSON.</summary>
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}/{file:regex(^((indicators|comparisons|plan)(-excel)?\\.csv|data\\.json)$)}")]
    public async Task<IActionResult> OpenDataFile(string lang, string organisation, string report, string file, CancellationToken cancellationToken)
    {
        var model = await site.ReportAsync(organisation, report, lang, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        var name = $"{organisation}-{report}-v{model.Decision.VersionNumber}-{model.Document.Language}-{file}";
        return file switch
        {
            "indicators.csv" => File(OpenData.IndicatorsCsv(model.Document), "text/csv; charset=utf-8", name),
            "plan.csv" => File(OpenData.PlanCsv(model.Document.Plan), "text/csv; charset=utf-8", name),
            "comparisons.csv" => File(OpenData.ComparisonsCsv(model.Document), "text/csv; charset=utf-8", name),
            "indicators-excel.csv" => File(OpenData.IndicatorsSheet(model.Document, Text), "text/csv; charset=utf-8", name),
            "plan-excel.csv" => File(OpenData.PlanSheet(model.Document.Plan, Text), "text/csv; charset=utf-8", name),
            "comparisons-excel.csv" => File(OpenData.ComparisonsSheet(model.Document, Text), "text/csv; charset=utf-8", name),
            _ => File(OpenData.JsonDocument(model), "application/json; charset=utf-8", name),
        };
    }

    /// <summary>Column names and coded values of the people's files, in the language of the address.</summary>
    private string Text(string resourceKey) => localizer[resourceKey];

    /// <summary>A resident's comment on the report; it waits for the coordinator before it is shown.</summary>
    [HttpPost("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}/feedback")]
    [EnableRateLimiting(ServiceSetup.PublicFeedbackRateLimit)]
    public async Task<IActionResult> Feedback(string lang, string organisation, string report, [Bind(Prefix = "FeedbackForm")] ReportFeedbackForm form,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            return await feedback.SubmitReportFeedbackAsync(organisation, report, lang, form, cancellationToken)
                ? Redirect($"/{lang}/{organisation}/{report}/feedback?sent=true")
                : NotFound();
        }
        var model = await site.ReportAsync(organisation, report, lang, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        model.FeedbackForm = form;
        return View("ReportFeedback", model);
    }

    /// <summary>The archived PDF, byte for byte; its SHA-256 is the ETag so a cached copy is revalidated cheaply.</summary>
    [HttpGet("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}/pdf")]
    public async Task<IActionResult> Pdf(string lang, string organisation, string report, CancellationToken cancellationToken)
    {
        var document = await site.PdfAsync(organisation, report, lang, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        Response.Headers["X-Content-SHA256"] = document.Sha256;
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(document.Content, ArchivedDocument.PdfContentType, $"{organisation}-{report}-{document.Language}.pdf",
            lastModified: document.CreatedAt, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""));
    }
}
