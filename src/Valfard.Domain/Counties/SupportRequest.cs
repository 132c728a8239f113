using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Counties;

/// <summary>What a municipality asks its county's help with; the county has a duty to support its municipalities.</summary>
public enum SupportKind
{
    DataInterpretation = 1,
    Training = 2,
    DrawingConclusions = 3,
    Other = 4,
}

/// <summary>Open until the county answers; closed when either side says it is settled.</summary>
public enum SupportRequestState
{
    Open = 1,
    Answered = 2,
    Closed = 3,
}

/// <summary>
/// A municipality's request for support from its wellbeing services county, and the county's answer. Owned by the
/// municipality that asks (its words, perhaps about its report); the county reaches it only as the municipality's county.
/// </summary>
public class SupportRequest : IOrganisationOwned, IVersioned
{
    public const int MessageMaxLength = 2000;
    public const int AnswerMaxLength = 4000;

    private SupportRequest()
    {
        Message = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The municipality that asks.</summary>
    public Guid OrganisationId { get; private set; }
    public Guid CountyId { get; private set; }
    public SupportKind Kind { get; private set; }
    public string Message { get; private set; }

    /// <summary>The municipality's report the request is about, if any.</summary>
    public Guid? ReportId { get; private set; }
    public Guid RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public SupportRequestState State { get; private set; }
    public string? Answer { get; private set; }
    public Guid? AnsweredById { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public static SupportRequest Ask(Organisation municipality, SupportKind kind, string? message, Guid? reportId, Guid requestedById,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (municipality.Kind != OrganisationKind.Municipality || municipality.CountyId is null)
        {
            throw new DomainException("County.Support.NoCounty");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("County.Support.KindRequired", nameof(Kind));
        }
        return new SupportRequest
        {
            Id = Guid.NewGuid(),
            OrganisationId = municipality.Id,
            CountyId = municipality.CountyId.Value,
            Kind = kind,
            Message = Required(message, MessageMaxLength, "County.Support.MessageRequired", "County.Support.MessageTooLong", nameof(Message)),
            ReportId = reportId,
            RequestedById = requestedById,
            RequestedAt = now,
            State = SupportRequestState.Open,
        };
    }

    /// <summary>The county answers; it may rewrite its answer until the request is closed.</summary>
    public void Respond(string? answer, Guid userId, DateTimeOffset now)
    {
        if (State == SupportRequestState.Closed)
        {
            throw new DomainException("County.Support.AlreadyClosed");
        }
        Answer = Required(answer, AnswerMaxLength, "County.Support.AnswerRequired", "County.Support.AnswerTooLong", nameof(Answer));
        AnsweredById = userId;
        AnsweredAt = now;
        State = SupportRequestState.Answered;
    }

    /// <summary>Settled: only an answered request closes, so nothing is closed unanswered by mistake.</summary>
    public void Close(DateTimeOffset now)
    {
        if (State != SupportRequestState.Answered)
        {
            throw new DomainException(State == SupportRequestState.Closed ? "County.Support.AlreadyClosed" : "County.Support.NotAnswered");
        }
        State = SupportRequestState.Closed;
        ClosedAt = now;
    }

    private static string Required(string? text, int maxLength, string requiredKey, string tooLongKey, string field)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException(requiredKey, field);
        }
        if (text.Length > maxLength)
        {
            throw new DomainException(tooLongKey, field);
        }
        return text;
    }
}
