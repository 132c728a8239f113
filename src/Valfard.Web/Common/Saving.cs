using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Common;

/// <summary>
/// One path from a change to its outcome: a domain refusal becomes a form error on the field the domain named, a
/// stale or raced version becomes the conflict answer, and anything else is saved.
/// </summary>
public static class Saving
{
    /// <summary>Applies <paramref name="change"/> (domain methods that may refuse) and saves it.</summary>
    public static async Task<OperationResult> ChangeAsync(this ValfardDbContext db, Action change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Saves what is tracked; a stale or raced version is the conflict answer.</summary>
    public static async Task<OperationResult> SaveAsync(this ValfardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Stale();
        }
    }
}
