using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Mail;

namespace Valfard.Web.Features.Account;

/// <summary>Password-reset and invitation mails. Both carry a single-use link built from Identity's reset token.</summary>
public sealed partial class AccountMail(
    UserManager<ApplicationUser> userManager,
    IEmailSender sender,
    IStringLocalizer<SharedResource> localizer,
    LinkGenerator links,
    Valfard.Web.Startup.PublicAddress publicAddress,
    ILogger<AccountMail> logger)
{
    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var link = await BuildLinkAsync(user);
        await sender.SendAsync(new EmailMessage(user.Email!, localizer["Mail.ResetSubject"],
            localizer["Mail.ResetBody", user.DisplayName, link]), cancellationToken);
    }

    public async Task SendInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var link = await BuildLinkAsync(user);
        await sender.SendAsync(new EmailMessage(user.Email!, localizer["Mail.InviteSubject"],
            localizer["Mail.InviteBody", user.DisplayName, link]), cancellationToken);
    }

    /// <summary>
    /// Sends the invitation; a mail server that is down must not lose the user just created, so failure is logged
    /// and reported to the caller, who can send the invitation again later.
    /// </summary>
    public async Task<bool> TrySendInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        try
        {
            await SendInvitationAsync(user, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is System.Net.Mail.SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            LogMailFailed(logger, ex, user.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation to user {UserId} could not be sent")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, Guid userId);

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
