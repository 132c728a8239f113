namespace Valfard.Infrastructure.Mail;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Sends mail. Crosses the process boundary, so tests replace it.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
