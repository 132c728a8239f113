namespace Valfard.Web.Features.Documents;

/// <summary>What the council document is printed from: the document, its decision if approved, and the cover.</summary>
public sealed class PrintViewModel
{
    public required ReportDocument Document { get; init; }
    public DocumentDecision? Decision { get; init; }

    /// <summary>True for anything the council has not approved: every page carries a visible DRAFT mark.</summary>
    public required bool IsDraft { get; init; }
    public required string StatusKey { get; init; }
    public string? LogoDataUri { get; init; }
    public required string Css { get; init; }
}

/// <summary>One section of a document, with the heading level its chapters start at (1 in print, 2 under a page title).</summary>
public sealed record DocumentSectionView(ReportDocument Document, DocumentSection Section, int BaseHeadingLevel);

/// <summary>The appendix list of left-out indicators, under a heading of the given level.</summary>
public sealed record LeftOutView(ReportDocument Document, int HeadingLevel);
