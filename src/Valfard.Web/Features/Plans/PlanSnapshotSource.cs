using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// Fills the plan snapshot from the plan's own rows. A comprehensive report carries the term's plan as committed
/// (current statuses, no follow-up); an annual report carries the plan with the follow-up round of its year: the
/// recorded statuses, progress and accounts, each goal's assessment (the override with its reason, or the rule's), and
/// the indicator values that count for that year.
/// </summary>
public sealed class PlanSnapshotSource(ValfardDbContext db, PlanReader reader) : IPlanSnapshotSource
{
    public async Task<PlanSnapshot?> ForReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || report.Kind == ReportKind.Regional)
        {
            return null;
        }
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.CouncilTermId == report.CouncilTermId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        int? year = null;
        if (report.Kind == ReportKind.Annual)
        {
            var round = await db.FollowUpRounds.AsNoTracking()
                .FirstOrDefaultAsync(r => r.PlanId == plan.Id && (r.ReportId == report.Id || r.Year == report.Year), cancellationToken);
            if (round is null)
            {
                return null;
            }
            year = round.Year;
        }
        var data = await reader.LoadAsync(plan.Id, year, cancellationToken);
        return data is null ? null : Build(data, year);
    }

    public static PlanSnapshot Build(PlanData data, int? year)
    {
        ArgumentNullException.ThrowIfNull(data);
        PlanIndicatorSnapshot Indicator(FollowUpIndicator i)
        {
            var series = data.Series.GetValueOrDefault(i.Id);
            // A comprehensive report has no follow-up year: it carries the latest value, as the plan page shows it.
            var actual = data.Actual(i, year ?? int.MaxValue);
            return new PlanIndicatorSnapshot(series?.NameFi ?? string.Empty, series?.NameSv ?? string.Empty, i.Baseline, i.BaselineYear,
                i.Target, i.TargetYear, actual?.Value, actual?.Year, i.Direction.ToString());
        }

        PlanMeasureSnapshot MeasureOf(Measure m)
        {
            var entry = year is null ? null : data.Entries.GetValueOrDefault(m.Id);
            var responsible = string.Join(" / ", new[] { data.SectorName(m.SectorId, "fi"), data.UserName(m.ResponsibleUserId) }.Where(s => s.Length > 0));
            return new PlanMeasureSnapshot(m.Code, m.TitleFi, m.TitleSv, responsible.Length > 0 ? responsible : null,
                m.PartnerNames.Length > 0 ? m.PartnerNames : null, m.Schedule.Length > 0 ? m.Schedule : null, m.BudgetEuros,
                data.StatusOf(m).ToString(), entry?.ProgressPercent, entry is { Account.Length: > 0 } ? entry.Account : null,
                data.IndicatorsOfMeasure(m.Id).Select(Indicator).ToList(),
                m.PartnerNamesSv.Length > 0 ? m.PartnerNamesSv : null, entry is { AccountSv.Length: > 0 } ? entry.AccountSv : null,
                m.Resources.Length > 0 ? m.Resources : null, m.ResourcesSv.Length > 0 ? m.ResourcesSv : null);
        }

        var goals = data.Goals.Select(g =>
        {
            string? assessment = null;
            string? reason = null;
            if (year is { } y)
            {
                assessment = data.FinalAssessment(g, y)?.ToString();
                reason = data.Overrides.GetValueOrDefault(g.Id)?.Reason;
            }
            return new PlanGoalSnapshot(g.Code, g.TitleFi, g.TitleSv, g.DescriptionFi.Length > 0 ? g.DescriptionFi : null,
                g.DescriptionSv.Length > 0 ? g.DescriptionSv : null, g.LifeStage.ToString(), assessment, reason,
                data.MeasuresOf(g.Id).Select(MeasureOf).ToList(), data.IndicatorsOfGoal(g.Id).Select(Indicator).ToList());
        }).ToList();
        return new PlanSnapshot(data.Plan.TitleFi, data.Plan.TitleSv, year, goals);
    }
}
