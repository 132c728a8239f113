using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// Export and import of the plan's goals and measures in the one CSV format of docs/plan-csv-format.md. An import is
/// checked whole first by <see cref="PlanCsvValidator"/>: every invalid record is reported and nothing is applied
/// unless all are valid. Applying goes through the domain's own methods, which check the values again.
/// </summary>
public sealed class PlanCsvService(ValfardDbContext db, PlanService plans, AuditTrail audit)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static byte[] Export(PlanData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var goal in data.Goals)
        {
            rows.Add([
                "goal", string.Empty, goal.Code, goal.TitleFi, goal.TitleSv, goal.DescriptionFi, goal.DescriptionSv,
                goal.LifeStage.ToString(), goal.Strategy, .. Enumerable.Repeat(string.Empty, 9),
            ]);
            foreach (var m in data.MeasuresOf(goal.Id))
            {
                rows.Add([
                    "measure", goal.Code, m.Code, m.TitleFi, m.TitleSv, m.DescriptionFi, m.DescriptionSv, string.Empty, string.Empty,
                    m.SectorId is { } s && data.Sectors.TryGetValue(s, out var sector) ? sector.Code : string.Empty,
                    m.ResponsibleUserId is { } u && data.Users.TryGetValue(u, out var user) ? user.Email : string.Empty,
                    string.Join('|', PlanLimits.PartnerKinds.Where(p => m.Partners.HasFlag(p))),
                    m.PartnerNames, Year(m.StartYear), Year(m.EndYear), m.Resources,
                    m.BudgetEuros?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty, m.Status.ToString(),
                ]);
            }
        }
        return PlanCsv.Write(rows);
    }

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// Checks the whole file (<see cref="PlanCsvValidator"/>), then adds and updates goals and measures by code. It
    /// never removes anything.
    /// </summary>
    public async Task<(IReadOnlyList<CsvProblem> Problems, int Goals, int Measures)> ImportAsync(byte[] content, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return ([new CsvProblem(0, string.Empty, "Plan.None")], 0, 0);
        }
        var (records, broken) = PlanCsv.Read(content);
        var file = PlanCsvValidator.Validate(records, broken, await ReferencesAsync(plan, cancellationToken));
        if (!file.IsValid)
        {
            return (file.Problems, 0, 0);
        }
        try
        {
            await ApplyAsync(plan, file.Goals, file.Measures, userId, cancellationToken);
        }
        catch (DomainException ex)
        {
            // The validator judges by the domain's limits; this is the net under it, and nothing has been saved.
            return ([new CsvProblem(0, string.Empty, ex.Message)], 0, 0);
        }
        return ([], file.Goals.Count, file.Measures.Count);
    }

    /// <summary>The sectors, users and goals of the organisation that the file's lines may name.</summary>
    private async Task<PlanCsvReferences> ReferencesAsync(WelfarePlan plan, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().Select(s => new { s.Code, s.Id }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Email, u.Id }).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).Select(g => g.Code).ToListAsync(cancellationToken);
        return new PlanCsvReferences(sectors.Select(s => (s.Code, s.Id)), users.Select(u => (u.Email!, u.Id)), goals);
    }

    /// <summary>Goals and measures of the file take its order; those not in the file keep theirs after them.</summary>
    private async Task ApplyAsync(WelfarePlan plan, IReadOnlyList<PlanCsvGoalRow> goalRows, IReadOnlyList<PlanCsvMeasureRow> measureRows, Guid userId,
        CancellationToken cancellationToken)
    {
        var goals = (await db.Goals.Where(g => g.PlanId == plan.Id).ToListAsync(cancellationToken)).ToDictionary(g => g.Code, StringComparer.Ordinal);
        var measures = (await db.Measures.Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken)).ToDictionary(m => m.Code, StringComparer.Ordinal);
        var offset = goalRows.Count;
        foreach (var untouched in goals.Values.Where(g => goalRows.All(r => r.Code != g.Code)).OrderBy(g => g.Position))
        {
            untouched.MoveTo(offset++);
        }
        for (var i = 0; i < goalRows.Count; i++)
        {
            var row = goalRows[i];
            if (!goals.TryGetValue(row.Code, out var goal))
            {
                goal = new Goal(Guid.NewGuid(), plan, row.Code, i);
                db.Goals.Add(goal);
                goals[row.Code] = goal;
            }
            goal.MoveTo(i);
            goal.Update(row.Code, row.TitleFi, row.TitleSv, row.DescriptionFi, row.DescriptionSv, row.LifeStage, row.Strategy);
        }
        foreach (var group in measureRows.GroupBy(r => r.GoalCode))
        {
            var goal = goals[group.Key];
            var rows = group.ToList();
            var position = rows.Count;
            foreach (var untouched in measures.Values.Where(m => m.GoalId == goal.Id && rows.All(r => r.Code != m.Code)).OrderBy(m => m.Position))
            {
                untouched.MoveTo(goal, position++);
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (!measures.TryGetValue(row.Code, out var measure))
                {
                    measure = new Measure(Guid.NewGuid(), goal, row.Code, i);
                    db.Measures.Add(measure);
                    measures[row.Code] = measure;
                }
                measure.MoveTo(goal, i);
                measure.Update(row.Code, row.TitleFi, row.TitleSv, row.DescriptionFi, row.DescriptionSv);
                measure.Assign(row.SectorId, row.UserId, row.Partners, row.PartnerNames);
                measure.SetSchedule(row.StartYear, row.EndYear, row.Resources, row.Budget);
                measure.SetStatus(row.Status);
            }
        }
        audit.Record(plan.OrganisationId, plan.ReportId, userId, "Plan.Imported",
            string.Create(CultureInfo.InvariantCulture, $"{goalRows.Count} goals, {measureRows.Count} measures"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
