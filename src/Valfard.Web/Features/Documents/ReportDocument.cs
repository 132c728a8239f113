using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// A report as a reader sees it in one language: the sections with their text and indicator blocks, the joys and
/// concerns, the plan and the linked plans. Built from live data for a draft, or read back from the frozen snapshot
/// of an approved version, so the reading view, the council PDF and the public site all show the same thing.
/// Where a passage has no text in the document's language, the text of the other language is used and its language
/// is recorded, so the page can mark it with <c>lang</c>.
/// </summary>
public sealed class ReportDocument
{
    public required string Language { get; init; }
    public required Guid ReportId { get; init; }
    public required string OrganisationName { get; init; }
    public required string OrganisationSlug { get; init; }
    public required string Title { get; init; }
    public required ReportKind Kind { get; init; }
    public required string TermLabel { get; init; }
    public int? Year { get; init; }
    public required int VersionNumber { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    public required IReadOnlyList<DocumentSection> Sections { get; init; }
    public required IReadOnlyList<DocumentObservation> Observations { get; init; }
    public required IReadOnlyList<DocumentLink> LinkedPlans { get; init; }
    public PlanSnapshot? Plan { get; init; }

    /// <summary>
    /// The standard-set indicators the organisation left out, with its reasons, for the appendix (THL asks for them).
    /// Frozen with the rest of the snapshot; a snapshot taken before the list existed reads back as empty.
    /// </summary>
    public IReadOnlyList<DocumentLeftOut> LeftOut { get; init; } = [];

    /// <summary>
    /// Whether sub-chapters follow the section. A chapter whose sub-chapters carry the text needs no text of its own,
    /// so the reader is not told it is empty (ReportCompleteness does not ask for it either).
    /// </summary>
    public bool HasSubsections(DocumentSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        for (var i = 0; i < Sections.Count - 1; i++)
        {
            if (Sections[i].Id == section.Id)
            {
                return Sections[i + 1].Depth > section.Depth;
            }
        }
        return false;
    }
}

/// <param name="ReasonLanguage">The language of <paramref name="Reason"/> when it is not the document's (only the other language was written); null otherwise.</param>
public sealed record DocumentLeftOut(int IndicatorId, string Title, string SetName, string Reason, string? ReasonLanguage);

/// <param name="Depth">0 for a chapter, 1 for a sub-chapter.</param>
/// <param name="TitleLanguage">The language of <paramref name="Title"/> when it is not the document's; null otherwise.</param>
/// <param name="HtmlLanguage">The language of <paramref name="Html"/> when it is not the document's; null otherwise.</param>
public sealed record DocumentSection(
    Guid Id,
    string Number,
    int Depth,
    string Title,
    string? TitleLanguage,
    SectionPurpose Purpose,
    string Html,
    string? HtmlLanguage,
    IReadOnlyList<IndicatorPageViewModel> Indicators)
{
    public string Anchor => $"section-{Number.Replace('.', '-')}";

    /// <summary>The section holds the block of the year's impact assessments (shown, with "none" when the list is empty).</summary>
    public bool ListsAssessments { get; init; }

    /// <summary>
    /// The impact assessments completed or decided in the report's year(s), as they stood when the document was built;
    /// frozen with the snapshot. A snapshot taken before the block existed reads back as empty.
    /// </summary>
    public IReadOnlyList<DocumentAssessment> Assessments { get; init; } = [];

    /// <summary>
    /// The block "Member municipalities compared" of a regional report, with its numbers and verdicts as they stood
    /// when the document was built; frozen with the snapshot. Null when the section has none.
    /// </summary>
    public DocumentMembers? Members { get; init; }

    /// <summary>The section holds the block "Member municipalities' goals by life stage" (shown, with "none" when empty).</summary>
    public bool SummarisesMembersGoals { get; init; }

    /// <summary>
    /// The goals of the plans the members have delivered to the county, as they stood when the document was built;
    /// frozen with the snapshot. A snapshot taken before the block existed reads back as empty.
    /// </summary>
    public IReadOnlyList<DocumentMemberGoal> MembersGoals { get; init; } = [];

    /// <summary>
    /// Why the section has no text in the document's language, when the welfare group left it empty on purpose; shown
    /// instead of the text (and of the other language's text). Null otherwise, and in snapshots older than the mark.
    /// </summary>
    public string? EmptyReason { get; init; }

    /// <summary>The language of <see cref="EmptyReason"/> when it is not the document's; null otherwise.</summary>
    public string? EmptyReasonLanguage { get; init; }
}

/// <summary>One member municipality's goal in the regional report's block of the members' goals by life stage.</summary>
/// <param name="TitleLanguage">The language of <paramref name="Title"/> when it is not the document's (only Finnish was written); null otherwise.</param>
/// <param name="Measures">The goal's measures; the four counts after it say where they stand (they add up to it).</param>
public sealed record DocumentMemberGoal(LifeStage LifeStage, string Municipality, string Code, string Title, string? TitleLanguage,
    int Measures, int Done, int InProgress, int NotStarted, int Postponed);

/// <summary>One indicator across a county's member municipalities, the county and the whole country, for the latest year.</summary>
/// <param name="Year">The latest year any of the rows has a value for; null when there are no values.</param>
public sealed record DocumentMembers(int IndicatorId, string Title, string Unit, int? Decimals, string Source, int? Year, IReadOnlyList<DocumentMemberRow> Rows)
{
    public string Format(double value, IFormatProvider culture) => Indicators.IndicatorNumber.Format(value, Decimals, culture);
}

/// <param name="Kind">"member", "county" or "country".</param>
/// <param name="AgainstCounty">The verdict against the county; null for the county and the country rows.</param>
/// <param name="AgainstCountry">The verdict against the whole country; null for the country row.</param>
public sealed record DocumentMemberRow(string Name, string Kind, double? Value, double? Lower95, double? Upper95,
    Valfard.Domain.Statistics.ComparisonResult? AgainstCounty, Valfard.Domain.Statistics.ComparisonResult? AgainstCountry);

/// <summary>One line of the block "Impact assessments of the year".</summary>
/// <param name="TitleLanguage">The language of the title when it is not the document's; null otherwise.</param>
/// <param name="Date">The decision date, or the completion date while undecided.</param>
/// <param name="PublicUrl">The resident's address of the assessment when it is published; null otherwise.</param>
public sealed record DocumentAssessment(string Title, string? TitleLanguage, Valfard.Domain.Assessments.AssessmentStatus Status, string? ChosenAlternative,
    DateOnly Date, string Paragraph, string? PublicUrl);

public sealed record DocumentObservation(ObservationKind Kind, LifeStage LifeStage, string Text, string? TextLanguage, string Evidence)
{
    /// <summary>
    /// The indicators behind the observation with their evidence as saved when linked (ADR 0022), never recomputed.
    /// A snapshot frozen before evidence was saved has no such field and reads back as empty.
    /// </summary>
    public IReadOnlyList<IndicatorPageViewModel> Indicators { get; init; } = [];

    /// <summary>The language of <see cref="Evidence"/> when it is not the document's; null otherwise (and in older snapshots).</summary>
    public string? EvidenceLanguage { get; init; }
}

public sealed record DocumentLink(string Title, string? Url, string? FileName, string? Sha256);

/// <summary>The decision under which a version was approved, as printed on the decision page, with the board's decision that prepared it.</summary>
public sealed record DocumentDecision(int VersionNumber, CouncilDecision Decision, DateTimeOffset ApprovedAt, DateTimeOffset? PublishedAt,
    BoardDecision? BoardDecision = null)
{
    public static DocumentDecision Of(ReportVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new DocumentDecision(version.Number, version.Decision, version.ApprovedAt, version.PublishedAt, version.BoardDecision);
    }
}
