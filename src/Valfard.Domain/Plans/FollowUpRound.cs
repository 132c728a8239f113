using Valfard.Domain.Common;

namespace Valfard.Domain.Plans;

/// <summary>
/// The yearly follow-up (seurantakierros / uppföljningsomgång) of the plan: the coordinator opens it for a year,
/// measure owners record where their measures stand, and the annual report to the council is written from it.
/// </summary>
public class FollowUpRound : IOrganisationOwned, IVersioned
{
    private FollowUpRound() { }

    public FollowUpRound(Guid id, WelfarePlan plan, int year, IEnumerable<int> termYears, Guid openedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!termYears.Contains(year))
        {
            throw new DomainException("Plan.Validation.RoundYearOutsideTerm");
        }
        Id = id;
        PlanId = plan.Id;
        OrganisationId = plan.OrganisationId;
        Year = year;
        OpenedById = openedById;
        OpenedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid PlanId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The year followed up; the annual report of the same year is written from this round.</summary>
    public int Year { get; private set; }
    public Guid OpenedById { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The annual report generated from this round.</summary>
    public Guid? ReportId { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>Closing freezes what owners recorded; the coordinator can reopen the round for corrections.</summary>
    public void Close(DateTimeOffset now) => ClosedAt = IsOpen ? now : throw new DomainException("Plan.FollowUp.AlreadyClosed");

    public void Reopen() => ClosedAt = !IsOpen ? null : throw new DomainException("Plan.FollowUp.AlreadyOpen");

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Plan.FollowUp.Closed.Refused");
        }
    }

    public void LinkReport(Guid reportId) => ReportId = reportId;
}

/// <summary>What the owner of a measure recorded in one follow-up round.</summary>
public class MeasureFollowUp : IOrganisationOwned, IVersioned
{
    private MeasureFollowUp()
    {
        Account = string.Empty;
        AccountSv = string.Empty;
    }

    public MeasureFollowUp(Guid id, FollowUpRound round, Measure measure) : this()
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(measure);
        Id = id;
        RoundId = round.Id;
        MeasureId = measure.Id;
        OrganisationId = round.OrganisationId;
        Status = measure.Status;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid RoundId { get; private set; }
    public Guid MeasureId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public MeasureStatus Status { get; private set; }
    public int? ProgressPercent { get; private set; }

    /// <summary>A short account of what was done in the year (lyhyt selvitys).</summary>
    public string Account { get; private set; }

    /// <summary>The account in Swedish; <see cref="Account"/> is the Finnish text.</summary>
    public string AccountSv { get; private set; }
    public Guid? UpdatedById { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public bool IsRecorded => UpdatedAt is not null;

    public void RenewVersion() => Version = Guid.NewGuid();

    public string AccountIn(string language) => BilingualText.In(Account, AccountSv, language);

    /// <summary>
    /// The Swedish account, set apart from <see cref="Record"/> so that existing callers keep the Finnish-only meaning;
    /// like the record itself it can change only while the round is open.
    /// </summary>
    public void TranslateAccount(FollowUpRound round, string accountSv)
    {
        ArgumentNullException.ThrowIfNull(round);
        round.EnsureOpen();
        AccountSv = PlanLimits.Optional(accountSv, PlanLimits.AccountMaxLength, nameof(AccountSv));
    }

    /// <summary>Records the year's status; the measure's current status follows it.</summary>
    public void Record(FollowUpRound round, Measure measure, MeasureStatus status, int? progressPercent, string account, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(measure);
        round.EnsureOpen();
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Plan.Validation.StatusUnknown");
        }
        if (progressPercent is < 0 or > 100)
        {
            throw new DomainException("Plan.Validation.ProgressRange", nameof(ProgressPercent));
        }
        if (status == MeasureStatus.Done && progressPercent is < 100)
        {
            throw new DomainException("Plan.Validation.DoneIsComplete", nameof(ProgressPercent));
        }
        if (status == MeasureStatus.NotStarted && progressPercent is > 0)
        {
            throw new DomainException("Plan.Validation.NotStartedHasNoProgress", nameof(ProgressPercent));
        }
        account = PlanLimits.Optional(account, PlanLimits.AccountMaxLength, nameof(Account));
        if (status == MeasureStatus.Postponed && account.Length == 0)
        {
            throw new DomainException("Plan.Validation.PostponedNeedsAccount", nameof(Account));
        }
        Status = status;
        ProgressPercent = status == MeasureStatus.Done ? 100 : progressPercent;
        Account = account;
        UpdatedById = userId;
        UpdatedAt = now;
        measure.SetStatus(status);
    }
}

/// <summary>
/// The coordinator's own assessment of a goal in a round, replacing the computed one. It needs a reason, and who made
/// it and when are kept and shown next to it.
/// </summary>
public class GoalAssessmentOverride : IOrganisationOwned, IVersioned
{
    private GoalAssessmentOverride() => Reason = string.Empty;

    public GoalAssessmentOverride(Guid id, FollowUpRound round, Goal goal, Assessment assessment, string reason, Guid userId, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(goal);
        Id = id;
        RoundId = round.Id;
        GoalId = goal.Id;
        OrganisationId = round.OrganisationId;
        Change(assessment, reason, userId, now);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid RoundId { get; private set; }
    public Guid GoalId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Assessment Assessment { get; private set; }
    public string Reason { get; private set; }
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public void Change(Assessment assessment, string reason, Guid userId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(assessment))
        {
            throw new DomainException("Plan.Validation.AssessmentUnknown");
        }
        reason = PlanLimits.Optional(reason, PlanLimits.ReasonMaxLength);
        if (reason.Length == 0)
        {
            throw new DomainException("Plan.Validation.ReasonRequired", nameof(Reason));
        }
        Assessment = assessment;
        Reason = reason;
        ById = userId;
        At = now;
    }
}
