using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Negotiations;

/// <summary>
/// The yearly negotiation (hyvinvointineuvottelu / välfärdsförhandling) between a wellbeing services county and one of
/// its member municipalities: the agenda both sides prepare, and the record of the meeting (participants, what was
/// agreed and how last year's agreements went). It is owned by the county, which convenes it, so the tenant filter
/// keeps it inside the county; the member municipality reaches it only through the one access rule of the web layer
/// (the municipality named in <see cref="MunicipalityId"/>). Its rows have no organisation of their own and are only
/// ever loaded through it.
/// </summary>
public class Negotiation : IOrganisationOwned, IVersioned
{
    private readonly List<AgendaItem> _agenda = [];
    private readonly List<NegotiationParticipant> _participants = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<AgreementFollowUp> _followUps = [];

    private Negotiation()
    {
        Place = string.Empty;
        Summary = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The county, which convenes the negotiation and owns it.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The member municipality the county negotiates with.</summary>
    public Guid MunicipalityId { get; private set; }
    public int Year { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public string Place { get; private set; }
    public bool IsOnline { get; private set; }
    public NegotiationStatus Status { get; private set; }

    /// <summary>What was discussed, in the record's own words.</summary>
    public string Summary { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedById { get; private set; }

    public IReadOnlyCollection<AgendaItem> Agenda => _agenda.AsReadOnly();
    public IReadOnlyCollection<NegotiationParticipant> Participants => _participants.AsReadOnly();
    public IReadOnlyCollection<Agreement> Agreements => _agreements.AsReadOnly();
    public IReadOnlyCollection<AgreementFollowUp> FollowUps => _followUps.AsReadOnly();

    public IReadOnlyList<AgendaItem> OrderedAgenda => [.. _agenda.OrderBy(i => i.Position)];
    public IReadOnlyList<Agreement> OrderedAgreements => [.. _agreements.OrderBy(a => a.Position)];

    public bool IsApproved => Status == NegotiationStatus.Approved;

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>The county schedules a negotiation with one of its own member municipalities for a year.</summary>
    public static Negotiation Schedule(Guid id, Organisation county, Organisation municipality, int year, DateOnly meetingDate, string? place,
        bool isOnline, Guid createdById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentNullException.ThrowIfNull(municipality);
        if (county.Kind != OrganisationKind.WellbeingServicesCounty)
        {
            throw new DomainException("Negotiation.Validation.NotCounty");
        }
        if (municipality.Kind != OrganisationKind.Municipality || municipality.CountyId != county.Id)
        {
            throw new DomainException("Negotiation.Validation.NotMember", nameof(MunicipalityId));
        }
        if (year is < NegotiationLimits.FirstYear or > NegotiationLimits.LastYear)
        {
            throw new DomainException("Negotiation.Validation.Year", nameof(Year));
        }
        var negotiation = new Negotiation
        {
            Id = id,
            OrganisationId = county.Id,
            MunicipalityId = municipality.Id,
            Year = year,
            Status = NegotiationStatus.Scheduled,
            CreatedById = createdById,
            CreatedAt = now,
        };
        negotiation.Reschedule(meetingDate, place, isOnline);
        return negotiation;
    }

    /// <summary>A new date or place, while the meeting is still ahead.</summary>
    public void Reschedule(DateOnly meetingDate, string? place, bool isOnline)
    {
        // An approved record is final: nothing moves it back to a meeting still ahead (issue 18 §4).
        EnsureOpen();
        if (Status != NegotiationStatus.Scheduled)
        {
            throw new DomainException("Negotiation.Validation.NotScheduled");
        }
        // The meeting is about the year's cycle: it is held in that year or, at the latest, early the next.
        if (meetingDate.Year < Year || meetingDate.Year > Year + 1)
        {
            throw new DomainException("Negotiation.Validation.DateOutsideYear", nameof(MeetingDate));
        }
        var where = NegotiationLimits.Optional(place, NegotiationLimits.PlaceMaxLength, nameof(Place));
        if (where.Length == 0 && !isOnline)
        {
            throw new DomainException("Negotiation.Validation.PlaceRequired", nameof(Place));
        }
        (MeetingDate, Place, IsOnline) = (meetingDate, where, isOnline);
    }

    // ---- the agenda: both sides add, edit, order and remove their own items until the record is approved

    public AgendaItem AddAgendaItem(NegotiationSide side, string? title, string? details, string? link, AgendaSource source = AgendaSource.Own)
    {
        EnsureOpen();
        var item = new AgendaItem(Guid.NewGuid(), Id, side, _agenda.Count == 0 ? 1 : _agenda.Max(i => i.Position) + 1, source);
        item.Change(title, details, link);
        _agenda.Add(item);
        return item;
    }

    public void EditAgendaItem(Guid itemId, NegotiationSide side, string? title, string? details, string? link)
    {
        EnsureOpen();
        OwnItem(itemId, side).Change(title, details, link);
    }

    public void RemoveAgendaItem(Guid itemId, NegotiationSide side)
    {
        EnsureOpen();
        _agenda.Remove(OwnItem(itemId, side));
    }

    /// <summary>
    /// Moves a side's own item one place up (-1) or down (+1) among that side's items: it swaps places with the nearest
    /// item of the same side, so neither side can reorder the other's items.
    /// </summary>
    public void MoveAgendaItem(Guid itemId, NegotiationSide side, int direction)
    {
        EnsureOpen();
        var item = OwnItem(itemId, side);
        var neighbour = direction < 0
            ? _agenda.Where(i => i.Side == side && i.Position < item.Position).MaxBy(i => i.Position)
            : _agenda.Where(i => i.Side == side && i.Position > item.Position).MinBy(i => i.Position);
        if (neighbour is null)
        {
            return;
        }
        var position = item.Position;
        item.MoveTo(neighbour.Position);
        neighbour.MoveTo(position);
    }

    private AgendaItem OwnItem(Guid itemId, NegotiationSide side)
    {
        var item = _agenda.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainException("Negotiation.Validation.ItemMissing");
        if (item.Side != side)
        {
            throw new DomainException("Negotiation.Validation.OtherSidesItem");
        }
        return item;
    }

    // ---- the state moves

    /// <summary>The meeting took place: the record can be written.</summary>
    public void MarkHeld(DateTimeOffset now)
    {
        if (Status != NegotiationStatus.Scheduled)
        {
            throw new DomainException("Negotiation.Validation.NotScheduled");
        }
        if (_agenda.Count == 0)
        {
            throw new DomainException("Negotiation.Validation.AgendaEmpty");
        }
        Status = NegotiationStatus.Held;
        HeldAt = now;
    }

    /// <summary>The record is accepted as it stands; who was there and what was agreed no longer change.</summary>
    public void Approve(Guid userId, DateTimeOffset now)
    {
        if (Status != NegotiationStatus.Held)
        {
            throw new DomainException("Negotiation.Validation.NotHeld");
        }
        if (!_participants.Any(p => p.Side == NegotiationSide.County) || !_participants.Any(p => p.Side == NegotiationSide.Municipality))
        {
            throw new DomainException("Negotiation.Validation.ParticipantsMissing");
        }
        if (_agreements.Count == 0)
        {
            throw new DomainException("Negotiation.Validation.AgreementsMissing");
        }
        Status = NegotiationStatus.Approved;
        ApprovedAt = now;
        ApprovedById = userId;
    }

    // ---- the record, written once the meeting has been held

    public void WriteSummary(string? summary)
    {
        EnsureRecordOpen();
        Summary = NegotiationLimits.Optional(summary, NegotiationLimits.TextMaxLength, nameof(Summary));
    }

    public NegotiationParticipant AddParticipant(string? name, NegotiationSide side, string? role)
    {
        EnsureRecordOpen();
        if (!Enum.IsDefined(side))
        {
            throw new DomainException("Negotiation.Validation.SideUnknown", "Side");
        }
        var participant = new NegotiationParticipant(Guid.NewGuid(), Id, NegotiationLimits.Required(name, NegotiationLimits.NameMaxLength, "Name"),
            side, NegotiationLimits.Optional(role, NegotiationLimits.NameMaxLength, "Role"));
        _participants.Add(participant);
        return participant;
    }

    public void RemoveParticipant(Guid participantId)
    {
        EnsureRecordOpen();
        _participants.Remove(_participants.FirstOrDefault(p => p.Id == participantId) ?? throw new DomainException("Negotiation.Validation.ItemMissing"));
    }

    public Agreement AddAgreement(AgreementKind kind, string? titleFi, string? titleSv, string? responsible, DateOnly? dueDate)
    {
        EnsureRecordOpen();
        var agreement = new Agreement(Guid.NewGuid(), Id, _agreements.Count == 0 ? 1 : _agreements.Max(a => a.Position) + 1);
        agreement.Change(kind, titleFi, titleSv, responsible, dueDate);
        _agreements.Add(agreement);
        return agreement;
    }

    public void EditAgreement(Guid agreementId, AgreementKind kind, string? titleFi, string? titleSv, string? responsible, DateOnly? dueDate)
    {
        EnsureRecordOpen();
        AgreementOf(agreementId).Change(kind, titleFi, titleSv, responsible, dueDate);
    }

    public void RemoveAgreement(Guid agreementId)
    {
        EnsureRecordOpen();
        _agreements.Remove(AgreementOf(agreementId));
    }

    public Agreement AgreementOf(Guid agreementId) =>
        _agreements.FirstOrDefault(a => a.Id == agreementId) ?? throw new DomainException("Negotiation.Validation.ItemMissing");

    /// <summary>
    /// Records how one of an earlier year's agreements went (done / in progress / not done, with a note). Only the
    /// agreements of an approved, earlier negotiation between the same two organisations can be followed up here.
    /// </summary>
    public AgreementFollowUp FollowUp(Negotiation earlier, Guid agreementId, AgreementProgress progress, string? note)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        EnsureRecordOpen();
        if (earlier.OrganisationId != OrganisationId || earlier.MunicipalityId != MunicipalityId || earlier.Year >= Year || !earlier.IsApproved)
        {
            throw new DomainException("Negotiation.Validation.NotEarlierAgreement");
        }
        if (earlier.Agreements.All(a => a.Id != agreementId))
        {
            throw new DomainException("Negotiation.Validation.NotEarlierAgreement");
        }
        if (!Enum.IsDefined(progress))
        {
            throw new DomainException("Negotiation.Validation.ProgressUnknown", "Progress");
        }
        var text = NegotiationLimits.Optional(note, NegotiationLimits.NoteMaxLength, "Note");
        // Something not done needs its reason, or the follow-up says nothing next year either.
        if (progress != AgreementProgress.Done && text.Length == 0)
        {
            throw new DomainException("Negotiation.Validation.NoteRequired", "Note");
        }
        var followUp = _followUps.FirstOrDefault(f => f.AgreementId == agreementId);
        if (followUp is null)
        {
            followUp = new AgreementFollowUp(Guid.NewGuid(), Id, agreementId);
            _followUps.Add(followUp);
        }
        followUp.Record(progress, text);
        return followUp;
    }

    /// <summary>
    /// Ties an agreed shared goal to the goal that now carries it in one side's welfare plan. Only an approved record's
    /// shared goals are put into plans: until then the goal is not agreed.
    /// </summary>
    public void LinkGoal(Guid agreementId, NegotiationSide side, Guid goalId, string goalCode)
    {
        if (!IsApproved)
        {
            throw new DomainException("Negotiation.Validation.NotApproved");
        }
        AgreementOf(agreementId).LinkGoal(side, goalId, goalCode);
    }

    private void EnsureOpen()
    {
        if (IsApproved)
        {
            throw new DomainException("Negotiation.Validation.Approved");
        }
    }

    private void EnsureRecordOpen()
    {
        if (Status != NegotiationStatus.Held)
        {
            throw new DomainException(IsApproved ? "Negotiation.Validation.Approved" : "Negotiation.Validation.NotHeld");
        }
    }
}

/// <summary>Where an agenda item came from: written by a side, or suggested from its report, plan follow-up or indicators.</summary>
public enum AgendaSource
{
    Own = 1,
    Report = 2,
    PlanFollowUp = 3,
    Indicators = 4,
}

/// <summary>An item on the agenda, brought by one side; only that side changes it.</summary>
public class AgendaItem
{
    private AgendaItem()
    {
        Title = string.Empty;
        Details = string.Empty;
        Link = string.Empty;
    }

    internal AgendaItem(Guid id, Guid negotiationId, NegotiationSide side, int position, AgendaSource source) : this()
    {
        if (!Enum.IsDefined(side))
        {
            throw new DomainException("Negotiation.Validation.SideUnknown");
        }
        Id = id;
        NegotiationId = negotiationId;
        Side = side;
        Position = position;
        Source = source;
    }

    public Guid Id { get; private set; }
    public Guid NegotiationId { get; private set; }
    public NegotiationSide Side { get; private set; }
    public int Position { get; private set; }
    public AgendaSource Source { get; private set; }
    public string Title { get; private set; }
    public string Details { get; private set; }

    /// <summary>A page of Valfard (a local path) or a public web address the item refers to; empty for none.</summary>
    public string Link { get; private set; }

    internal void Change(string? title, string? details, string? link)
    {
        Title = NegotiationLimits.Required(title, NegotiationLimits.TitleMaxLength, nameof(Title));
        Details = NegotiationLimits.Optional(details, NegotiationLimits.TextMaxLength, nameof(Details));
        var address = NegotiationLimits.Optional(link, NegotiationLimits.LinkMaxLength, nameof(Link));
        // A link is printed and followed by the other side: a local page or an http(s) address, never a script.
        if (address.Length > 0 && !IsLocal(address)
            && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new DomainException("Negotiation.Validation.Link", nameof(Link));
        }
        Link = address;
    }

    private static bool IsLocal(string address) =>
        address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal) && !address.StartsWith("/\\", StringComparison.Ordinal);

    internal void MoveTo(int position) => Position = position;
}

/// <summary>Someone who took part in the meeting, with the organisation they spoke for and their role there.</summary>
public class NegotiationParticipant
{
    private NegotiationParticipant()
    {
        Name = string.Empty;
        Role = string.Empty;
    }

