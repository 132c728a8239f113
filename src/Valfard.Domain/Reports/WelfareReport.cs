using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Reports;

/// <summary>
/// A welfare report of one organisation: the term-long comprehensive report, an annual report, or a county's
/// regional report. Its status changes only through its own workflow methods.
/// </summary>
public class WelfareReport : IOrganisationOwned, IVersioned
{
    private readonly List<ReportSection> _sections = [];

    private WelfareReport()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public ReportKind Kind { get; private set; }
    public Guid CouncilTermId { get; private set; }

    /// <summary>The year an annual report covers; null for term-long reports.</summary>
    public int? Year { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }

    /// <summary>The version being worked on: 1 until the first approved version is published, then 2, and so on.</summary>
    public int VersionNumber { get; private set; } = 1;

    /// <summary>Why the report was last sent back to draft; cleared when it moves on.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>
    /// The board's decision on the version being worked on: recorded while the board has the report, carried into the
    /// approved version, cleared when the text goes back to the writers (a changed text needs the board again). Null
    /// also for a report that went to the council before the board's step existed; it stays valid.
    /// </summary>
    public BoardDecision? BoardDecision { get; private set; }

    /// <summary>When the version being worked on was sent to the board; what the board read is dated by it.</summary>
    public DateTimeOffset? SentToBoardAt { get; private set; }

    /// <summary>When the version being worked on was sent to the council; the council's document is dated by it.</summary>
    public DateTimeOffset? SentToCouncilAt { get; private set; }

    public IReadOnlyCollection<ReportSection> Sections => _sections.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    /// <summary>Sections in reading order, each top-level section followed by its sub-sections.</summary>
    public IReadOnlyList<ReportSection> SectionsInReadingOrder() =>
        ReportTemplate.Order(_sections, s => s.Id, s => s.ParentId, s => s.Position);

    /// <summary>"3.1"-style numbers for every section, in reading order.</summary>
    public IReadOnlyDictionary<Guid, string> SectionNumbers() =>
        ReportTemplate.Numbers(_sections, s => s.Id, s => s.ParentId, s => s.Position);

    /// <summary>Starts a report from the organisation's template, in each of the organisation's languages.</summary>
    public static WelfareReport Create(Guid id, Organisation organisation, ReportKind kind, CouncilTerm term, int? year,
        string titleFi, string titleSv, ReportTemplate template, Guid createdById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(template);
        CheckKind(organisation, kind, term, year);
        var report = new WelfareReport
        {
            Id = id,
            OrganisationId = organisation.Id,
            Kind = kind,
            CouncilTermId = term.Id,
            Year = kind == ReportKind.Annual ? year : null,
            Status = ReportStatus.Draft,
            CreatedAt = now,
            CreatedById = createdById,
        };
        report.Retitle(titleFi, titleSv);

        var languages = LanguagesOf(organisation);
        var newIds = template.Sections.ToDictionary(s => s.Id, _ => Guid.NewGuid());
        foreach (var source in template.InReadingOrder())
        {
            report._sections.Add(new ReportSection(newIds[source.Id], id, organisation.Id,
                source.ParentId is { } parent ? newIds[parent] : null, source.Position,
                source.TitleFi, source.TitleSv, source.GuidanceFi, source.GuidanceSv, languages, source.Purpose));
        }
        return report;
    }

    public static IReadOnlyList<string> LanguagesOf(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var languages = new List<string>();
        if (organisation.Languages.HasFlag(OrganisationLanguages.Finnish))
        {
            languages.Add("fi");
        }
        if (organisation.Languages.HasFlag(OrganisationLanguages.Swedish))
        {
            languages.Add("sv");
        }
        return languages;
    }

    public void Retitle(string titleFi, string titleSv)
    {
        (titleFi, titleSv) = BilingualTitle.Require(titleFi, titleSv, "Validation.ReportTitleRequired");
        TitleFi = titleFi;
        TitleSv = titleSv;
    }

    /// <summary>Texts can be written only while the report is a draft; later stages are read-only.</summary>
    public void EnsureEditable()
    {
        if (Status != ReportStatus.Draft)
        {
            throw new DomainException("Reports.NotEditable");
        }
    }

