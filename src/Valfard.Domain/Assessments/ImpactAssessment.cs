using Valfard.Domain.Common;

namespace Valfard.Domain.Assessments;

/// <summary>
/// An impact assessment in advance (ennakkovaikutusten arviointi, EVA / förhandsbedömning av konsekvenser) of one
/// pending decision: the alternatives compared area by area, the preparer's conclusion, the indicators to follow and,
/// once made, the decision. Moves from in preparation to completed (every alternative assessed in every area and a
/// conclusion written) to decided; a completed one may be reopened for corrections, a decided one no longer changes.
/// </summary>
public class ImpactAssessment : IOrganisationOwned, IVersioned
{
    private readonly List<AssessmentAlternative> _alternatives = [];
    private readonly List<AreaImpact> _impacts = [];
    private readonly List<AssessmentFollowUp> _followUps = [];

    private ImpactAssessment()
    {
        DecisionTitle = string.Empty;
        PreparingBody = string.Empty;
        AgendaLink = string.Empty;
        Language = "fi";
        Conclusion = string.Empty;
        ChildrenHeardHow = string.Empty;
        DecisionParagraph = string.Empty;
    }

    /// <summary>
    /// Starts an assessment with the "do nothing" alternative and one option, each with a row for every area given
    /// (the organisation's active areas, the child areas only for the child variant).
    /// </summary>
    public static ImpactAssessment Start(Guid id, Guid organisationId, string decisionTitle, string preparingBody, DateOnly? plannedDecisionDate,
        string agendaLink, Guid preparerId, bool childImpact, string language, string doNothingTitle, string optionTitle,
        IEnumerable<AssessmentArea> areas, Guid createdById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var assessment = new ImpactAssessment
        {
            Id = id,
            OrganisationId = organisationId,
            PreparerId = preparerId,
            IsChildImpact = childImpact,
            Language = language == "sv" ? "sv" : "fi",
            CreatedById = createdById,
            CreatedAt = now,
            Status = AssessmentStatus.InPreparation,
        };
        assessment.Describe(decisionTitle, preparingBody, plannedDecisionDate, agendaLink, preparerId);
        var used = areas.Where(a => !a.IsRetired && (childImpact || !a.ForChildren)).OrderBy(a => a.Position).Select(a => a.Id).ToList();
        if (used.Count == 0)
        {
            throw new DomainException("Assessment.Validation.NoAreas");
        }
        assessment._areaIds = used;
        assessment.AddAlternativeRows(doNothingTitle, isDoNothing: true);
        assessment.AddAlternativeRows(optionTitle, isDoNothing: false);
        return assessment;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public string DecisionTitle { get; private set; }

    /// <summary>The body that prepares the decision (valmisteleva toimielin / beredande organ), e.g. "Sivistyslautakunta".</summary>
    public string PreparingBody { get; private set; }
    public DateOnly? PlannedDecisionDate { get; private set; }

    /// <summary>The address of the agenda item, or empty while there is none.</summary>
    public string AgendaLink { get; private set; }
    public Guid PreparerId { get; private set; }

    /// <summary>The child impact variant (lapsivaikutusten arviointi / barnkonsekvensbedömning).</summary>
    public bool IsChildImpact { get; private set; }

    /// <summary>The language the preparer writes in ("fi" or "sv"); the printed document marks the texts with it.</summary>
    public string Language { get; private set; }
    public AssessmentStatus Status { get; private set; }
    public string Conclusion { get; private set; }

    /// <summary>For the child variant: were children and young people heard (lasten kuuleminen), and how.</summary>
    public bool? ChildrenHeard { get; private set; }
    public string ChildrenHeardHow { get; private set; }

    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public Guid? ChosenAlternativeId { get; private set; }
    public DateOnly? DecisionDate { get; private set; }

    /// <summary>The paragraph of the minutes, e.g. "§ 45".</summary>
    public string DecisionParagraph { get; private set; }

    /// <summary>Shown on the organisation's public pages (only completed or decided assessments).</summary>
    public bool IsPublished { get; private set; }

    public IReadOnlyCollection<AssessmentAlternative> Alternatives => _alternatives.AsReadOnly();

    /// <summary>The alternatives in the order they were added, "do nothing" first.</summary>
    public IReadOnlyList<AssessmentAlternative> OrderedAlternatives => _alternatives.OrderBy(a => a.Position).ToList();
    public IReadOnlyCollection<AreaImpact> Impacts => _impacts.AsReadOnly();
    public IReadOnlyCollection<AssessmentFollowUp> FollowUps => _followUps.AsReadOnly();

    /// <summary>The areas of this assessment, in order: those of its rows (fixed when it started).</summary>
    public IReadOnlyList<Guid> AreaIds => _areaIds ??= _impacts.OrderBy(i => i.Position).Select(i => i.AreaId).Distinct().ToList();

    private List<Guid>? _areaIds;

    public bool IsEditable => Status == AssessmentStatus.InPreparation;

    public void RenewVersion() => Version = Guid.NewGuid();

    public void Describe(string decisionTitle, string preparingBody, DateOnly? plannedDecisionDate, string agendaLink, Guid preparerId)
    {
        EnsureEditable();
        DecisionTitle = AssessmentLimits.Required(decisionTitle, AssessmentLimits.TitleMaxLength, nameof(DecisionTitle), "Assessment.Validation.TitleRequired");
        PreparingBody = AssessmentLimits.Required(preparingBody, AssessmentLimits.BodyMaxLength, nameof(PreparingBody), "Assessment.Validation.BodyRequired");
        AgendaLink = AssessmentLimits.Optional(agendaLink, AssessmentLimits.LinkMaxLength, nameof(AgendaLink));
        if (AgendaLink.Length > 0 && !(Uri.TryCreate(AgendaLink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            throw new DomainException("Assessment.Validation.LinkInvalid", nameof(AgendaLink));
        }
        PlannedDecisionDate = plannedDecisionDate;
        PreparerId = preparerId;
    }

    public AssessmentAlternative AddAlternative(string title)
    {
        EnsureEditable();
        if (_alternatives.Count >= AssessmentLimits.MaximumAlternatives)
        {
            throw new DomainException("Assessment.Validation.TooManyAlternatives");
        }
        return AddAlternativeRows(title, isDoNothing: false);
    }

    public void RenameAlternative(Guid alternativeId, string title, string description)
    {
        EnsureEditable();
        AlternativeOf(alternativeId).Rename(title, description);
    }

    /// <summary>Removes an option with its rows. "Do nothing" stays, and so do at least two alternatives.</summary>
    public void RemoveAlternative(Guid alternativeId)
    {
        EnsureEditable();
        var alternative = AlternativeOf(alternativeId);
        if (alternative.IsDoNothing)
        {
            throw new DomainException("Assessment.Validation.DoNothingStays");
        }
        if (_alternatives.Count <= AssessmentLimits.MinimumAlternatives)
        {
            throw new DomainException("Assessment.Validation.TwoAlternatives");
        }
        _impacts.RemoveAll(i => i.AlternativeId == alternativeId);
        _alternatives.Remove(alternative);
    }

    /// <summary>Records the assessment of one alternative in one area.</summary>
    public void Assess(Guid impactId, ImpactDirection? direction, ImpactSize? size, ImpactCertainty? certainty, PopulationGroups groups,
        string districts, string evidence, string mitigations, IEnumerable<int> indicatorIds, IEnumerable<Guid> goalIds)
    {
        EnsureEditable();
        var impact = _impacts.FirstOrDefault(i => i.Id == impactId) ?? throw new DomainException("Assessment.Validation.ImpactUnknown");
        impact.Record(direction, size, certainty, groups, districts, evidence, mitigations, indicatorIds, goalIds);
    }

    public void Conclude(string conclusion, bool? childrenHeard, string childrenHeardHow, IEnumerable<int> followUpIndicatorIds)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(followUpIndicatorIds);
        Conclusion = AssessmentLimits.Optional(conclusion, AssessmentLimits.TextMaxLength, nameof(Conclusion));
        ChildrenHeard = IsChildImpact ? childrenHeard : null;
        ChildrenHeardHow = IsChildImpact ? AssessmentLimits.Optional(childrenHeardHow, AssessmentLimits.TextMaxLength, nameof(ChildrenHeardHow)) : string.Empty;
        var wanted = followUpIndicatorIds.Distinct().ToList();
        _followUps.RemoveAll(f => !wanted.Contains(f.IndicatorId));
        foreach (var indicatorId in wanted.Where(id => _followUps.All(f => f.IndicatorId != id)))
        {
            _followUps.Add(new AssessmentFollowUp(Id, OrganisationId, indicatorId, _followUps.Count));
        }
    }

    /// <summary>What still stops completion, as resource keys; empty when the assessment can be completed.</summary>
    public IReadOnlyList<string> MissingForCompletion()
    {
        var missing = new List<string>();
        if (_alternatives.Count < AssessmentLimits.MinimumAlternatives)
        {
            missing.Add("Assessment.Missing.TwoAlternatives");
        }
        if (_impacts.Any(i => i.Direction is null))
        {
            missing.Add("Assessment.Missing.AreasUnassessed");
        }
        if (_impacts.Any(i => i.Direction is not null && !i.IsComplete))
        {
            missing.Add("Assessment.Missing.SizeOrCertainty");
        }
        if (Conclusion.Length == 0)
        {
            missing.Add("Assessment.Missing.Conclusion");
        }
        if (IsChildImpact && (ChildrenHeard is null || ChildrenHeardHow.Length == 0))
        {
            missing.Add("Assessment.Missing.ChildrenHeard");
        }
        return missing;
    }

    public void Complete(DateTimeOffset now)
    {
        EnsureEditable();
        if (MissingForCompletion() is { Count: > 0 } missing)
        {
            throw new DomainException(missing[0]);
        }
        Status = AssessmentStatus.Completed;
        CompletedAt = now;
    }

    /// <summary>Back to preparation for corrections; it is taken off the public pages until completed again.</summary>
    public void Reopen()
    {
        if (Status != AssessmentStatus.Completed)
        {
            throw new DomainException("Assessment.Validation.NotCompleted");
        }
        Status = AssessmentStatus.InPreparation;
        CompletedAt = null;
        IsPublished = false;
    }

    /// <summary>Records the decision taken: which alternative, when and in which paragraph of the minutes.</summary>
    public void Decide(Guid alternativeId, DateOnly date, string paragraph)
    {
        if (Status != AssessmentStatus.Completed)
        {
            throw new DomainException("Assessment.Validation.NotCompleted");
        }
        var chosen = AlternativeOf(alternativeId);
        DecisionParagraph = AssessmentLimits.Required(paragraph, AssessmentLimits.ParagraphMaxLength, nameof(DecisionParagraph),
            "Assessment.Validation.ParagraphRequired");
        ChosenAlternativeId = chosen.Id;
        DecisionDate = date;
        Status = AssessmentStatus.Decided;
    }

    public void Publish()
    {
        if (Status == AssessmentStatus.InPreparation)
        {
            throw new DomainException("Assessment.Validation.NotCompleted");
        }
        IsPublished = true;
    }

    public void Unpublish() => IsPublished = false;

    /// <summary>Only an assessment still in preparation may be removed; a completed one is a record of how a decision was weighed.</summary>
    public void EnsureRemovable()
    {
        if (Status != AssessmentStatus.InPreparation)
        {
            throw new DomainException("Assessment.Validation.NotRemovable");
        }
    }

    public AreaImpact? ImpactOf(Guid alternativeId, Guid areaId) =>
        _impacts.FirstOrDefault(i => i.AlternativeId == alternativeId && i.AreaId == areaId);

    private void EnsureEditable()
    {
        if (Status != AssessmentStatus.InPreparation)
        {
            throw new DomainException("Assessment.Validation.NotEditable");
        }
    }

    private AssessmentAlternative AlternativeOf(Guid alternativeId) =>
        _alternatives.FirstOrDefault(a => a.Id == alternativeId) ?? throw new DomainException("Assessment.Validation.AlternativeUnknown");

    private AssessmentAlternative AddAlternativeRows(string title, bool isDoNothing)
    {
        var position = _alternatives.Count == 0 ? 0 : _alternatives.Max(a => a.Position) + 1;
        var alternative = new AssessmentAlternative(Guid.NewGuid(), Id, OrganisationId, position, isDoNothing);
        alternative.Rename(title, string.Empty);
        _alternatives.Add(alternative);
        var areaIds = AreaIds;
        for (var i = 0; i < areaIds.Count; i++)
        {
            _impacts.Add(new AreaImpact(Guid.NewGuid(), Id, OrganisationId, alternative.Id, areaIds[i], i));
        }
        return alternative;
    }
}

/// <summary>One of the alternatives compared; "do nothing" (nollavaihtoehto / nollalternativ) is always one of them.</summary>
public class AssessmentAlternative : IOrganisationOwned
{
    private AssessmentAlternative()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    internal AssessmentAlternative(Guid id, Guid assessmentId, Guid organisationId, int position, bool isDoNothing) : this()
    {
        Id = id;
        AssessmentId = assessmentId;
        OrganisationId = organisationId;
        Position = position;
        IsDoNothing = isDoNothing;
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Position { get; private set; }
    public bool IsDoNothing { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }

    internal void Rename(string title, string description)
    {
        Title = AssessmentLimits.Required(title, AssessmentLimits.AlternativeTitleMaxLength, nameof(Title), "Assessment.Validation.AlternativeTitleRequired");
        Description = AssessmentLimits.Optional(description, AssessmentLimits.TextMaxLength, nameof(Description));
    }
}

/// <summary>A follow-up indicator the preparer proposes to watch after the decision (Sotkanet id of the catalogue).</summary>
public class AssessmentFollowUp : IOrganisationOwned
{
    private AssessmentFollowUp() { }

    internal AssessmentFollowUp(Guid assessmentId, Guid organisationId, int indicatorId, int position)
    {
        AssessmentId = assessmentId;
        OrganisationId = organisationId;
        IndicatorId = indicatorId;
        Position = position;
    }

    public Guid AssessmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int IndicatorId { get; private set; }
    public int Position { get; private set; }
}
