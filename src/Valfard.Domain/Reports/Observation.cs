using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

public enum ObservationKind
{
    /// <summary>Glädjeämne / ilon aihe: a strength to keep.</summary>
    Joy = 1,

    /// <summary>Orosmoment / huolen aihe: an area to develop.</summary>
    Concern = 2,
}

/// <summary>The life stage or theme an observation is about: the same grouping as THL's structure.</summary>
public enum LifeStage
{
    ChildrenAndFamilies = 1,
    Youth = 2,
    WorkingAge = 3,
    OlderPeople = 4,
    WholePopulation = 5,
}

/// <summary>A joy or a concern the welfare group identified, with the evidence behind it.</summary>
public class Observation : IOrganisationOwned, IVersioned
{
    public const int TextMaxLength = 1000;
    public const int EvidenceMaxLength = 2000;

    /// <summary>Enough for a theme's worth of indicators behind one observation; a page of them stays readable.</summary>
    public const int MaxIndicators = 20;

    private readonly List<ObservationEvidence> _indicators = [];

    private Observation()
    {
        TextFi = string.Empty;
        TextSv = string.Empty;
        Evidence = string.Empty;
        EvidenceSv = string.Empty;
    }

    public Observation(Guid id, Guid reportId, Guid organisationId, ObservationKind kind, LifeStage lifeStage,
        string textFi, string textSv, string evidence, Guid createdById, DateTimeOffset now) : this()
    {
        Id = id;
        ReportId = reportId;
        OrganisationId = organisationId;
        CreatedById = createdById;
        CreatedAt = now;
        Update(kind, lifeStage, textFi, textSv, evidence);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ObservationKind Kind { get; private set; }
    public LifeStage LifeStage { get; private set; }
    public string TextFi { get; private set; }
    public string TextSv { get; private set; }

    /// <summary>The indicators or other data the observation rests on, in the group's own words.</summary>
    public string Evidence { get; private set; }

    /// <summary>The evidence in Swedish; <see cref="Evidence"/> is the Finnish text.</summary>
    public string EvidenceSv { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The indicators behind the observation, each with its evidence as of the day it was linked.</summary>
    public IReadOnlyCollection<ObservationEvidence> Indicators => _indicators.AsReadOnly();

    /// <summary>
    /// Links an indicator with its evidence as it stands today. An indicator is linked once: its saved evidence is
    /// what the group saw when it decided, so linking it again would overwrite that record.
    /// </summary>
    public ObservationEvidence LinkIndicator(EvidenceCapture capture, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (_indicators.Any(e => e.IndicatorId == capture.IndicatorId))
        {
            throw new DomainException("Validation.ObservationIndicatorLinked", "IndicatorId");
        }
        if (_indicators.Count >= MaxIndicators)
        {
            throw new DomainException("Validation.ObservationTooManyIndicators", "IndicatorId");
        }
        var evidence = new ObservationEvidence(Guid.NewGuid(), Id, capture, userId, now);
        _indicators.Add(evidence);
        return evidence;
    }

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TextIn(string language) => language == "sv" && TextSv.Length > 0 ? TextSv : TextFi;

    public string EvidenceIn(string language) => BilingualText.In(Evidence, EvidenceSv, language);

    /// <summary>Set apart from <see cref="Update"/> so that callers that know only one language never wipe the other.</summary>
    public void TranslateEvidence(string evidenceSv)
    {
        evidenceSv = evidenceSv?.Trim() ?? string.Empty;
        if (evidenceSv.Length > EvidenceMaxLength)
        {
            throw new DomainException("Validation.ObservationTooLong");
        }
        EvidenceSv = evidenceSv;
    }

    public void Update(ObservationKind kind, LifeStage lifeStage, string textFi, string textSv, string evidence)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(lifeStage))
        {
            throw new DomainException("Validation.ObservationKindUnknown");
        }
        textFi = textFi?.Trim() ?? string.Empty;
        textSv = textSv?.Trim() ?? string.Empty;
        evidence = evidence?.Trim() ?? string.Empty;
        if (textFi.Length == 0 && textSv.Length == 0)
        {
            throw new DomainException("Validation.ObservationTextRequired");
        }
        if (textFi.Length > TextMaxLength || textSv.Length > TextMaxLength || evidence.Length > EvidenceMaxLength)
        {
            throw new DomainException("Validation.ObservationTooLong");
        }
        Kind = kind;
        LifeStage = lifeStage;
        TextFi = textFi.Length > 0 ? textFi : textSv;
        TextSv = textSv;
        Evidence = evidence;
    }
}
