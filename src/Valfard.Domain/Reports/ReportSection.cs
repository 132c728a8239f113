using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>A chapter or sub-chapter of a report, written by the editors of its sector, in each of the organisation's languages.</summary>
public class ReportSection : IOrganisationOwned, IVersioned
{
    private readonly List<SectionEditor> _editors = [];
    private readonly List<SectionText> _texts = [];

    private ReportSection()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        GuidanceFi = string.Empty;
        GuidanceSv = string.Empty;
        EmptyReasonFi = string.Empty;
        EmptyReasonSv = string.Empty;
    }

    /// <summary>The longest reason for leaving a section empty, per language; as for a left-out indicator's reason.</summary>
    public const int EmptyReasonMaxLength = 1000;

    internal ReportSection(Guid id, Guid reportId, Guid organisationId, Guid? parentId, int position,
        string titleFi, string titleSv, string guidanceFi, string guidanceSv, IEnumerable<string> languages,
        SectionPurpose purpose = SectionPurpose.Text) : this()
    {
        Purpose = purpose;
        Id = id;
        ReportId = reportId;
        OrganisationId = organisationId;
        ParentId = parentId;
        Position = position;
        Retitle(titleFi, titleSv);
        GuidanceFi = guidanceFi ?? string.Empty;
        GuidanceSv = guidanceSv ?? string.Empty;
        Status = SectionStatus.NotStarted;
        foreach (var language in languages)
        {
            _texts.Add(new SectionText(Guid.NewGuid(), id, organisationId, language));
        }
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Position { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string GuidanceFi { get; private set; }
    public string GuidanceSv { get; private set; }
    public Guid? SectorId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public SectionStatus Status { get; private set; }
    public SectionPurpose Purpose { get; private set; } = SectionPurpose.Text;

    /// <summary>
    /// The section shows the block "Impact assessments of the year": the organisation's assessments completed or decided
    /// in the report's year (issue 19 §4), listed under the text wherever the report is read.
    /// </summary>
    public bool ListsAssessments { get; private set; }

    /// <summary>
    /// The indicator of the block "Member municipalities compared" (issue 18 §3): the county's members, the county
    /// and the whole country side by side for the latest year. Null when the section has no such block; one per section.
    /// </summary>
    public int? MembersIndicatorId { get; private set; }

    /// <summary>
    /// The section shows the block "Member municipalities' goals by life stage" (issue 18 §3): the goals of the plans
    /// the county's members have delivered to it, grouped by life stage. Only in a county's regional report.
    /// </summary>
    public bool SummarisesMembersGoals { get; private set; }

    /// <summary>
    /// The welfare group decided to leave the section without text (issue 17 §1): in a language it has no text in,
    /// readers see <see cref="EmptyReasonFi"/> / <see cref="EmptyReasonSv"/> instead of "this section has no text",
    /// and the report may go to the council and be published.
    /// </summary>
    public bool IsIntentionallyEmpty { get; private set; }

    /// <summary>Why the section is empty; Finnish or Swedish or both, like a left-out indicator's reason.</summary>
    public string EmptyReasonFi { get; private set; }
    public string EmptyReasonSv { get; private set; }

    public IReadOnlyCollection<SectionEditor> Editors => _editors.AsReadOnly();
    public IReadOnlyCollection<SectionText> Texts => _texts.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public string GuidanceIn(string language) => language == "sv" && GuidanceSv.Length > 0 ? GuidanceSv : GuidanceFi;

    public bool IsOverdue(DateOnly today) => DueDate is { } due && due < today && Status != SectionStatus.Done;

    public bool IsEditor(Guid userId) => _editors.Any(e => e.UserId == userId);

    public SectionText? TextIn(string language) => _texts.FirstOrDefault(t => t.Language == language);

    public void Retitle(string titleFi, string titleSv)
    {
        (titleFi, titleSv) = BilingualTitle.Require(titleFi, titleSv, "Validation.SectionTitleRequired");
        TitleFi = titleFi;
        TitleSv = titleSv;
    }

    /// <summary>Inserts or removes the block of the year's impact assessments; only text sections hold it.</summary>
    public void ShowAssessments(bool show)
    {
        if (show && Purpose != SectionPurpose.Text)
        {
            throw new DomainException("Sections.AssessmentsOnlyInText");
        }
        ListsAssessments = show;
    }

    /// <summary>
    /// Inserts (an indicator) or removes (null) the members-comparison block. Only a county's regional report has
    /// member municipalities to compare, and only text sections hold blocks.
    /// </summary>
    public void CompareMembers(int? indicatorId, ReportKind reportKind)
    {
        if (indicatorId is not null && reportKind != ReportKind.Regional)
        {
            throw new DomainException("Sections.MembersOnlyInRegional");
        }
        if (indicatorId is not null && Purpose != SectionPurpose.Text)
        {
            throw new DomainException("Sections.MembersOnlyInText");
        }
        MembersIndicatorId = indicatorId;
    }

    /// <summary>
    /// Inserts or removes the members' goals block. Only a county's regional report has member municipalities whose
    /// goals it can summarise, and only text sections hold blocks.
    /// </summary>
    public void SummariseMembersGoals(bool show, ReportKind reportKind)
    {
        if (show && reportKind != ReportKind.Regional)
        {
            throw new DomainException("Sections.MembersGoalsOnlyInRegional");
        }
        if (show && Purpose != SectionPurpose.Text)
        {
            throw new DomainException("Sections.MembersGoalsOnlyInText");
        }
        SummarisesMembersGoals = show;
    }

    /// <summary>
    /// Marks the section as left empty on purpose, with a reason in Finnish or Swedish or both: a Finnish-speaking
    /// municipality writes only Finnish, and a reader of the other language sees it marked as being in that language.
    /// </summary>
    public void LeaveEmpty(string? reasonFi, string? reasonSv)
    {
        reasonFi = reasonFi?.Trim() ?? string.Empty;
        reasonSv = reasonSv?.Trim() ?? string.Empty;
        if (reasonFi.Length == 0 && reasonSv.Length == 0)
        {
            throw new DomainException("Validation.EmptyReasonRequired", nameof(EmptyReasonFi));
        }
        if (reasonFi.Length > EmptyReasonMaxLength || reasonSv.Length > EmptyReasonMaxLength)
        {
            throw new DomainException("Validation.EmptyReasonTooLong", reasonFi.Length > EmptyReasonMaxLength ? nameof(EmptyReasonFi) : nameof(EmptyReasonSv));
        }
        (IsIntentionallyEmpty, EmptyReasonFi, EmptyReasonSv) = (true, reasonFi, reasonSv);
    }

    /// <summary>Takes the mark away: the section is again expected to have text in every language.</summary>
    public void ExpectText() => (IsIntentionallyEmpty, EmptyReasonFi, EmptyReasonSv) = (false, string.Empty, string.Empty);

    /// <summary>The reason in <paramref name="language"/>, or in the other language with that language named; null when not marked.</summary>
    public (string Text, string Language)? EmptyReasonIn(string language)
    {
        if (!IsIntentionallyEmpty)
        {
            return null;
        }
        return language == "sv" ? EmptyReasonSv.Length > 0 ? (EmptyReasonSv, "sv") : (EmptyReasonFi, "fi")
            : EmptyReasonFi.Length > 0 ? (EmptyReasonFi, "fi") : (EmptyReasonSv, "sv");
    }

    /// <summary>Gives the section to a sector and its editors, with an optional deadline.</summary>
    public void Assign(Guid? sectorId, IEnumerable<Guid> editorIds, DateOnly? dueDate)
    {
        SectorId = sectorId;
        DueDate = dueDate;
        var wanted = editorIds.Distinct().ToList();
        _editors.RemoveAll(e => !wanted.Contains(e.UserId));
        foreach (var userId in wanted.Where(u => _editors.All(e => e.UserId != u)))
        {
            _editors.Add(new SectionEditor(Id, userId));
        }
    }

    /// <summary>The status moves someone in this role may make from the section's current status.</summary>
    public IReadOnlyList<SectionMove> MovesFor(SectionRole role) => SectionWorkflow.AvailableFrom(Status, role);

    /// <summary>Moves the section to another status along <see cref="SectionWorkflow"/>; any other move is refused.</summary>
    public void MoveTo(SectionStatus target, SectionRole role) => Status = SectionWorkflow.Require(Status, target, role).To;

    /// <summary>
    /// Sets any status, outside <see cref="SectionWorkflow"/>. Only for the coordinator's assignment page, whose
    /// status list has always offered every status from every status (it also re-posts the unchanged status with
    /// every save of the assignment); writers' status changes go through <see cref="MoveTo"/>.
    /// </summary>
    public void SetStatus(SectionStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Validation.SectionStatusUnknown");
        }
        Status = status;
    }

    /// <summary>Writing in a section that has not been started starts it.</summary>
    internal void NoteWritten()
    {
        if (Status == SectionStatus.NotStarted)
        {
            Status = SectionStatus.InProgress;
        }
    }
}

public class SectionEditor
{
    private SectionEditor() { }

    internal SectionEditor(Guid sectionId, Guid userId)
    {
        SectionId = sectionId;
        UserId = userId;
    }

    public Guid SectionId { get; private set; }
    public Guid UserId { get; private set; }
}
