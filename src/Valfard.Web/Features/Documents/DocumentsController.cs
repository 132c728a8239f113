using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Documents;

/// <summary>The council document as PDF, for the people who work on the report (residents get it from the public site).</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Editor},{Roles.CouncilMember},{Roles.CouncilSecretary}")]
[Route("reports/{id:guid}")]
public sealed partial class DocumentsController(CouncilDocuments documents, ILogger<DocumentsController> logger) : Controller
{
    /// <summary>Once published, the archived file byte for byte with its hash as ETag; otherwise printed now.</summary>
    [HttpGet("pdf")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Startup.ServiceSetup.DocumentDownloadRateLimit)]
    public async Task<IActionResult> Pdf(Guid id, string? lang, int? version, CancellationToken cancellationToken)
    {
        var language = await documents.LanguageAsync(id, lang, Cultures.Current, cancellationToken);
        if (language is null)
        {
            return NotFound();
        }
        try
        {
            var file = await documents.GetAsync(id, language, version, cancellationToken);
            if (file is null)
            {
                return NotFound();
            }
            if (file.Sha256 is null)
            {
                return File(file.Content, ArchivedDocument.PdfContentType, file.FileName);
            }
            Response.Headers["X-Content-SHA256"] = file.Sha256;
            return File(file.Content, ArchivedDocument.PdfContentType, file.FileName, file.ArchivedAt,
                new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
        }
        catch (PdfRenderException ex)
        {
            LogPdfFailed(logger, id, language, ex);
            TempData.Flash(OperationResult.Fail(null, ex.Message), string.Empty);
            return RedirectToAction("Read", "Workflow", new { id, lang = language });
        }
    }

    /// <summary>A PDF as the board or the council was given it, kept from the day it was sent.</summary>
    [HttpGet("submitted/{documentId:guid}")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Startup.ServiceSetup.DocumentDownloadRateLimit)]
    public async Task<IActionResult> Submitted(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var file = await documents.SubmittedAsync(id, documentId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return File(file.Content, ArchivedDocument.PdfContentType, file.FileName, file.ArchivedAt,
            new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The PDF of report {ReportId} in {Language} could not be made")]
    private static partial void LogPdfFailed(ILogger logger, Guid reportId, string language, Exception exception);
}
