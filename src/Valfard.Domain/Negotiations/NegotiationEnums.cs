namespace Valfard.Domain.Negotiations;

/// <summary>Where a yearly negotiation stands. Member names are stored in the database.</summary>
public enum NegotiationStatus
{
    /// <summary>Agreed on a date; both sides prepare the agenda.</summary>
    Scheduled = 1,

    /// <summary>The meeting took place; the record (participants, agreements, follow-up) is being written.</summary>
    Held = 2,

    /// <summary>Both sides accepted the record; it no longer changes.</summary>
    Approved = 3,
}

/// <summary>Which of the two organisations a person or an agenda item speaks for.</summary>
public enum NegotiationSide
{
    County = 1,
    Municipality = 2,
}

/// <summary>What an agreement is about: a goal both pursue, support the county gives, or a task someone takes on.</summary>
public enum AgreementKind
{
    SharedGoal = 1,
    Support = 2,
    Task = 3,
}

/// <summary>How an agreement of an earlier year went, as the next year's negotiation records it.</summary>
public enum AgreementProgress
{
    Done = 1,
    InProgress = 2,
    NotDone = 3,
}

/// <summary>Field limits shared by the domain checks and the EF configuration.</summary>
public static class NegotiationLimits
{
    public const int PlaceMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;
    public const int LinkMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int ResponsibleMaxLength = 300;
    public const int NoteMaxLength = 2000;
    public const int FirstYear = 2023;
    public const int LastYear = 2100;

    /// <summary>Trimmed text within its limit; the domain's refusal (with the field it is about) when too long.</summary>
    public static string Optional(string? text, int maxLength, string field)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length > maxLength)
        {
            throw new Common.DomainException("Negotiation.Validation.TooLong", field);
        }
        return trimmed;
    }

    /// <summary>Text that must be there: refused empty, or longer than its limit.</summary>
    public static string Required(string? text, int maxLength, string field)
    {
        var trimmed = Optional(text, maxLength, field);
        if (trimmed.Length == 0)
        {
            throw new Common.DomainException("Negotiation.Validation.Required", field);
        }
        return trimmed;
    }
}
