using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// An own indicator's values and a set's members are rows of their own. A change to them alone leaves the indicator or
/// the set unmodified, so the save would neither check the version the form was based on
/// (<see cref="ValfardDbContext.ExpectVersion"/>) nor renew it. Marking the version takes the entity into the save:
/// its version is checked (in the database's WHERE, too) and renewed like that of any changed entity.
/// </summary>
internal static class RowVersions
{
    public static void ChangedThroughItsRows(this ValfardDbContext db, IVersioned entity) =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).IsModified = true;
}
