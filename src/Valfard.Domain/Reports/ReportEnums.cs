namespace Valfard.Domain.Reports;

public enum ReportKind
{
    /// <summary>The term-long report (laaja hyvinvointikertomus) written once per council term.</summary>
    Comprehensive = 1,

    /// <summary>The yearly report to the council (vuosiraportointi).</summary>
    Annual = 2,

    /// <summary>A wellbeing services county's own report (alueellinen hyvinvointikertomus).</summary>
    Regional = 3,
}

public enum ReportStatus
{
    Draft = 1,
    InReview = 2,
    SentToCouncil = 3,
    Approved = 4,
    Published = 5,

    /// <summary>With the municipal board (kunnanhallitus / kommunstyrelsen; a county's aluehallitus), which prepares the council's decision.</summary>
    SentToBoard = 6,

    /// <summary>The board has made its proposal to the council; the report waits to be sent to the council.</summary>
    BoardDecided = 7,
}

public enum SectionStatus
{
    NotStarted = 1,
    InProgress = 2,
    ReadyForReview = 3,
    Done = 4,
}

/// <summary>What a section holds besides its text: the report's joys and concerns, its plan, or its appendices.</summary>
public enum SectionPurpose
{
    Text = 1,
    JoysAndConcerns = 2,
    WelfarePlan = 3,
    Appendices = 4,
}
