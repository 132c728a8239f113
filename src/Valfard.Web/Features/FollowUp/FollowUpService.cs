using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.FollowUp;

/// <summary>The yearly follow-up: rounds, what owners record, the goals' assessments and the annual report made from a round.</summary>
public sealed class FollowUpService(
    ValfardDbContext db,
    PlanService plans,
    PlanReader reader,
    ReportService reports,
    AuditTrail audit,
    TimeProvider clock,
    Notifications.Notifier notifier)
{
    public async Task<FollowUpIndexViewModel?> IndexAsync(PlanActor actor, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var data = await plans.CurrentDataAsync(null, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == data.Plan.Id).ToListAsync(cancellationToken);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var recorded = (await db.MeasureFollowUps.AsNoTracking().Where(f => roundIds.Contains(f.RoundId) && f.UpdatedAt != null)
            .Select(f => f.RoundId).ToListAsync(cancellationToken)).CountBy(id => id).ToDictionary();
        var reportIds = rounds.Select(r => r.ReportId).OfType<Guid>().ToList();
        var titles = (await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.TitleIn(language));
        var years = data.Term.Years.Except(rounds.Select(r => r.Year)).ToList();
        var today = FinnishCalendar.Today(clock);
        return new FollowUpIndexViewModel
        {
            PlanTitle = data.Plan.TitleIn(language),
            Rounds = rounds.OrderByDescending(r => r.Year).Select(r => new RoundListItem(r.Year, r.IsOpen, data.Measures.Count,
                recorded.GetValueOrDefault(r.Id), r.ReportId, r.ReportId is { } id ? titles.GetValueOrDefault(id) : null)).ToList(),
            YearsToOpen = years,
            // The follow-up of a year is written early the next year.
            SuggestedYear = years.Contains(today.Year - 1) ? today.Year - 1 : years.FirstOrDefault(),
            CanManage = actor.CanManage,
        };
    }

    public async Task<OperationResult> OpenAsync(int year, Guid userId, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return OperationResult.Missing();
        }
        if (await db.FollowUpRounds.AnyAsync(r => r.PlanId == plan.Id && r.Year == year, cancellationToken))
        {
            return OperationResult.Fail("year", "Plan.FollowUp.AlreadyOpened");
        }
        var term = await db.CouncilTerms.AsNoTracking().FirstAsync(t => t.Id == plan.CouncilTermId, cancellationToken);
        var tracked = await db.Plans.FirstAsync(p => p.Id == plan.Id, cancellationToken);
        FollowUpRound round;
        try
        {
            round = new FollowUpRound(Guid.NewGuid(), tracked, year, term.Years, userId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return OperationResult.Fail("year", ex.Message);
        }
        db.FollowUpRounds.Add(round);
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken);
        foreach (var measure in measures)
        {
            db.MeasureFollowUps.Add(new MeasureFollowUp(Guid.NewGuid(), round, measure));
        }
        // Each measure owner hears that the year waits for their entries (the coordinator who opened it knows).
        foreach (var owner in measures.Where(m => m.ResponsibleUserId is { } id && id != userId).CountBy(m => m.ResponsibleUserId!.Value))
        {
            await notifier.NotifyAsync([owner.Key], Domain.Notifications.NotificationKinds.FollowUpOpened,
                language => notifier.Words(language, "Notification.FollowUpCount", plan.TitleIn(language), year, owner.Value),
                $"/plan/follow-up/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}", round.OpenedAt, cancellationToken);
        }
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.RoundOpened", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> SetOpenAsync(int year, bool open, Guid userId, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(year, cancellationToken);
        if (round is null)
        {
            return OperationResult.Missing();
        }
        try
        {
            if (open)
            {
                round.Reopen();
            }
            else
            {
                round.Close(clock.GetUtcNow());
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(round.OrganisationId, round.ReportId, userId, open ? "Plan.RoundReopened" : "Plan.RoundClosed",
            year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private async Task<FollowUpRound?> RoundAsync(int year, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        return plan is null ? null : await db.FollowUpRounds.FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.Year == year, cancellationToken);
    }

    /// <summary>The year's round of the measure's own plan, which may be an earlier term's (a fix link from that term's report).</summary>
    private async Task<FollowUpRound?> RoundOfAsync(int year, Guid? planId, CancellationToken cancellationToken) =>
        planId is { } id ? await db.FollowUpRounds.FirstOrDefaultAsync(r => r.PlanId == id && r.Year == year, cancellationToken) : null;

    public async Task<RoundViewModel?> RoundPageAsync(int year, PlanActor actor, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        var data = plan is null ? null : await reader.LoadAsync(plan.Id, year, cancellationToken);
        if (data?.Round is not { } round)
        {
            return null;
        }
        var goals = data.Goals.Select(goal =>
        {
            var overridden = data.Overrides.GetValueOrDefault(goal.Id);
            var measures = data.MeasuresOf(goal.Id).ToList();
            return new RoundGoalBlock(goal.Id, goal.Code, goal.TitleIn(language), data.Assess(goal, year), data.FinalAssessment(goal, year),
                overridden?.Reason, overridden is null ? null : data.UserName(overridden.ById), overridden?.At,
                data.IndicatorsOfGoal(goal.Id).Concat(measures.SelectMany(m => data.IndicatorsOfMeasure(m.Id)))
                    .Select(i => PlanService.IndicatorRow(data, i, year, language)).ToList(),
                measures.Select(m =>
                {
                    var entry = data.Entries.GetValueOrDefault(m.Id);
                    var status = data.StatusOf(m);
                    return new RoundMeasureRow(m.Id, m.Code, m.TitleIn(language), data.UserName(m.ResponsibleUserId), status, entry?.ProgressPercent,
                        entry?.AccountIn(language) ?? string.Empty, data.UserName(entry?.UpdatedById), entry?.UpdatedAt, Measure.IsLate(status, m.EndYear, year),
                        round.IsOpen && actor.CanRecord(m), entry is null ? null : BilingualText.FallbackFor(entry.Account, entry.AccountSv, language));
                }).ToList());
        }).ToList();
        var report = round.ReportId is { } reportId ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken) : null;
        return new RoundViewModel
        {
            Year = year,
            IsOpen = round.IsOpen,
            PlanTitle = data.Plan.TitleIn(language),
            Goals = goals,
            Summary = PlanService.Summarise(data.Measures.Select(m => (data.StatusOf(m), m.EndYear)), year),
            Recorded = data.Entries.Values.Count(e => e.IsRecorded),
            ReportId = report?.Id,
            ReportTitle = report?.TitleIn(language),
            CanManage = actor.CanManage,
        };
    }

    public async Task<(RecordFollowUpViewModel? Form, bool Forbidden)> RecordFormAsync(int year, Guid measureId, PlanActor actor, string language,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        var round = await RoundOfAsync(year, measure?.PlanId, cancellationToken);
        if (round is null || measure is null || measure.PlanId != round.PlanId)
        {
            return (null, false);
        }
        if (!actor.CanRecord(measure))
        {
            return (null, true);
        }
        var entry = await db.MeasureFollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.RoundId == round.Id && f.MeasureId == measureId, cancellationToken);
        var languages = await db.Organisations.AsNoTracking().Where(o => o.Id == round.OrganisationId).Select(o => o.Languages).FirstOrDefaultAsync(cancellationToken);
        return (new RecordFollowUpViewModel
        {
            Year = year,
            MeasureId = measureId,
            MeasureCode = measure.Code,
            MeasureTitle = measure.TitleIn(language),
            Version = entry?.Version ?? Guid.Empty,
            Status = entry?.Status ?? measure.Status,
            ProgressPercent = entry?.ProgressPercent,
            Account = entry?.Account,
            AccountSv = entry?.AccountSv,
            Bilingual = languages == OrganisationLanguages.Bilingual,
        }, false);
    }

    public async Task<(OperationResult Result, bool Forbidden)> RecordAsync(RecordFollowUpViewModel form, PlanActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == form.MeasureId, cancellationToken);
        var round = await RoundOfAsync(form.Year, measure?.PlanId, cancellationToken);
        if (round is null || measure is null || measure.PlanId != round.PlanId)
        {
            return (OperationResult.Missing(), false);
        }
        if (!actor.CanRecord(measure))
        {
            return (OperationResult.Fail(null, "Plan.NotYourMeasure"), true);
        }
        var entry = await db.MeasureFollowUps.FirstOrDefaultAsync(f => f.RoundId == round.Id && f.MeasureId == measure.Id, cancellationToken);
        if (entry is null)
        {
            // A measure added after the round was opened gets its row on the first recording.
            entry = new MeasureFollowUp(Guid.NewGuid(), round, measure);
            db.MeasureFollowUps.Add(entry);
        }
        else
        {
            db.ExpectVersion(entry, form.Version);
        }
        try
        {
            entry.Record(round, measure, form.Status, form.ProgressPercent, form.Account ?? string.Empty, actor.UserId, clock.GetUtcNow());
            // Not posted when the form did not show it (a Finnish-only organisation): what was stored stays.
            entry.TranslateAccount(round, form.AccountSv ?? entry.AccountSv);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Refused(ex), false);
        }
        audit.Record(round.OrganisationId, round.ReportId, actor.UserId, "Plan.FollowUpRecorded",
            $"{form.Year}: {measure.Code} {form.Status} {form.ProgressPercent}%");
        return (await db.SaveAsync(cancellationToken), false);
    }

    public async Task<OverrideAssessmentViewModel?> OverrideFormAsync(int year, Guid goalId, string language, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        var data = plan is null ? null : await reader.LoadAsync(plan.Id, year, cancellationToken);
        var goal = data?.Goals.FirstOrDefault(g => g.Id == goalId);
        if (data is null || goal is null)
        {
            return null;
        }
        var basis = data.Assess(goal, year);
        var own = data.Overrides.GetValueOrDefault(goalId);
        return new OverrideAssessmentViewModel
        {
            Year = year,
            GoalId = goalId,
            GoalCode = goal.Code,
            GoalTitle = goal.TitleIn(language),
            Basis = basis,
            HasOverride = own is not null,
            Assessment = own?.Assessment ?? basis.Assessment ?? Assessment.AtRisk,
            Reason = own?.Reason,
        };
    }

    public async Task<OperationResult> OverrideAsync(OverrideAssessmentViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var round = await RoundAsync(form.Year, cancellationToken);
        var goal = round is null ? null : await db.Goals.FirstOrDefaultAsync(g => g.Id == form.GoalId && g.PlanId == round.PlanId, cancellationToken);
        if (round is null || goal is null)
        {
            return OperationResult.Missing();
        }
        var existing = await db.AssessmentOverrides.FirstOrDefaultAsync(o => o.RoundId == round.Id && o.GoalId == goal.Id, cancellationToken);
        try
        {
            if (existing is null)
            {
                db.AssessmentOverrides.Add(new GoalAssessmentOverride(Guid.NewGuid(), round, goal, form.Assessment, form.Reason ?? string.Empty, userId, clock.GetUtcNow()));
            }
            else
            {
                existing.Change(form.Assessment, form.Reason ?? string.Empty, userId, clock.GetUtcNow());
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(round.OrganisationId, round.ReportId, userId, "Plan.AssessmentOverridden", $"{form.Year} {goal.Code}: {form.Assessment} – {form.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> ClearOverrideAsync(int year, Guid goalId, Guid userId, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(year, cancellationToken);
        var existing = round is null ? null : await db.AssessmentOverrides.FirstOrDefaultAsync(o => o.RoundId == round.Id && o.GoalId == goalId, cancellationToken);
        if (round is null || existing is null)
        {
            return OperationResult.Missing();
        }
        db.AssessmentOverrides.Remove(existing);
        audit.Record(round.OrganisationId, round.ReportId, userId, "Plan.AssessmentOverrideRemoved", $"{year} {goalId}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Creates the annual report of the round's year (starting from the earlier report's text, as every annual report
    /// does), or links the one that exists. The report's plan section then shows this round's tables.
    /// </summary>
    public async Task<(OperationResult Result, Guid? ReportId)> AnnualReportAsync(int year, Guid userId, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(year, cancellationToken);
        if (round is null)
        {
            return (OperationResult.Missing(), null);
        }
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == round.PlanId, cancellationToken);
        var existing = await db.Reports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Kind == ReportKind.Annual && r.CouncilTermId == plan.CouncilTermId && r.Year == year, cancellationToken);
        var reportId = existing?.Id;
        if (reportId is null)
        {
            var (result, created) = await reports.CreateAsync(new CreateReportViewModel { Kind = ReportKind.Annual, CouncilTermId = plan.CouncilTermId, Year = year },
                userId, cancellationToken);
            if (!result.Succeeded)
            {
                return (result, null);
            }
            reportId = created;
        }
        round = await RoundAsync(year, cancellationToken);
        round!.LinkReport(reportId!.Value);
        audit.Record(round.OrganisationId, reportId, userId, "Plan.AnnualReportLinked", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Success, reportId);
    }
}
