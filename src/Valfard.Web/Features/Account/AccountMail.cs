using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Account;

/// <summary>
/// Password-reset and invitation mails. A request only queues one (<see cref="OutgoingMail"/>); the mail delivery
/// worker composes and sends it, so both carry a single-use link made from Identity's reset token at sending time.
/// </summary>
public sealed class AccountMail(
    ValfardDbContext db,
    UserManager<ApplicationUser> userManager,
    IEmailSender sender,
    IStringLocalizer<SharedResource> localizer,
    LinkGenerator links,
    Valfard.Web.Startup.PublicAddress publicAddress,
    TimeProvider clock,
    MailDeliverySignal signal)
{
    /// <summary>
    /// Queues a reset for whatever address was typed: the request does the same one write whether or not it belongs
    /// to an account, and the worker sends nothing for an address without an active one.
    /// </summary>
    public Task QueuePasswordResetAsync(string email, CancellationToken cancellationToken) =>
        QueueAsync(OutgoingMailKind.PasswordReset, email, cancellationToken);

    /// <summary>Queues the invitation; a mail server that is down delays it (with retries) but loses nothing.</summary>
    public Task QueueInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return QueueAsync(OutgoingMailKind.Invitation, user.Email!, cancellationToken);
    }

    private async Task QueueAsync(OutgoingMailKind kind, string recipient, CancellationToken cancellationToken)
    {
        db.OutgoingMail.Add(new OutgoingMail(kind, recipient, Cultures.Current, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }

    /// <summary>
    /// Writes and sends a queued mail in the language it was asked in. False when there is no active account for the
    /// address, and so nothing to send. A failing mail server throws, for the worker to retry.
    /// </summary>
    public async Task<bool> DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var user = await userManager.FindByEmailAsync(mail.Recipient);
        if (user is not { IsActive: true })
        {
            return false;
        }
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Normalize(mail.Language));
        try
        {
            if (mail.Kind == OutgoingMailKind.Notice)
            {
                await sender.SendAsync(Notice(mail, user), cancellationToken);
                return true;
            }
            if (mail.Kind == OutgoingMailKind.Digest)
            {
                await sender.SendAsync(Digest(mail, user), cancellationToken);
                return true;
            }
            if (mail.Kind == OutgoingMailKind.IndicatorFeedback)
            {
                await sender.SendAsync(IndicatorFeedback(mail, user), cancellationToken);
                return true;
            }
            var link = await BuildLinkAsync(user);
            var message = mail.Kind == OutgoingMailKind.Invitation
                ? new EmailMessage(user.Email!, localizer["Mail.InviteSubject"], localizer["Mail.InviteBody", user.DisplayName, link])
                : new EmailMessage(user.Email!, localizer["Mail.ResetSubject"], localizer["Mail.ResetBody", user.DisplayName, link]);
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A coordinator's word about an indicator to one system admin, with a link to its page.</summary>
    private EmailMessage IndicatorFeedback(OutgoingMail mail, ApplicationUser admin)
    {
        var id = mail.IndicatorId ?? 0;
        var link = publicAddress.Link(links.GetPathByAction("Show", "Indicators", new { id })
            ?? throw new InvalidOperationException("No route reaches Indicators/Show."));
        return new EmailMessage(admin.Email!, localizer["Mail.IndicatorFeedbackSubject", id],
            localizer["Mail.IndicatorFeedbackBody", admin.DisplayName, mail.Sender ?? string.Empty, id, mail.Message ?? string.Empty, link]);
    }

    /// <summary>A notification as mail, worded in the recipient's language, with a link to where it leads.</summary>
    private EmailMessage Notice(OutgoingMail mail, ApplicationUser recipient)
    {
        // Notification kinds read as a lead-in ("Report delivered to the county:"); a subject needs no colon.
        var what = localizer[mail.NoticeKind ?? string.Empty].Value.TrimEnd(':', ' ');
        var link = publicAddress.Link(mail.Link is { Length: > 0 } local && local.StartsWith('/') ? local : "/notifications");
        return new EmailMessage(recipient.Email!, localizer["Mail.NoticeSubject", what],
            localizer["Mail.NoticeBody", recipient.DisplayName, what, mail.Message ?? string.Empty, link, SettingsLink()]);
    }

    /// <summary>The day's notifications in one mail; its lines were worded in the recipient's language when it was queued.</summary>
    private EmailMessage Digest(OutgoingMail mail, ApplicationUser recipient) =>
        new(recipient.Email!, localizer["Mail.DigestSubject"],
            localizer["Mail.DigestBody", recipient.DisplayName, mail.Message ?? string.Empty, publicAddress.Link("/notifications"), SettingsLink()]);

    /// <summary>Where every notice mail says its recipient can choose what they get.</summary>
    private Uri SettingsLink() => publicAddress.Link(links.GetPathByAction("Settings", "Notifications")
        ?? throw new InvalidOperationException("No route reaches Notifications/Settings."));

    private async Task<string> BuildLinkAsync(ApplicationUser user)
    {
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return QueryHelpers.AddQueryString(ResetPage().ToString(), new Dictionary<string, string?>
        {
            ["email"] = user.Email,
            ["code"] = encoded,
        });
    }

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The reset page on the configured public address: the request's Host header plays no part in it.</summary>
    private Uri ResetPage() =>
        publicAddress.Link(links.GetPathByAction(nameof(AccountController.ResetPassword), "Account")
            ?? throw new InvalidOperationException("No route reaches Account/ResetPassword."));
}
