using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>The part a person plays when a section's status changes.</summary>
public enum SectionRole
{
    /// <summary>Someone who may write the section: an editor named on it or working in its sector.</summary>
    Writer = 1,

    /// <summary>The welfare coordinator: writes every section and is the one who accepts them as done.</summary>
    Coordinator = 2,
}

/// <summary>The status moves of a section; each names its button in the section editor (<c>Sections.{action}</c>).</summary>
public enum SectionAction
{
    /// <summary>NotStarted or InProgress → ReadyForReview: the writers hand the text over.</summary>
    MarkReady = 1,

    /// <summary>ReadyForReview → InProgress: the text goes back to its writers.</summary>
    BackToWork = 2,

    /// <summary>ReadyForReview → Done: the coordinator accepts the text.</summary>
    MarkDone = 3,

    /// <summary>Done → InProgress: the coordinator opens an accepted section for writing again.</summary>
    Reopen = 4,
}

/// <summary>One legal status move of a section and who may make it.</summary>
public sealed record SectionMove(SectionStatus From, SectionStatus To, SectionAction Action, IReadOnlyList<SectionRole> By)
{
    public bool AllowedFor(SectionRole role) => By.Contains(role);
}

/// <summary>
/// A section's status moves as a table, like the report's <see cref="ReportWorkflow"/>: writers hand a section over
/// for review and take it back; only the coordinator accepts it as done or reopens it. Every other move is refused.
/// Writing in a section that has not been started starts it (<see cref="ReportSection.NoteWritten"/>); that is not a
/// move anyone makes. The coordinator's assignment page may still set any status (<see cref="ReportSection.SetStatus"/>).
/// </summary>
public static class SectionWorkflow
{
    private static readonly SectionRole[] WriterOrCoordinator = [SectionRole.Writer, SectionRole.Coordinator];
    private static readonly SectionRole[] CoordinatorOnly = [SectionRole.Coordinator];

    private static readonly SectionMove[] Moves =
    [
        new(SectionStatus.NotStarted, SectionStatus.ReadyForReview, SectionAction.MarkReady, WriterOrCoordinator),
        new(SectionStatus.InProgress, SectionStatus.ReadyForReview, SectionAction.MarkReady, WriterOrCoordinator),
        new(SectionStatus.ReadyForReview, SectionStatus.InProgress, SectionAction.BackToWork, WriterOrCoordinator),
        new(SectionStatus.ReadyForReview, SectionStatus.Done, SectionAction.MarkDone, CoordinatorOnly),
        new(SectionStatus.Done, SectionStatus.InProgress, SectionAction.Reopen, CoordinatorOnly),
    ];

    /// <summary>The resource key of the message for a move that is not in the table, or not for this role.</summary>
    public const string NotAllowedKey = "Sections.StatusNotAllowed";

    public static IReadOnlyList<SectionMove> Table => Moves;

    /// <summary>The move from one status to another, or null when the table has none.</summary>
    public static SectionMove? Find(SectionStatus from, SectionStatus to) =>
        Moves.FirstOrDefault(m => m.From == from && m.To == to);

    /// <summary>The moves someone in this role may make from this status, in table order.</summary>
    public static IReadOnlyList<SectionMove> AvailableFrom(SectionStatus from, SectionRole role) =>
        Moves.Where(m => m.From == from && m.AllowedFor(role)).ToList();

    internal static SectionMove Require(SectionStatus from, SectionStatus to, SectionRole role)
    {
        if (!Enum.IsDefined(to))
        {
            throw new DomainException("Validation.SectionStatusUnknown");
        }
        return Find(from, to) is { } move && move.AllowedFor(role) ? move : throw new DomainException(NotAllowedKey);
    }
}
