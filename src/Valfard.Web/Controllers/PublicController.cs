using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Reports;
using Valfard.Web.Services.PublicSite;

namespace Valfard.Web.Controllers;

/// <summary>
/// The published reports for residents, at addresses a municipality can link to from its own site:
/// /{lang}, /{lang}/{organisation}, /{lang}/{organisation}/{report} and its PDF under /{lang}/{organisation}/{report}/pdf.
/// </summary>
[AllowAnonymous]
[Route("{lang:regex(^(fi|sv|en)$)}")]
public sealed class PublicController(PublicSiteService site) : Controller
{
    // Square brackets are doubled: single ones are route tokens in attribute routes.
    public const string SlugPattern = "regex(^[[a-z0-9]]+(-[[a-z0-9]]+)*$)";

    [HttpGet("")]
    public async Task<IActionResult> Front(string lang, string? q, CancellationToken cancellationToken) =>
        View(await site.FrontPageAsync(lang, q, cancellationToken));

    /// <summary>The accessibility statement Act 306/2019 requires (saavutettavuusseloste / tillgänglighetsutlåtande).</summary>
    [HttpGet("accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("{organisation:" + SlugPattern + "}")]
    public async Task<IActionResult> Organisation(string lang, string organisation, CancellationToken cancellationToken)
    {
        var model = await site.OrganisationAsync(organisation, lang, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{organisation:" + SlugPattern + "}/{report:" + SlugPattern + "}")]
    public async Task<IActionResult> Report(string lang, string organisation, string report, CancellationToken cancellationToken)
    {
        var model = await site.ReportAsync(organisation, report, lang, cancellationToken);
        return model is null ? NotFound() : View(model);
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
