using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The signed-in person as the plan sees them. The coordinator and the organisation admin manage the plan; a measure's
/// responsible person and the editors of its sector record its follow-up; everyone in the organisation reads.
/// </summary>
public sealed record PlanActor(Guid UserId, bool CanManage, bool IsEditor, IReadOnlySet<Guid> SectorIds)
{
    /// <summary>The roles that build the plan, for <c>[Authorize(Roles = ...)]</c> on the plan's controllers.</summary>
    public const string ManagerRoles = $"{Roles.Coordinator},{Roles.OrganisationAdmin}";

    public static bool Manages(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.OrganisationAdmin);
    }

    public bool CanRecord(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return CanManage || measure.ResponsibleUserId == UserId || (IsEditor && measure.SectorId is { } sector && SectorIds.Contains(sector));
    }
}

public sealed class PlanActorResolver(ValfardDbContext db)
{
    public async Task<PlanActor> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var sectors = await db.UserSectors.Where(s => s.UserId == userId).Select(s => s.SectorId).ToListAsync(cancellationToken);
        return new PlanActor(userId, PlanActor.Manages(user), user.IsInRole(Roles.Editor), sectors.ToHashSet());
    }
}