    internal NegotiationParticipant(Guid id, Guid negotiationId, string name, NegotiationSide side, string role) : this()
    {
        Id = id;
        NegotiationId = negotiationId;
        Name = name;
        Side = side;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid NegotiationId { get; private set; }
    public string Name { get; private set; }
    public NegotiationSide Side { get; private set; }
    public string Role { get; private set; }
}

/// <summary>
/// One thing agreed: a shared goal, support the county gives, or a task, with who does it and by when. A shared
/// goal, once the record is approved, is carried by a goal in each side's welfare plan.
/// </summary>
public class Agreement
{
    private Agreement()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        Responsible = string.Empty;
        MunicipalityGoalCode = string.Empty;
        CountyGoalCode = string.Empty;
    }

    internal Agreement(Guid id, Guid negotiationId, int position) : this()
    {
        Id = id;
        NegotiationId = negotiationId;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid NegotiationId { get; private set; }
    public int Position { get; private set; }
    public AgreementKind Kind { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }

    /// <summary>Who does what, in the record's words (e.g. "hyvinvointialueen perhekeskus ja kunnan nuorisotoimi").</summary>
    public string Responsible { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public Guid? MunicipalityGoalId { get; private set; }
    public string MunicipalityGoalCode { get; private set; }
    public Guid? CountyGoalId { get; private set; }
    public string CountyGoalCode { get; private set; }

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public Guid? GoalOf(NegotiationSide side) => side == NegotiationSide.County ? CountyGoalId : MunicipalityGoalId;

    internal void Change(AgreementKind kind, string? titleFi, string? titleSv, string? responsible, DateOnly? dueDate)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Negotiation.Validation.KindUnknown", nameof(Kind));
        }
        if (kind != AgreementKind.SharedGoal && (MunicipalityGoalId is not null || CountyGoalId is not null))
        {
            throw new DomainException("Negotiation.Validation.GoalLinked", nameof(Kind));
        }
        Kind = kind;
        TitleFi = NegotiationLimits.Required(titleFi, NegotiationLimits.TitleMaxLength, nameof(TitleFi));
        TitleSv = NegotiationLimits.Optional(titleSv, NegotiationLimits.TitleMaxLength, nameof(TitleSv));
        Responsible = NegotiationLimits.Optional(responsible, NegotiationLimits.ResponsibleMaxLength, nameof(Responsible));
        DueDate = dueDate;
    }

