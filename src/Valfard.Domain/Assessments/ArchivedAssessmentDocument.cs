using System.Security.Cryptography;
using Valfard.Domain.Common;

namespace Valfard.Domain.Assessments;

/// <summary>
/// The assessment's PDF in one language as the decision-makers read it, printed when the decision is recorded and
/// served byte-identical from then on, like the council document archived at publishing (ADR 0011).
/// </summary>
public class ArchivedAssessmentDocument : IOrganisationOwned
{
    private ArchivedAssessmentDocument()
    {
        Language = string.Empty;
        Content = [];
        Sha256 = string.Empty;
    }

    public ArchivedAssessmentDocument(ImpactAssessment assessment, string language, byte[] content, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(content);
        // Only the decision archives: before it the assessment can still change, and the live PDF is the record.
        if (assessment.Status != AssessmentStatus.Decided)
        {
            throw new DomainException("Assessment.Validation.NotDecided");
        }
        if (language is not ("fi" or "sv"))
        {
            throw new DomainException("Validation.LanguageUnknown");
        }
        if (content.Length == 0)
        {
            throw new DomainException("Assessment.Validation.ArchiveEmpty");
        }
        Id = Guid.NewGuid();
        AssessmentId = assessment.Id;
        OrganisationId = assessment.OrganisationId;
        Language = language;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Language { get; private set; }
    public byte[] Content { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
