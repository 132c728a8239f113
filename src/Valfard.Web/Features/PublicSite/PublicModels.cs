using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Feedback;

namespace Valfard.Web.Features.PublicSite;

public sealed record PublicOrganisation(string Slug, string Name, string NameLanguage, int PublishedCount);

public sealed record PublicReportLink(string Slug, string Title, string TitleLanguage, ReportKind Kind, string TermLabel, int? Year,
    int VersionNumber, DateTimeOffset PublishedAt, bool HasPlan);

public sealed class PublicFrontPage
{
    public required string Language { get; init; }
    public string? Query { get; init; }
    public required IReadOnlyList<PublicOrganisation> Organisations { get; init; }
}

public sealed class PublicOrganisationPage
{
    public required string Language { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string NameLanguage { get; init; }

    /// <summary>Published reports grouped by council term, newest term first.</summary>
    public required IReadOnlyList<IGrouping<string, PublicReportLink>> Terms { get; init; }
}

public sealed record PublicFile(string Language, long Size, string Sha256);

public sealed class PublicReportPage
{
    /// <summary>The language the visitor asked for; the page chrome is in it.</summary>
    public required string Language { get; init; }
    public required string OrganisationSlug { get; init; }
    public required string ReportSlug { get; init; }
    /// <summary>The document as published; its <see cref="ReportDocument.Language"/> may differ from <see cref="Language"/>.</summary>
    public required ReportDocument Document { get; init; }
    public required DocumentDecision Decision { get; init; }
    public required IReadOnlyList<PublicFile> Files { get; init; }

    public bool IsInOtherLanguage => Document.Language != Language;

    /// <summary>Residents' comments a coordinator has approved.</summary>
    public IReadOnlyList<(string Message, string? Name, DateTimeOffset ReceivedAt)> Feedback { get; set; } = [];
    public ReportFeedbackForm FeedbackForm { get; set; } = new();
    public bool FeedbackSent { get; set; }
    public Guid OrganisationId { get; init; }
    public Guid ReportId { get; init; }
}
