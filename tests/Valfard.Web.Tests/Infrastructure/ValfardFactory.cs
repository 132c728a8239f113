using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Moq;
using Valfard.Infrastructure.Mail;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own SQLite file, with mail captured by a Moq mock because mail crosses the process boundary.
/// The file starts as a copy of a template database that one app per test process migrated and demo-seeded (archived
/// PDFs included); the app then runs its usual start-up (migrations, idempotent demo seeding) on the copy. A factory
/// whose seeding would differ (another date, no Chromium) seeds a fresh file instead: see <see cref="StartsFromTemplate"/>.
/// </summary>
public class ValfardFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "valfard-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The template app's files are kept when it stops, to copy its database.</summary>
    private bool _keepFiles;

    /// <summary>The started app's environment, whose file providers the host leaves open when it stops.</summary>
    private IWebHostEnvironment? _environment;

    /// <summary>The tests' "now": 22 November 2026, in the 2025–2029 council term, ticking from the factory's start.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly System.Diagnostics.Stopwatch _sinceStart = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _skipped;

    /// <summary>Moves the app's clock forward, e.g. past the revision window.</summary>
    public void Advance(TimeSpan time) => _skipped += time;

    public Mock<IEmailSender> Mail { get; } = new();
    public Mock<TimeProvider> Clock { get; } = new() { CallBase = true };
    public List<EmailMessage> SentMail { get; } = [];

    /// <summary>Where mailed links point, whatever Host header a request carries.</summary>
    public static readonly Uri PublicBaseUrl = new("https://hyvinvointi.example.fi/");

    /// <summary>
    /// The mail sent so far, after the app's mail queue has sent everything due: requests only queue mail, and the
    /// delivery worker sends it moments later.
    /// </summary>
    public async Task<List<EmailMessage>> DeliveredMailAsync()
    {
        await Services.GetRequiredService<Valfard.Web.Features.Account.MailDelivery>().DeliverDueAsync(CancellationToken.None);
        lock (SentMail)
        {
            return [.. SentMail];
        }
    }

    public string DatabasePath => Path.Combine(_directory, "valfard.db");

    protected virtual int LoginPermitsPerMinute => 10_000;

    protected virtual int DocumentDownloadsPerMinute => 10_000;

    protected virtual DateTimeOffset StartDate => Today;

    /// <summary>
    /// Whether the app starts from a copy of the process's template database instead of migrating and seeding a new
    /// file. The template was seeded just before <see cref="Today"/>, so an app with another start date seeds its own.
    /// A factory whose seeding must differ in another way (e.g. without Chromium) turns this off.
    /// </summary>
    protected virtual bool StartsFromTemplate => StartDate == Today;

    public ValfardFactory()
    {
        // The date is fixed so that term and deadline logic does not depend on when the tests run; it still ticks
        // so that lockouts, tokens and cookies see time pass in order.
        Clock.Setup(c => c.GetUtcNow()).Returns(() => StartDate + _sinceStart.Elapsed + _skipped);
        Clock.Setup(c => c.LocalTimeZone).Returns(TimeZoneInfo.Utc);
        Mail.Setup(m => m.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => { lock (SentMail) { SentMail.Add(message); } })
            .Returns(Task.CompletedTask);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // A file already there (e.g. a restored backup) is the test's own database and is left as it is.
        if (StartsFromTemplate && !File.Exists(DatabasePath))
        {
            File.Copy(TemplateDatabase.Path, DatabasePath);
        }
        // Development: the only environment in which demo mode (with its published password) may run.
        builder.UseEnvironment("Development");
        builder.UseSetting("Valfard:PublicBaseUrl", PublicBaseUrl.ToString());
        builder.UseSetting("Valfard:Demo", "true");
        builder.UseSetting("Valfard:DataDirectory", _directory);
        builder.UseSetting("Valfard:LogToFile", "false");
        builder.UseSetting("ConnectionStrings:Valfard", $"Data Source={DatabasePath}");
        builder.UseSetting("Valfard:RateLimits:LoginPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Valfard:RateLimits:DocumentDownloadsPerMinute", DocumentDownloadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Reminders and digests run when a test runs them, with the test's clock, not in the background.
        builder.UseSetting("Notifications:Schedule", "false");
        // No test reaches the real Sotkanet: a test that needs it serves answers through a mocked handler. The port is
        // closed, so a stray request fails at once.
        builder.UseSetting("Sotkanet:BaseUrl", "http://127.0.0.1:9/rest/1.1/");
        builder.UseSetting("Sotkanet:PauseMilliseconds", "0");
        builder.UseSetting("Sotkanet:Retries", "0");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton(Mail.Object);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock.Object);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _environment = host.Services.GetRequiredService<IWebHostEnvironment>();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // The host does not dispose the environment's file providers. The one over wwwroot watches it (for
            // asp-append-version) with an inotify instance that outlives the app; on Linux a user may hold 128 in
            // all, and a test run starts well over a hundred apps.
            if (_environment is not null)
            {
                DisposeFileProvider(_environment.WebRootFileProvider);
                DisposeFileProvider(_environment.ContentRootFileProvider);
            }
            SqliteConnection.ClearAllPools();
            if (!_keepFiles)
            {
                DeleteDirectory(_directory);
            }
        }
    }

    private static void DisposeFileProvider(IFileProvider provider)
    {
        if (provider is CompositeFileProvider composite)
        {
            foreach (var inner in composite.FileProviders)
            {
                DisposeFileProvider(inner);
            }
        }
        (provider as IDisposable)?.Dispose();
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>
    /// The demo database as a fresh app leaves it, built once per test process by the first factory that needs it:
    /// an app of its own migrates and seeds it (printing the archived PDFs through Chromium), stops, and the file is
    /// copied whole into a folder that is removed when the process exits.
    /// </summary>
    private static class TemplateDatabase
    {
        /// <summary>
        /// How long before <see cref="Today"/> the template app's clock starts, so that everything it seeds lies in the
        /// past of the test apps, whose clocks start at <see cref="Today"/>. Seeding prints the previous-term report's
        /// PDFs six times (the board's and the council's copies and the archive, in two languages), which on a loaded
        /// machine took over a minute; three minutes stay inside the ten-minute revision window as one minute did.
        /// </summary>
        private static readonly TimeSpan Lead = TimeSpan.FromMinutes(3);

        private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

        public static string Path => Built.Value;

        private static string Build()
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "valfard-tests",
                $"template-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDirectory(folder);
            var template = System.IO.Path.Combine(folder, "valfard.db");
            // Off the caller's synchronization context (xunit's), which the app's start must not wait on.
            Task.Run(() => BuildAsync(template)).GetAwaiter().GetResult();
            return template;
        }

        private static async Task BuildAsync(string template)
        {
            var factory = new TemplateFactory();
            var seeded = factory.DatabasePath;
            try
            {
                try
                {
                    _ = factory.Services;
                }
                finally
                {
                    // Stops the app (and its Chromium) and closes its connections; the files stay for the copy below.
                    await factory.DisposeAsync();
                }
                if (factory.Clock.Object.GetUtcNow() >= Today)
                {
                    throw new InvalidOperationException(
                        $"Seeding the template database took longer than its clock's lead of {Lead} before Today, so seeded " +
                        $"timestamps would lie in the test apps' future. Raise {nameof(TemplateDatabase)}.{nameof(Lead)}.");
                }
                // One self-contained file (no -wal beside it), from a connection outside the pools.
                var source = new SqliteConnectionStringBuilder { DataSource = seeded, Pooling = false };
                await using var connection = new SqliteConnection(source.ToString());
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target;";
                vacuum.Parameters.AddWithValue("$target", template);
                await vacuum.ExecuteNonQueryAsync();
            }
            finally
            {
                DeleteDirectory(System.IO.Path.GetDirectoryName(seeded)!);
            }
        }

        /// <summary>An app that seeds a new file, with a clock starting just before <see cref="Today"/>.</summary>
        private sealed class TemplateFactory : ValfardFactory
        {
            public TemplateFactory() => _keepFiles = true;

            protected override DateTimeOffset StartDate => Today - Lead;

            protected override bool StartsFromTemplate => false;
        }
    }
}
