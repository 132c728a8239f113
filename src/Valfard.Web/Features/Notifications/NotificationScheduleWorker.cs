using Microsoft.EntityFrameworkCore;

namespace Valfard.Web.Features.Notifications;

/// <summary>
/// Runs the reminders (then prunes their old records) and the daily digest every <c>Notifications:ScheduleMinutes</c>
/// (15). Both record what they sent in the database, so running often (or on several instances) sends nothing twice.
/// <c>Notifications:Schedule</c> false turns it off (the tests run the passes themselves, with their own clock).
/// </summary>
public sealed partial class NotificationScheduleWorker(IServiceScopeFactory scopes, IConfiguration configuration,
    ILogger<NotificationScheduleWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Notifications:Schedule", true))
        {
            return;
        }
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Notifications:ScheduleMinutes", 15)));
        // The first pass waits a moment, so that a starting app migrates and seeds before it reads.
        var next = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Notifications:FirstPassSeconds", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(next, stoppingToken);
                next = every;
                await using var scope = scopes.CreateAsyncScope();
                var reminders = scope.ServiceProvider.GetRequiredService<Reminders>();
                await reminders.RunAsync(stoppingToken);
                await reminders.PruneAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The database was busy or away: whatever was not recorded as sent is sent by the next pass.
                LogPassFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reminder or digest pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
