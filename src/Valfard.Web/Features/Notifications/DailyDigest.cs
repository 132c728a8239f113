using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Notifications;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Account;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Notifications;

/// <summary>
/// Once a day, from <c>Notifications:DigestHour</c> (16, Finnish time), one mail per person listing the notifications
/// they chose to get as a digest. The mail is queued, the notifications marked and the day recorded in one save, so a
/// restart or a second instance neither loses nor repeats a digest.
/// </summary>
public sealed partial class DailyDigest(
    ValfardDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> localizer,
    MailDeliverySignal signal,
    ILogger<DailyDigest> logger)
{
    /// <summary>The hour (Finnish time, 0–23) from which the day's digests go out; the settings page shows it.</summary>
    public static int HourOf(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("Notifications:DigestHour", 16), 0, 23);

    /// <returns>How many digests were queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (FinnishCalendar.Local(now).Hour < HourOf(configuration))
        {
            return 0;
        }
        var today = FinnishCalendar.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var waiting = await db.Notifications.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(n => n.AwaitsDigest).ToListAsync(cancellationToken);
        var userIds = waiting.Select(n => n.UserId).Distinct().ToList();
        var people = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var keys = userIds.Select(id => $"digest:{id}:{today}").ToList();
        var sentToday = (await db.SentReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key)
            .ToListAsync(cancellationToken)).ToHashSet();
        var queued = 0;
        foreach (var forPerson in waiting.GroupBy(n => n.UserId))
        {
            var key = $"digest:{forPerson.Key}:{today}";
            if (sentToday.Contains(key))
            {
                // Today's digest went out already; these wait for tomorrow's.
                continue;
            }
            var person = people.GetValueOrDefault(forPerson.Key);
            var mailed = person is { IsActive: true, Email.Length: > 0 };
            if (mailed)
            {
                var language = Cultures.Normalize(person!.PreferredLanguage);
                db.OutgoingMail.Add(OutgoingMail.AsDigest(person!.Email!, language, Lines(forPerson, language), now));
                queued++;
            }
            foreach (var notification in forPerson)
            {
                notification.Digested(now);
            }
            db.SentReminders.Add(new SentReminder(key, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // Another instance is sending the digests (this person's day is taken): it finishes the pass.
                LogRaced(logger, ex, forPerson.Key);
                db.ChangeTracker.Clear();
                queued -= mailed ? 1 : 0;
                break;
            }
        }
        if (queued > 0)
        {
            signal.Wake();
        }
        return queued;
    }

    /// <summary>"– Section assigned to you: 3.2 Young people (/reports/…)": one line per notification, oldest first.</summary>
    private string Lines(IEnumerable<Notification> notifications, string language)
    {
        using var _ = Cultures.InUiLanguage(language);
        var lines = new StringBuilder();
        foreach (var notification in notifications.OrderBy(n => n.CreatedAt.UtcTicks))
        {
            lines.Append("– ").Append(localizer[notification.Kind].Value.TrimEnd(':', ' ')).Append(": ").AppendLine(notification.Text);
        }
        return lines.ToString().TrimEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The digest of user {UserId} was sent by another instance, which finishes the pass")]
    private static partial void LogRaced(ILogger logger, Exception exception, Guid userId);
}
