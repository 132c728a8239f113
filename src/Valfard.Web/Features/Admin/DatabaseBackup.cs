using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Admin;

/// <summary>What a finished backup is: where, how big, and that SQLite found it whole.</summary>
public sealed record BackupResult(string Path, long Bytes, string IntegrityCheck);

/// <summary>
/// A consistent copy of the running app's SQLite database, made with SQLite's online backup API: it copies the
/// database as one snapshot while the app goes on reading and writing, which copying the file (and its -wal file)
/// does not. The copy is a single self-contained file (journal mode DELETE) that SQLite has checked page by page.
/// SQL Server is backed up with its own tools (see docs/operations.md).
/// </summary>
public sealed partial class DatabaseBackup(ValfardDbContext db, ILogger<DatabaseBackup> logger)
{
    public bool IsSupported => db.Database.IsSqlite();

    public async Task<BackupResult> CreateAsync(string targetPath, CancellationToken cancellationToken)
    {
        if (!IsSupported)
        {
            throw new InvalidOperationException("Only the SQLite database can be backed up by Valfard; back up SQL Server with BACKUP DATABASE.");
        }
        var target = Path.GetFullPath(targetPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target first, so a failed backup never leaves a half file under the final name.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                // One step: the source is read under one read transaction, so the copy is one moment of the database.
                source.BackupDatabase(copy);
                await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", cancellationToken);
                var integrity = (string?)await ScalarAsync(copy, "PRAGMA integrity_check;", cancellationToken) ?? "no answer";
                if (integrity != "ok")
                {
                    throw new InvalidOperationException($"The backup copy failed SQLite's integrity check: {integrity}");
                }
            }
            File.Move(partial, target, overwrite: true);
            var bytes = new FileInfo(target).Length;
            LogBackup(logger, target, bytes);
            return new BackupResult(target, bytes, "ok");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database backup written to {Path} ({Bytes} bytes, integrity ok)")]
    private static partial void LogBackup(ILogger logger, string path, long bytes);
}
