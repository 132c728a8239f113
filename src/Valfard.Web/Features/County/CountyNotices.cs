using Valfard.Domain.Common;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Account;

namespace Valfard.Web.Features.County;

/// <summary>
/// Tells the other side of a county and its member: an in-app notification and the same as mail, each worded in the
/// recipient's own language. Adds to the caller's unit of work; the caller saves, and wakes the mail worker after.
/// </summary>
public sealed class CountyNotices(ValfardDbContext db, CountyAccess access, MailDeliverySignal mailSignal)
{
    /// <param name="text">The text in a given language: the notification is read in the recipient's.</param>
    public async Task<int> AddAsync(Guid otherOrganisationId, string kind, Func<string, string> text, string link, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var recipients = await access.CoordinatorsAcrossAsync(otherOrganisationId, cancellationToken);
        foreach (var recipient in recipients)
        {
            var language = recipient.PreferredLanguage is "sv" or "en" ? recipient.PreferredLanguage : "fi";
            var words = text(language);
            db.Notifications.Add(new Notification(recipient.OrganisationId, recipient.Id, kind, words, link, now));
            if (!string.IsNullOrEmpty(recipient.Email))
            {
                db.OutgoingMail.Add(OutgoingMail.AboutNotice(recipient.Email, language, kind, words, link, now));
            }
        }
        return recipients.Count;
    }

    /// <summary>After the save: the queued mails go out now rather than at the next poll.</summary>
    public void Sent() => mailSignal.Wake();
}
