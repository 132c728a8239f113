using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Valfard.Infrastructure.Persistence;

/// <summary>
/// Recognises a save refused by a unique index or key: two people who did the same thing at the same moment (two
/// approvals writing version 2, two publishes archiving the same PDF). The loser's transaction was rolled back, so
/// nothing of it was saved, and the answer is the same as for any other conflict: someone else just did this.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case SqlException sql when sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint:
                    return true;
            }
        }
        return false;
    }
}
