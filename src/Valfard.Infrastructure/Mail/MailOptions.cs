namespace Valfard.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"Log" writes messages to the log (development); "Smtp" sends them.</summary>
    public string Mode { get; set; } = "Log";
    public string From { get; set; } = "valfard@localhost";
    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = string.Empty;
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
