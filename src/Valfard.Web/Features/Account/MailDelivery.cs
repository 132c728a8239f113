using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Account;

/// <summary>Wakes the delivery worker when a mail is queued, so it goes out at once instead of at the next poll.</summary>
public sealed class MailDeliverySignal : WakeSignal;

/// <summary>
/// Sends the queued mails that are due, one pass at a time per app (the worker and anyone else asking share one
/// turn). A failed send stays queued with a later attempt; after <see cref="OutgoingMail.MaxAttempts"/> it is given up
/// and logged as an error. Sent or addressless mails leave the queue, so no typed address is kept.
/// </summary>
public sealed partial class MailDelivery(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MailDelivery> logger) : IDisposable
{
    private const int PerPass = 50;
    private static readonly TimeSpan KeepGivenUp = TimeSpan.FromDays(30);
    private readonly SemaphoreSlim _onePass = new(1, 1);

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var mail = scope.ServiceProvider.GetRequiredService<AccountMail>();
            var now = clock.GetUtcNow();
            // The queue is short; dates are compared here because SQLite cannot order DateTimeOffset values.
            var waiting = await db.OutgoingMail.ToListAsync(cancellationToken);
            db.OutgoingMail.RemoveRange(waiting.Where(m => m.GaveUpAt is { } gaveUp && now - gaveUp > KeepGivenUp));
            var sent = 0;
            foreach (var queued in waiting.Where(m => m.IsDue(now)).OrderBy(m => m.CreatedAt).Take(PerPass))
            {
                queued.Claim(now);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another instance took it a moment ago.
                    db.Entry(queued).State = EntityState.Detached;
                    continue;
                }
                try
                {
                    if (await mail.DeliverAsync(queued, cancellationToken))
                    {
                        sent++;
                    }
                    db.OutgoingMail.Remove(queued);
                }
                catch (Exception ex) when (ex is System.Net.Mail.SmtpException or IOException or InvalidOperationException
                                               or System.Net.Sockets.SocketException or TimeoutException)
                {
                    queued.Failed($"{ex.GetType().Name}: {ex.Message}", now);
                    if (queued.GaveUpAt is not null)
                    {
                        LogGaveUp(logger, ex, queued.Id, queued.Kind, queued.Attempts);
                    }
                    else
                    {
                        LogRetrying(logger, ex, queued.Id, queued.Kind, queued.Attempts, queued.NextAttemptAt);
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return sent;
        }
        finally
        {
            _onePass.Release();
        }
    }

    public void Dispose() => _onePass.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} ({Kind}) could not be sent on attempt {Attempt}; next attempt at {NextAttemptAt}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid mailId, OutgoingMailKind kind, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} ({Kind}) was given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid mailId, OutgoingMailKind kind, int attempts);
}

/// <summary>Sends queued mail in the background: at once when woken, otherwise every <c>Mail:QueuePollSeconds</c> (30).</summary>
public sealed partial class MailDeliveryWorker(MailDelivery delivery, MailDeliverySignal signal, IConfiguration configuration,
    ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Mail:QueuePollSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The database was busy or away: the queue is still there for the next pass.
                LogPassFailed(logger, ex);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail delivery pass failed; the queue is kept for the next one")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
