using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// Export and import of the plan's goals and measures in the one CSV format of docs/plan-csv-format.md. An import is
/// checked whole first: every invalid record is reported and nothing is applied unless all are valid.
/// </summary>
public sealed class PlanCsvService(ValfardDbContext db, PlanService plans, AuditTrail audit)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly string[] GoalOnlyColumns = ["life_stage", "strategy"];

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

    private sealed record GoalRow(int Line, string Code, string TitleFi, string TitleSv, string DescriptionFi, string DescriptionSv,
        LifeStage LifeStage, string Strategy);

    private sealed record MeasureRow(int Line, string GoalCode, string Code, string TitleFi, string TitleSv, string DescriptionFi,
        string DescriptionSv, Guid? SectorId, Guid? UserId, MeasurePartners Partners, string PartnerNames, int? StartYear, int? EndYear,
        string Resources, decimal? Budget, MeasureStatus Status);

    /// <summary>Checks the whole file, then adds and updates goals and measures by code. It never removes anything.</summary>
    public async Task<(IReadOnlyList<CsvProblem> Problems, int Goals, int Measures)> ImportAsync(byte[] content, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = await plans.CurrentPlanAsync(cancellationToken);
        if (plan is null)
        {
            return ([new CsvProblem(0, string.Empty, "Plan.None")], 0, 0);
        }
        var (records, broken) = PlanCsv.Read(content);
        var problems = new List<CsvProblem>();
        if (broken is not null)
        {
            problems.Add(broken);
        }
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(PlanCsv.Columns))
        {
            problems.Insert(0, new CsvProblem(1, string.Empty, "Plan.Csv.Header", string.Join(PlanCsv.Separator, PlanCsv.Columns)));
            return (problems, 0, 0);
        }
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var users = (await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Email, u.Id }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var existingGoals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).Select(g => g.Code).ToListAsync(cancellationToken);

        var goals = new List<GoalRow>();
        var measures = new List<MeasureRow>();
        foreach (var record in records.Skip(1))
        {
            var before = problems.Count;
            if (record.Fields.Count != PlanCsv.Columns.Count)
            {
                problems.Add(new CsvProblem(record.Line, string.Empty, "Plan.Csv.FieldCount", PlanCsv.Columns.Count, record.Fields.Count));
                continue;
            }
            var f = PlanCsv.Columns.Select((name, index) => (name, value: record.Fields[index])).ToDictionary(x => x.name, x => x.value);
            void Problem(string column, string key, params object[] args) => problems.Add(new CsvProblem(record.Line, column, key, args));

            var code = f["code"];
            if (code.Length == 0)
            {
                Problem("code", "Plan.Validation.CodeRequired");
            }
            else if (code.Length > PlanLimits.CodeMaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                Problem("code", "Plan.Validation.CodeInvalid");
            }
            if (f["title_fi"].Trim().Length == 0 && f["title_sv"].Trim().Length == 0)
            {
                Problem("title_fi", "Plan.Validation.TitleRequired");
            }
            CheckLength(f, "title_fi", PlanLimits.TitleMaxLength, Problem);
            CheckLength(f, "title_sv", PlanLimits.TitleMaxLength, Problem);
            CheckLength(f, "description_fi", PlanLimits.DescriptionMaxLength, Problem);
            CheckLength(f, "description_sv", PlanLimits.DescriptionMaxLength, Problem);

            if (f["kind"] == "goal")
            {
                foreach (var column in PlanCsv.Columns.Skip(9).Append("goal").Where(c => f[c].Length > 0))
                {
                    Problem(column, "Plan.Csv.NotForGoal");
                }
                if (!Enum.TryParse<LifeStage>(f["life_stage"], out var stage) || !Enum.IsDefined(stage) || !f["life_stage"].All(char.IsAsciiLetter))
                {
                    Problem("life_stage", "Plan.Csv.OneOf", string.Join(", ", Enum.GetNames<LifeStage>()));
                }
                CheckLength(f, "strategy", PlanLimits.StrategyMaxLength, Problem);
                if (goals.Any(g => g.Code == code))
                {
                    Problem("code", "Plan.Csv.DuplicateCode");
                }
                if (problems.Count == before)
                {
                    goals.Add(new GoalRow(record.Line, code, f["title_fi"], f["title_sv"], f["description_fi"], f["description_sv"], stage, f["strategy"]));
                }
            }
            else if (f["kind"] == "measure")
            {
                foreach (var column in GoalOnlyColumns.Where(c => f[c].Length > 0))
                {
                    Problem(column, "Plan.Csv.NotForMeasure");
                }
                if (f["goal"].Length == 0 || (!goals.Any(g => g.Code == f["goal"]) && !existingGoals.Contains(f["goal"])))
                {
                    Problem("goal", "Plan.Csv.GoalUnknown", f["goal"]);
                }
                Guid? sectorId = null;
                if (f["sector"].Length > 0)
                {
                    if (sectors.TryGetValue(f["sector"], out var sid))
                    {
                        sectorId = sid;
                    }
                    else
                    {
                        Problem("sector", "Plan.Csv.SectorUnknown", f["sector"], string.Join(", ", sectors.Keys.Order(StringComparer.Ordinal)));
                    }
                }
                Guid? ownerId = null;
                if (f["responsible"].Length > 0)
                {
                    if (users.TryGetValue(f["responsible"], out var uid))
                    {
                        ownerId = uid;
                    }
                    else
                    {
                        Problem("responsible", "Plan.Csv.UserUnknown", f["responsible"]);
                    }
                }
                var partners = MeasurePartners.None;
                foreach (var name in f["partners"].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var kind = PlanLimits.PartnerKinds.FirstOrDefault(p => p.ToString() == name);
                    if (kind == MeasurePartners.None)
                    {
                        Problem("partners", "Plan.Csv.OneOf", string.Join(", ", PlanLimits.PartnerKinds));
                    }
                    partners |= kind;
                }
                CheckLength(f, "partner_names", PlanLimits.PartnerNamesMaxLength, Problem);
                CheckLength(f, "resources", PlanLimits.ResourcesMaxLength, Problem);
                var start = ParseYear(f, "start_year", Problem);
                var end = ParseYear(f, "end_year", Problem);
                if (start is { } s && end is { } e && e < s)
                {
                    Problem("end_year", "Plan.Validation.EndBeforeStart");
                }
                decimal? budget = null;
                if (f["budget_eur"].Length > 0)
                {
                    if (decimal.TryParse(f["budget_eur"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var b)
                        && b <= PlanLimits.BudgetMax && decimal.Round(b, 2) == b)
                    {
                        budget = b;
                    }
                    else
                    {
                        Problem("budget_eur", "Plan.Csv.Budget");
                    }
                }
                if (!Enum.TryParse<MeasureStatus>(f["status"], out var status) || !Enum.IsDefined(status) || !f["status"].All(char.IsAsciiLetter))
                {
                    Problem("status", "Plan.Csv.OneOf", string.Join(", ", Enum.GetNames<MeasureStatus>()));
                }
                if (measures.Any(m => m.Code == code))
                {
                    Problem("code", "Plan.Csv.DuplicateCode");
                }
                if (problems.Count == before)
                {
                    measures.Add(new MeasureRow(record.Line, f["goal"], code, f["title_fi"], f["title_sv"], f["description_fi"], f["description_sv"],
                        sectorId, ownerId, partners, f["partner_names"], start, end, f["resources"], budget, status));
                }
            }
            else
            {
                Problem("kind", "Plan.Csv.OneOf", "goal, measure");
            }
        }
        if (problems.Count > 0)
        {
            return (problems, 0, 0);
        }
        try
        {
            await ApplyAsync(plan, goals, measures, userId, cancellationToken);
        }
        catch (DomainException ex)
        {
            // The checks above mirror the domain's; this is the net under them, and nothing has been saved.
            return ([new CsvProblem(0, string.Empty, ex.Message)], 0, 0);
        }
        return ([], goals.Count, measures.Count);
    }

    private static void CheckLength(Dictionary<string, string> fields, string column, int max, Action<string, string, object[]> problem)
    {
        if (fields[column].Trim().Length > max)
        {
            problem(column, "Plan.Csv.TooLong", [max]);
        }
    }

    private static int? ParseYear(Dictionary<string, string> fields, string column, Action<string, string, object[]> problem)
    {
        var text = fields[column];
        if (text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= PlanLimits.FirstYear and <= PlanLimits.LastYear)
        {
            return year;
        }
        problem(column, "Plan.Csv.Year", [PlanLimits.FirstYear, PlanLimits.LastYear]);
        return null;
    }

    /// <summary>Goals and measures of the file take its order; those not in the file keep theirs after them.</summary>
    private async Task ApplyAsync(WelfarePlan plan, List<GoalRow> goalRows, List<MeasureRow> measureRows, Guid userId, CancellationToken cancellationToken)
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
