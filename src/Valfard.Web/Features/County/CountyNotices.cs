using Valfard.Web.Features.Notifications;

namespace Valfard.Web.Features.County;

/// <summary>
/// Tells the other side of a county and its member: through the <see cref="Notifier"/>, so each coordinator gets the
/// notification in their own language and the mail as they chose for the county group. Adds to the caller's unit of
/// work; the caller saves, and the mail worker is woken by that save.
/// </summary>
public sealed class CountyNotices(CountyAccess access, Notifier notifier)
{
    /// <param name="text">The text in a given language: the notification is read in the recipient's.</param>
    public async Task<int> AddAsync(Guid otherOrganisationId, string kind, Func<string, string> text, string link, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Only the coordinators of an organisation on the other side of the county relation: nobody else's ids reach the notifier.
        var recipients = await access.CoordinatorsAcrossAsync(otherOrganisationId, cancellationToken);
        return await notifier.NotifyAsync(recipients.Select(r => r.Id), kind, text, link, now, cancellationToken);
    }
}