    /// <summary>
    /// A workflow move that needs nothing but the report itself: review, the board, the council, back to draft (with a
    /// reason) and starting the next version. The board's decision, approval and publishing have their own methods
    /// because they need more.
    /// </summary>
    public void Move(WorkflowAction action, string? reason, DateTimeOffset now)
    {
        if (action is WorkflowAction.Approve or WorkflowAction.Publish or WorkflowAction.RecordBoardDecision)
        {
            throw new DomainException(ReportWorkflow.IllegalMoveKey(action));
        }
        var target = ReportWorkflow.Require(Status, action);
        if (action == WorkflowAction.ReturnToDraft)
        {
            reason = reason?.Trim() ?? string.Empty;
            if (reason.Length == 0)
            {
                throw new DomainException("Validation.ReturnReasonRequired");
            }
            if (reason.Length > ReportWorkflow.ReasonMaxLength)
            {
                throw new DomainException("Validation.ReturnReasonTooLong");
            }
            ReturnReason = reason;
        }
        else
        {
            ReturnReason = null;
        }
        switch (action)
        {
            case WorkflowAction.SendToBoard:
                SentToBoardAt = now;
                break;
            case WorkflowAction.SendToCouncil:
                SentToCouncilAt = now;
                break;
            case WorkflowAction.ReturnToDraft or WorkflowAction.StartNewVersion:
                // The writers change the text, so what the board decided and when anything was sent no longer hold.
                BoardDecision = null;
                SentToBoardAt = null;
                SentToCouncilAt = null;
                break;
        }
        // Back from Approved, the council's version keeps its number and its decision, unpublished; what the writers
        // change now is the next version, which the board and the council decide on again.
        if (action == WorkflowAction.StartNewVersion || Status == ReportStatus.Approved)
        {
            VersionNumber++;
        }
        Status = target;
    }

    /// <summary>Records the board's decision from its minutes; the report then waits to be sent to the council.</summary>
    public void RecordBoardDecision(BoardDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var target = ReportWorkflow.Require(Status, WorkflowAction.RecordBoardDecision);
        BoardDecision = decision;
        ReturnReason = null;
        Status = target;
    }

    /// <summary>
    /// Records the council's decision and freezes what it approved: the snapshot becomes version
    /// <see cref="VersionNumber"/> of the report and never changes again.
    /// </summary>
    public ReportVersion Approve(CouncilDecision decision, string snapshotJson, Guid approvedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrEmpty(snapshotJson);
        var target = ReportWorkflow.Require(Status, WorkflowAction.Approve);
        if (BoardDecision is { } board && decision.MeetingDate < board.MeetingDate)
        {
            throw new DomainException("Validation.CouncilBeforeBoard", nameof(CouncilDecision.MeetingDate));
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(snapshotJson)));
        var version = new ReportVersion(Id, OrganisationId, VersionNumber, decision, BoardDecision?.Copy(), snapshotJson, hash, approvedById, now);
        Status = target;
        ReturnReason = null;
        return version;
    }

    /// <summary>Publishes the approved version; residents see exactly what the council approved.</summary>
    public void Publish(ReportVersion version, Guid publishedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        var target = ReportWorkflow.Require(Status, WorkflowAction.Publish);
        if (version.ReportId != Id || version.Number != VersionNumber)
        {
            throw new DomainException("Workflow.VersionMismatch");
        }
        version.MarkPublished(publishedById, now);
        Status = target;
    }

    private static void CheckKind(Organisation organisation, ReportKind kind, CouncilTerm term, int? year)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Validation.ReportKindUnknown");
        }
        var isCounty = organisation.Kind == OrganisationKind.WellbeingServicesCounty;
        if (kind == ReportKind.Regional != isCounty)
        {
            throw new DomainException(isCounty ? "Validation.CountyWritesRegional" : "Validation.RegionalIsForCounties");
        }
        if (kind == ReportKind.Annual && (year is not { } y || !term.Years.Contains(y)))
        {
            throw new DomainException("Validation.YearOutsideTerm", nameof(Year));
        }
    }
}
