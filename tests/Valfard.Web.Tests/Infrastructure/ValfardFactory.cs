using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Valfard.Infrastructure.Mail;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own SQLite file (migrated and demo-seeded at start), with mail captured by a Moq mock
/// because mail crosses the process boundary.
/// </summary>
public class ValfardFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "valfard-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The tests' "now": 22 November 2026, in the 2025–2029 council term, ticking from the factory's start.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly System.Diagnostics.Stopwatch _sinceStart = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _skipped;

    /// <summary>Moves the app's clock forward, e.g. past the revision window.</summary>
    public void Advance(TimeSpan time) => _skipped += time;

    public Mock<IEmailSender> Mail { get; } = new();
    public Mock<TimeProvider> Clock { get; } = new() { CallBase = true };
    public List<EmailMessage> SentMail { get; } = [];

    public string DatabasePath => Path.Combine(_directory, "valfard.db");

    protected virtual int LoginPermitsPerMinute => 10_000;

    protected virtual DateTimeOffset StartDate => Today;

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
        builder.UseEnvironment("Testing");
        builder.UseSetting("Valfard:Demo", "true");
        builder.UseSetting("Valfard:DataDirectory", _directory);
        builder.UseSetting("Valfard:LogToFile", "false");
        builder.UseSetting("ConnectionStrings:Valfard", $"Data Source={DatabasePath}");
        builder.UseSetting("Valfard:RateLimits:LoginPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton(Mail.Object);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock.Object);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is left for the temp cleaner.
            }
        }
    }
}
