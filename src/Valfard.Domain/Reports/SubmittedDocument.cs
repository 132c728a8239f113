using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>Which body a report was sent to for consideration.</summary>
public enum ConsiderationStage
{
    /// <summary>The municipal board (kunnanhallitus / kommunstyrelsen; aluehallitus / områdesstyrelsen).</summary>
    Board = 1,

    /// <summary>The council (valtuusto / fullmäktige; aluevaltuusto / välfärdsområdesfullmäktige).</summary>
    Council = 2,
}

/// <summary>
/// The PDF a board or the council was given, in one language, printed once when the report was sent and kept byte for
/// byte: what the decision makers read, even if the text is later returned, changed and sent again (each sending
/// keeps its own copy). Its SHA-256 is shown next to the download, as for archived published documents.
/// </summary>
public class SubmittedDocument : IOrganisationOwned
{
    private SubmittedDocument()
    {
        Language = string.Empty;
        Content = [];
        Sha256 = string.Empty;
    }

    public SubmittedDocument(WelfareReport report, ConsiderationStage stage, string language, byte[] content, DateTimeOffset sentAt) : this()
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        if (!ReportLimits.ContentLanguages.Contains(language))
        {
            throw new DomainException("Validation.LanguageUnknown");
        }
        if (!Enum.IsDefined(stage))
        {
            throw new DomainException("Workflow.UnknownAction");
        }
        Id = Guid.NewGuid();
        ReportId = report.Id;
        OrganisationId = report.OrganisationId;
        VersionNumber = report.VersionNumber;
        Stage = stage;
        Language = language;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The report's working version when it was sent.</summary>
    public int VersionNumber { get; private set; }
    public ConsiderationStage Stage { get; private set; }
    public string Language { get; private set; }
    public byte[] Content { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
