namespace Valfard.Web.Features.Indicators;

/// <summary>Where uploaded files wait for their run, and how much they may hold together (<c>Valfard:Imports</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Valfard:Imports";

    /// <summary>Default: <c>imports</c> under the app's data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>Uploads are refused while the waiting files hold more than this.</summary>
    public int MaxFolderMegabytes { get; set; } = 2048;

    /// <summary>How often the worker looks for queued runs and a due sync when nothing woke it.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>
    /// Staged values are applied in steps of about this many rows, each its own short write transaction, with
    /// <see cref="ApplyPauseMilliseconds"/> between them for editors' saves (ADR 0019).
    /// </summary>
    public int ApplyRowsPerStep { get; set; } = 50_000;

    public int ApplyPauseMilliseconds { get; set; } = 100;

}

/// <summary>The folder uploads wait in until their run has read them: <c>Valfard:Imports:Folder</c>, by default <c>imports</c> under the data folder.</summary>
public sealed class ImportFolder(IConfiguration configuration, IWebHostEnvironment environment, Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    public string Path { get; } = string.IsNullOrWhiteSpace(options.Value.Folder)
        ? System.IO.Path.Combine(Valfard.Infrastructure.DependencyInjection.DataDirectory(configuration, environment.ContentRootPath), "imports")
        : System.IO.Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public long MaxBytes { get; } = options.Value.MaxFolderMegabytes * 1024L * 1024L;
}

/// <summary>The scheduled Sotkanet sync (<c>Valfard:Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Valfard:Sync";

    /// <summary>Unset: on in Production, off in Development and tests (which must not call Sotkanet unasked).</summary>
    public bool? Enabled { get; set; }

    public int IntervalHours { get; set; } = 7 * 24;

    /// <summary>How many years back, the current year included, the sync fetches values for.</summary>
    public int Years { get; set; } = 15;
}
