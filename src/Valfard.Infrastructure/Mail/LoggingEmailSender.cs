using Microsoft.Extensions.Logging;

namespace Valfard.Infrastructure.Mail;

/// <summary>
/// Development sender: writes the message to the log instead of sending it, so a password-reset link can be
/// followed without a mail server. Never used in production (see DependencyInjection).
/// </summary>
public sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        LogMail(logger, message.Subject, message.TextBody);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development mail (not sent). Subject: {Subject}\n{Body}")]
    private static partial void LogMail(ILogger logger, string subject, string body);
}
