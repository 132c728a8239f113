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

    /// <summary>
    /// Saves what is tracked; a stale or raced version is the conflict answer, and so is a row that a simultaneous
    /// request inserted first (a unique index refused ours), e.g. two approvals of one report at the same moment.
    /// </summary>
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
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return OperationResult.Stale();
        }
    }

    /// <summary>
    /// A change made only to an entity's own rows (an own indicator's values, a set's members, a template's sections,
    /// a section's editors) leaves the entity itself unmodified, so the save would neither check the version the form
    /// was based on nor renew it. Marking the version takes the entity into the save: its version is checked (in the
    /// database's WHERE, too) and renewed like that of any changed entity.
    /// </summary>
    public static void ChangedThroughItsRows(this ValfardDbContext db, IVersioned entity)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(nameof(IVersioned.Version)).IsModified = true;
    }
}
