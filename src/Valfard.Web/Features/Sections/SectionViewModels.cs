using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Sections;

public sealed record TextPane(string Language, string Html, Guid Version, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool IsBehind);

public sealed class SectionEditorViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid SectionId { get; init; }
    public required string ReportTitle { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required string Guidance { get; init; }
    public required SectionStatus Status { get; init; }
    public DateOnly? DueDate { get; init; }
    public string? SectorName { get; init; }
    public required IReadOnlyList<TextPane> Texts { get; init; }
    public bool CanWrite { get; init; }
    /// <summary>The status moves the signed-in person may make now, one button each; none when they cannot write.</summary>
    public IReadOnlyList<SectionMove> StatusMoves { get; init; } = [];
    public CommentsViewModel? Comments { get; set; }
    public ReportStatus ReportStatus { get; init; }
    public SectionPurpose Purpose { get; init; }
    public IReadOnlyList<IndicatorPageViewModel> Indicators { get; set; } = [];
    public IReadOnlyList<IndicatorSetItem> IndicatorSets { get; set; } = [];

    /// <summary>The catalogue search the indicator picker ran, when the writer searched; null otherwise.</summary>
    public CatalogueSearchResult? CatalogueSearch { get; set; }

    /// <summary>The indicator the previous request added to this section, to say where its values come from.</summary>
    public AddedIndicator? AddedIndicator { get; set; }

    /// <summary>The section holds the block of the year's impact assessments; <see cref="Assessments"/> is its preview.</summary>
    public bool ListsAssessments { get; init; }
    public IReadOnlyList<Documents.DocumentAssessment> Assessments { get; set; } = [];

    /// <summary>The report is a county's regional report: only there can the members-comparison block be inserted.</summary>
    public bool IsRegional { get; init; }

    /// <summary>The indicator of the section's members-comparison block; <see cref="Members"/> is its preview.</summary>
    public int? MembersIndicatorId { get; init; }
    public Documents.DocumentMembers? Members { get; set; }

    /// <summary>The section holds the block of the members' goals by life stage; <see cref="MembersGoals"/> is its preview.</summary>
    public bool SummarisesMembersGoals { get; init; }
    public IReadOnlyList<Documents.DocumentMemberGoal> MembersGoals { get; set; } = [];

    /// <summary>The section is left empty on purpose; readers see the reason in a language it has no text in.</summary>
    public bool IsIntentionallyEmpty { get; init; }
    public string EmptyReasonFi { get; init; } = string.Empty;
    public string EmptyReasonSv { get; init; } = string.Empty;

    /// <summary>The section's title in each language, for the title form that the language status links to.</summary>
    public string TitleFi { get; init; } = string.Empty;
    public string TitleSv { get; init; } = string.Empty;

    /// <summary>Where each copied text came from: the approved version of an earlier report.</summary>
    public IReadOnlyList<CopiedNote> Copied { get; init; } = [];
}

/// <summary>The text in <paramref name="Language"/> was copied from version <paramref name="VersionNumber"/> of the report <paramref name="ReportTitle"/>, as approved.</summary>
public sealed record CopiedNote(string Language, string ReportTitle, int? Year, int VersionNumber);

public sealed record RevisionItem(int Number, string Author, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, int? RestoredFrom, int Words);

public sealed class RevisionHistoryViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid SectionId { get; init; }
    public required string Title { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyList<RevisionItem> Revisions { get; init; }
    public bool CanRestore { get; init; }
    public int? From { get; init; }
    public int? To { get; init; }
    public IReadOnlyList<DiffPiece>? Diff { get; init; }
}

/// <summary>
/// The section's title form. An empty field stays empty rather than null, so a Swedish title the form did not show (a
/// Finnish-only organisation) is told apart from one the writer cleared: only the shown one changes.
/// </summary>
public sealed class SectionTitleForm
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? TitleFi { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? TitleSv { get; set; }
}
