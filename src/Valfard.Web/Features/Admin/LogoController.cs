using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Files;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Admin;

/// <summary>The organisation's logo on the cover of its council documents: upload, look at, remove.</summary>
[Authorize(Roles = $"{Roles.OrganisationAdmin},{Roles.Coordinator}")]
[Route("admin/logo")]
public sealed class LogoController(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit, TimeProvider clock) : Controller
{
    private const int UploadLimit = 4 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["HasLogo"] = await db.OrganisationLogos.AnyAsync(cancellationToken);
        return View();
    }

    [HttpGet("image")]
    public async Task<IActionResult> Image(CancellationToken cancellationToken)
    {
        var logo = await db.OrganisationLogos.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return logo is null ? NotFound() : File(logo.Data, logo.ContentType);
    }

    [HttpPost("")]
    // Room above the logo limit, so that a too-large image gets the friendly message instead of a refused request.
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0 || file.Length > OrganisationLogo.MaxBytes)
        {
            return Refuse(file is null || file.Length == 0 ? "Validation.LogoType" : "Validation.LogoSize");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (FileTypeInspector.DetectImage(bytes) is not { } type)
        {
            return Refuse("Validation.LogoType");
        }
        var now = clock.GetUtcNow();
        var logo = await db.OrganisationLogos.FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            db.OrganisationLogos.Add(new OrganisationLogo(organisationId, type.ContentType, bytes, now));
        }
        else
        {
            logo.Replace(type.ContentType, bytes, now);
        }
        audit.Record(organisationId, null, Actor.From(User, new HashSet<Guid>()).UserId, "Logo.Uploaded", $"{type.ContentType}, {bytes.Length} bytes");
        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash(OperationResult.Success, "Logo.Saved");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(CancellationToken cancellationToken)
    {
        var logo = await db.OrganisationLogos.FirstOrDefaultAsync(cancellationToken);
        if (logo is not null)
        {
            db.OrganisationLogos.Remove(logo);
            audit.Record(logo.OrganisationId, null, Actor.From(User, new HashSet<Guid>()).UserId, "Logo.Removed", string.Empty);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Flash(OperationResult.Success, "Logo.Removed");
        return RedirectToAction(nameof(Index));
    }

    private RedirectToActionResult Refuse(string key)
    {
        TempData.Flash(OperationResult.Fail("file", key), string.Empty);
        return RedirectToAction(nameof(Index));
    }
}
