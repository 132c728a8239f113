using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Notifications;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Account;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Notifications;

/// <summary>
/// The one way to tell people something: the in-app notification, and by e-mail as each recipient chose for the kind's
/// group (at once: queued now; daily digest: left for <see cref="DailyDigest"/>; off: nothing). Text and mail are in the
/// recipient's own language. Adds to the caller's unit of work; the queued mail leaves when the caller saves.
/// </summary>
public sealed class Notifier
{
    private readonly ValfardDbContext _db;
    private readonly IStringLocalizer<SharedResource> _localizer;
    private bool _wakeAfterSave;

    public Notifier(ValfardDbContext db, MailDeliverySignal signal, IStringLocalizer<SharedResource> localizer)
    {
        _db = db;
        _localizer = localizer;
        // The mail worker is woken by the caller's own save, so no site has to remember to do it.
        _db.SavedChanges += (_, _) =>
        {
            if (_wakeAfterSave)
            {
                _wakeAfterSave = false;
                signal.Wake();
            }
        };
    }

    /// <summary>
    /// Notifies the given people. The ids come from the caller's own (tenant-filtered) queries; each notification is
    /// filed under the recipient's own organisation, which for a county's notices is the other side's.
    /// </summary>
    /// <param name="text">The text in a language ("fi", "sv", "en").</param>
    /// <returns>How many were notified (inactive accounts are skipped).</returns>
    public async Task<int> NotifyAsync(IEnumerable<Guid> userIds, string kind, Func<string, string> text, string link, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(text);
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        var people = await _db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.OrganisationId, u.Email, u.PreferredLanguage }).ToListAsync(cancellationToken);
        var group = NotificationKinds.GroupOf(kind);
        var chosen = await _db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Group == group)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, cancellationToken);
        foreach (var person in people)
        {
            // A person without a saved language reads Finnish, the language every organisation has.
            var language = Cultures.Normalize(person.PreferredLanguage);
            var words = text(language);
            var notification = new Notification(person.OrganisationId, person.Id, kind, words, link, now);
            _db.Notifications.Add(notification);
            var delivery = chosen.TryGetValue(person.Id, out var choice) ? choice
                : NotificationKinds.IsUrgent(kind) ? MailChoice.AtOnce : NotificationKinds.DefaultFor(group);
            if (string.IsNullOrEmpty(person.Email) || delivery == MailChoice.Off)
            {
                continue;
            }
            if (delivery == MailChoice.DailyDigest)
            {
                notification.AwaitDigest();
                continue;
            }
            _db.OutgoingMail.Add(OutgoingMail.AboutNotice(person.Email, language, kind, notification.Text, link, now));
            _wakeAfterSave = true;
        }
        return people.Count;
    }

    /// <summary>A resource text in the recipient's language rather than the request's, for a notification's own words.</summary>
    public string Words(string language, string key, params object[] arguments)
    {
        language = Cultures.Normalize(language);
        using var _ = Cultures.InUiLanguage(language);
        return string.Format(Cultures.FormattingCulture(language), _localizer[key].Value, arguments);
    }
}
