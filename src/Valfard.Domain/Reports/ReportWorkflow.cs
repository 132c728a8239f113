using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>The moves a report can make through its life, from the welfare group's draft to the published document.</summary>
public enum WorkflowAction
{
    /// <summary>Draft → InReview: the welfare group reviews the whole text.</summary>
    SubmitForReview = 1,

    /// <summary>BoardDecided → SentToCouncil: read-only; council members read and comment.</summary>
    SendToCouncil = 2,

    /// <summary>SentToCouncil → Approved: the council secretary records the decision; the version is frozen.</summary>
    Approve = 3,

    /// <summary>Approved → Published: the PDF is archived and residents can read the approved version.</summary>
    Publish = 4,

    /// <summary>
    /// InReview, SentToBoard, BoardDecided, SentToCouncil or Approved → Draft, with a reason. From Approved the approved
    /// version stays as the council decided it, unpublished, and the text becomes the next version.
    /// </summary>
    ReturnToDraft = 5,

    /// <summary>Published → Draft of the next version; the published version stays as it was.</summary>
    StartNewVersion = 6,

    /// <summary>InReview → SentToBoard: the municipal board prepares the council's decision; the text is read-only.</summary>
    SendToBoard = 7,

    /// <summary>SentToBoard → BoardDecided: the secretary records the board's decision and its proposal to the council.</summary>
    RecordBoardDecision = 8,
}

/// <summary>
/// The report's workflow as a table: which move is legal from which status and where it leads. Everything else is
/// an illegal move and fails with a message that says what the move needs.
/// </summary>
public static class ReportWorkflow
{
    public const int ReasonMaxLength = 1000;

    private static readonly Dictionary<(ReportStatus From, WorkflowAction Action), ReportStatus> Moves = new()
    {
        [(ReportStatus.Draft, WorkflowAction.SubmitForReview)] = ReportStatus.InReview,
        // The board prepares what the council decides (Local Government Act 39 §): there is no way to the council past it.
        [(ReportStatus.InReview, WorkflowAction.SendToBoard)] = ReportStatus.SentToBoard,
        [(ReportStatus.SentToBoard, WorkflowAction.RecordBoardDecision)] = ReportStatus.BoardDecided,
        [(ReportStatus.BoardDecided, WorkflowAction.SendToCouncil)] = ReportStatus.SentToCouncil,
        [(ReportStatus.SentToCouncil, WorkflowAction.Approve)] = ReportStatus.Approved,
        [(ReportStatus.Approved, WorkflowAction.Publish)] = ReportStatus.Published,
        [(ReportStatus.InReview, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
        [(ReportStatus.SentToBoard, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
        [(ReportStatus.BoardDecided, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
        [(ReportStatus.SentToCouncil, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
        // The way out for an approved text that cannot be published as it is (an empty section approved before the
        // checklist, or a council that approved with changes): it is not edited in place but goes round again.
        [(ReportStatus.Approved, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
        [(ReportStatus.Published, WorkflowAction.StartNewVersion)] = ReportStatus.Draft,
    };

    /// <summary>Where the move leads, or null when it is not legal from this status.</summary>
    public static ReportStatus? Target(ReportStatus from, WorkflowAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static IReadOnlyList<WorkflowAction> AllowedFrom(ReportStatus from) =>
        Moves.Keys.Where(k => k.From == from).Select(k => k.Action).Order().ToList();

    /// <summary>The statuses in the order a report passes them, for the steps shown to users (the enum's numbers are not that order).</summary>
    public static IReadOnlyList<ReportStatus> Steps { get; } =
    [
        ReportStatus.Draft, ReportStatus.InReview, ReportStatus.SentToBoard, ReportStatus.BoardDecided, ReportStatus.SentToCouncil,
        ReportStatus.Approved, ReportStatus.Published,
    ];

    /// <summary>True while the board or the council has the report: its members read and comment, the welfare group waits.</summary>
    public static bool IsWithDecisionMakers(ReportStatus status) =>
        status is ReportStatus.SentToBoard or ReportStatus.BoardDecided or ReportStatus.SentToCouncil;

    /// <summary>The resource key of the message for an illegal move; it says which status the move needs.</summary>
    public static string IllegalMoveKey(WorkflowAction action) => $"Workflow.Illegal.{action}";

    internal static ReportStatus Require(ReportStatus from, WorkflowAction action) =>
        Target(from, action) ?? throw new DomainException(Enum.IsDefined(action) ? IllegalMoveKey(action) : "Workflow.UnknownAction");
}
