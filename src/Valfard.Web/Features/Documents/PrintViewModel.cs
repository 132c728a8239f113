using Valfard.Domain.Reports;

namespace Valfard.Web.Features.Documents;

/// <summary>What the council document is printed from: the document, its decisions, and the cover.</summary>
public sealed class PrintViewModel
{
    public required ReportDocument Document { get; init; }
    public DocumentDecision? Decision { get; init; }

    /// <summary>The board's decision on a report not yet approved (after approval it travels in <see cref="Decision"/>).</summary>
    public BoardDecision? BoardDecision { get; init; }

    /// <summary>
    /// True for the welfare group's text (draft or in review): every page carries a visible DRAFT mark. A report with the
    /// board or the council is no draft: it carries <see cref="Consideration"/> instead.
    /// </summary>
    public required bool IsDraft { get; init; }

    /// <summary>Which body the document was sent to and when; every page says "for the board's / council's consideration".</summary>
    public ConsiderationMark? Consideration { get; init; }
    public required string StatusKey { get; init; }
    public string? LogoDataUri { get; init; }
    public required string Css { get; init; }
}

/// <summary>One section of a document, with the heading level its chapters start at (1 in print, 2 under a page title).</summary>
public sealed record DocumentSectionView(ReportDocument Document, DocumentSection Section, int BaseHeadingLevel);

/// <summary>The appendix list of left-out indicators, under a heading of the given level.</summary>
public sealed record LeftOutView(ReportDocument Document, int HeadingLevel);

/// <summary>The body a report is with and the day it was sent there, as printed on every page instead of the draft mark.</summary>
public sealed record ConsiderationMark(ConsiderationStage Stage, DateOnly? SentOn)
{
    public string ResourceKey => $"Document.For{Stage}";

    /// <summary>"Valtuuston käsiteltäväksi 2.12.2026": the localised words and the day in the document's date format.</summary>
    public string Text(string words, IFormatProvider culture) =>
        SentOn is { } day ? $"{words} {day.ToString("d", culture)}" : words;
}

/// <summary>The decision page: the board's decision first (it prepares), then the council's.</summary>
public sealed record DecisionPageView(BoardDecision? Board, DocumentDecision? Council);

/// <summary>The members-comparison block, with the section's anchor for ids and the heading level of its title (0: no title, the page has one).</summary>
public sealed record MembersView(DocumentMembers Members, string Anchor, int HeadingLevel);

/// <summary>The members' goals block, with the section's anchor for ids and the heading level of its title (0: no title, the page has one).</summary>
public sealed record MembersGoalsView(IReadOnlyList<DocumentMemberGoal> Goals, string Anchor, int HeadingLevel);
