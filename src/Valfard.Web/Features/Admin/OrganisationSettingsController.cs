using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Admin;

/// <summary>The organisation admin's settings for their own organisation: whether all its users must use two-factor sign-in.</summary>
[Authorize(Roles = Roles.OrganisationAdmin)]
[Route("admin/settings")]
public sealed class OrganisationSettingsController(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var organisation = current.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        return organisation is null ? NotFound() : View(organisation.RequiresTwoFactor);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(bool requireTwoFactor, CancellationToken cancellationToken)
    {
        var organisation = current.OrganisationId is { } id
            ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        if (organisation is null)
        {
            return NotFound();
        }
        if (organisation.RequiresTwoFactor != requireTwoFactor)
        {
            organisation.RequireTwoFactor(requireTwoFactor);
            audit.Record(organisation.Id, null, Actor.From(User, new HashSet<Guid>()).UserId,
                "Organisation.TwoFactorRequirementChanged", requireTwoFactor ? "required" : "not required");
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Flash(OperationResult.Success, "OrganisationSettings.Saved");
        return RedirectToAction(nameof(Index));
    }
}
