using Valfard.Infrastructure.Indicators;

using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Startup;

/// <summary>
/// Operations run from the command line against the same configuration as the app (appsettings, environment
/// variables, <c>--Key=value</c> arguments), without starting the web server:
/// <c>backup &lt;file&gt;</c> writes a consistent SQLite copy (safe while the app runs);
/// <c>import &lt;file&gt;</c> imports a Sotkanet file (JSON or CSV), all or nothing.
/// The command does not wait in the app's run queue: run it while the app is stopped or idle (see docs/operations.md).
/// </summary>
public static partial class Commands
{
    private static readonly string[] Known = ["backup", "import"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Known.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: Valfard.Web {args[0]} <file> [--Key=value ...]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(args[2..]);
        builder.AddValfardLogging();
        builder.Services.AddValfardWeb(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Commands));
        var file = args[1];
        try
        {
            return args[0].ToUpperInvariant() switch
            {
                "BACKUP" => await BackupAsync(scope.ServiceProvider, file),
                _ => await ImportAsync(scope.ServiceProvider, file),
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or SotkanetFormatException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException)
        {
            LogFailed(logger, ex, args[0], file);
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        var result = await services.GetRequiredService<DatabaseBackup>().CreateAsync(file, CancellationToken.None);
        Console.WriteLine($"Backup written: {result.Path} ({result.Bytes} bytes, integrity {result.IntegrityCheck})");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string file)
    {
        var importer = services.GetRequiredService<IndicatorImporter>();
        // Progress lines are written as each batch is staged: nothing is visible until the summary line, when the
        // staged rows are applied in one transaction. The file is read as a stream, never whole.
        var progress = new SynchronousProgress(rows => Console.WriteLine($"Rows written (not yet committed): {rows}"));
        var summary = await IndicatorFileImport.ImportAsync(importer, file, progress, CancellationToken.None);
        Console.WriteLine($"Rows read: {summary.Total + summary.Skipped}");
        Console.WriteLine($"Import committed: {summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged");
        if (summary.Skipped > 0)
        {
            Console.WriteLine($"Rows skipped: {summary.Skipped}, for regions not in the region list: {string.Join(", ", summary.UnknownRegions)}");
        }
        return 0;
    }

    /// <summary>Reports on the writer's own thread, so a line is printed before the next batch starts.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} on {File} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string command, string file);
}