    internal void LinkGoal(NegotiationSide side, Guid goalId, string goalCode)
    {
        if (Kind != AgreementKind.SharedGoal)
        {
            throw new DomainException("Negotiation.Validation.NotSharedGoal");
        }
        if (GoalOf(side) is not null)
        {
            throw new DomainException("Negotiation.Validation.AlreadyInPlan");
        }
        if (side == NegotiationSide.County)
        {
            (CountyGoalId, CountyGoalCode) = (goalId, goalCode);
        }
        else
        {
            (MunicipalityGoalId, MunicipalityGoalCode) = (goalId, goalCode);
        }
    }
}

/// <summary>How one agreement of an earlier negotiation went, recorded in a later one.</summary>
public class AgreementFollowUp
{
    private AgreementFollowUp() => Note = string.Empty;

    internal AgreementFollowUp(Guid id, Guid negotiationId, Guid agreementId) : this()
    {
        Id = id;
        NegotiationId = negotiationId;
        AgreementId = agreementId;
    }

    public Guid Id { get; private set; }

    /// <summary>The later negotiation that records the follow-up.</summary>
    public Guid NegotiationId { get; private set; }

    /// <summary>The earlier negotiation's agreement followed up.</summary>
    public Guid AgreementId { get; private set; }
    public AgreementProgress Progress { get; private set; }
    public string Note { get; private set; }

    internal void Record(AgreementProgress progress, string note) => (Progress, Note) = (progress, note);
}
