using System.Security.Claims;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;

namespace Valfard.Web.Common;

/// <summary>The signed-in person as the report services see them: who they are and what they may do.</summary>
public sealed record Actor(Guid UserId, bool IsCoordinator, IReadOnlySet<Guid> SectorIds)
{
    public static Actor From(ClaimsPrincipal user, IReadOnlySet<Guid> sectorIds) =>
        new(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.IsInRole(Roles.Coordinator), sectorIds);

    /// <summary>The coordinator writes anywhere; an editor writes the sections given to them or to their sector.</summary>
    public bool CanWrite(ReportSection section) =>
        IsCoordinator || section.IsEditor(UserId) || (section.SectorId is { } sector && SectorIds.Contains(sector));

    /// <summary>The part the person plays in the section's status moves, or null when they may not write it.</summary>
    public SectionRole? RoleIn(ReportSection section) =>
        IsCoordinator ? SectionRole.Coordinator : CanWrite(section) ? SectionRole.Writer : null;
}

public sealed class ActorResolver(Valfard.Infrastructure.Persistence.ValfardDbContext db)
{
    public async Task<Actor> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var sectors = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.UserSectors.Where(s => s.UserId == userId).Select(s => s.SectorId), cancellationToken);
        return Actor.From(user, sectors.ToHashSet());
    }
}
