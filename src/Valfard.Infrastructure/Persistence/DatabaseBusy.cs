using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Valfard.Infrastructure.Persistence;

/// <summary>
/// Recognises a database that stayed busy or locked past the wait allowed (<c>Database:BusyTimeoutSeconds</c>), as
/// opposed to a real failure. Such a request changed nothing, because its transaction never began or was rolled back,
/// so the user can simply send it again.
/// </summary>
public static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;
    private const int SqlServerCommandTimeout = -2;

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case SqlException sql when sql.Number is SqlServerDeadlockVictim or SqlServerLockTimeout or SqlServerCommandTimeout:
                    return true;
            }
        }
        return false;
    }
}
