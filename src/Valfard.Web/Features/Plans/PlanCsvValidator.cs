using System.Globalization;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// What a plan file may refer to besides its own lines: the organisation's sectors by code and users by e-mail (both
/// matched without regard to case), and the codes of the goals already in the plan (matched exactly).
/// </summary>
public sealed class PlanCsvReferences
{
    public PlanCsvReferences(IEnumerable<(string Code, Guid Id)> sectors, IEnumerable<(string Email, Guid Id)> users, IEnumerable<string> goalCodes)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(goalCodes);
        Sectors = sectors.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        Users = users.ToDictionary(u => u.Email, u => u.Id, StringComparer.OrdinalIgnoreCase);
        GoalCodes = goalCodes.ToHashSet(StringComparer.Ordinal);
    }

    public static PlanCsvReferences None { get; } = new([], [], []);

    public IReadOnlyDictionary<string, Guid> Sectors { get; }
    public IReadOnlyDictionary<string, Guid> Users { get; }
    public IReadOnlySet<string> GoalCodes { get; }
}

/// <summary>A goal line of the file, checked; its texts as written (the domain trims them when it takes them).</summary>
public sealed record PlanCsvGoalRow(int Line, string Code, string TitleFi, string TitleSv, string DescriptionFi, string DescriptionSv,
    LifeStage LifeStage, string Strategy);

/// <summary>A measure line of the file, checked, with its sector and responsible person found.</summary>
public sealed record PlanCsvMeasureRow(int Line, string GoalCode, string Code, string TitleFi, string TitleSv, string DescriptionFi,
    string DescriptionSv, Guid? SectorId, Guid? UserId, MeasurePartners Partners, string PartnerNames, int? StartYear, int? EndYear,
    string Resources, decimal? Budget, MeasureStatus Status);

/// <summary>Either the problems of the file, or (when there are none) its goal and measure lines in the file's order.</summary>
public sealed record PlanCsvValidation(IReadOnlyList<CsvProblem> Problems, IReadOnlyList<PlanCsvGoalRow> Goals, IReadOnlyList<PlanCsvMeasureRow> Measures)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks a whole plan file (docs/plan-csv-format.md) without touching the database: every problem of every line is
/// reported with its line and column, so that the user can fix the file in one go. The limits are the domain's
/// (<see cref="PlanLimits"/>); the domain checks the values again when the import applies them.
/// </summary>
public static class PlanCsvValidator
{
    /// <summary>The columns after <c>strategy</c>: a measure's only, so a goal line leaves them empty.</summary>
    private static readonly IReadOnlyList<string> MeasureOnlyColumns = [.. PlanCsv.Columns.Skip(9), "goal"];

    private static readonly string[] GoalOnlyColumns = ["life_stage", "strategy"];

    private static readonly Dictionary<string, int> ColumnIndexes =
        PlanCsv.Columns.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);

    /// <param name="records">The records of the file, the header first.</param>
    /// <param name="readProblem">What stopped the reading of the file, if anything (a broken quote, not UTF-8).</param>
    /// <param name="references">The sectors, users and goals the lines may name.</param>
    public static PlanCsvValidation Validate(IReadOnlyList<CsvRecord> records, CsvProblem? readProblem, PlanCsvReferences references)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(references);
        var problems = new List<CsvProblem>();
        if (readProblem is not null)
        {
            problems.Add(readProblem);
        }
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(PlanCsv.Columns))
        {
            problems.Insert(0, new CsvProblem(1, string.Empty, "Plan.Csv.Header", string.Join(PlanCsv.Separator, PlanCsv.Columns)));
            return new PlanCsvValidation(problems, [], []);
        }
        var goals = new List<PlanCsvGoalRow>();
        var measures = new List<PlanCsvMeasureRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != PlanCsv.Columns.Count)
            {
                problems.Add(new CsvProblem(record.Line, string.Empty, "Plan.Csv.FieldCount", PlanCsv.Columns.Count, record.Fields.Count));
                continue;
            }
            var line = new Line(record, problems);
            line.CheckCommon();
            switch (PlanCsvAliases.Kind(line["kind"]))
            {
                case "goal":
                    if (line.ToGoal(goals) is { } goal)
                    {
                        goals.Add(goal);
                    }
                    break;
                case "measure":
                    if (line.ToMeasure(goals, measures, references) is { } measure)
                    {
                        measures.Add(measure);
                    }
                    break;
                default:
                    line.Problem("kind", "Plan.Csv.OneOf", "goal, measure");
                    break;
            }
        }
        return problems.Count > 0 ? new PlanCsvValidation(problems, [], []) : new PlanCsvValidation([], goals, measures);
    }

    private delegate bool TryAlias<T>(string text, out T value);

    /// <summary>One record by column name, and the problems found in it.</summary>
    private sealed class Line
    {
        private readonly CsvRecord _record;
        private readonly List<CsvProblem> _problems;
        private readonly int _before;

        public Line(CsvRecord record, List<CsvProblem> problems)
        {
            _record = record;
            _problems = problems;
            _before = problems.Count;
        }

        public string this[string column] => _record.Fields[ColumnIndexes[column]];

        private bool HasProblems => _problems.Count > _before;

        public void Problem(string column, string key, params object[] arguments) =>
            _problems.Add(new CsvProblem(_record.Line, column, key, arguments));

        /// <summary>What goal and measure lines share: the code, the titles and the descriptions.</summary>
        public void CheckCommon()
        {
            var code = this["code"];
            if (code.Length == 0)
            {
                Problem("code", "Plan.Validation.CodeRequired");
            }
            else if (!PlanLimits.IsCode(code))
            {
                Problem("code", "Plan.Validation.CodeInvalid");
            }
            if (!PlanLimits.HasTitle(this["title_fi"], this["title_sv"]))
            {
                Problem("title_fi", "Plan.Validation.TitleRequired");
            }
            CheckLength("title_fi", PlanLimits.TitleMaxLength);
            CheckLength("title_sv", PlanLimits.TitleMaxLength);
            CheckLength("description_fi", PlanLimits.DescriptionMaxLength);
            CheckLength("description_sv", PlanLimits.DescriptionMaxLength);
        }

        public PlanCsvGoalRow? ToGoal(List<PlanCsvGoalRow> earlier)
        {
            foreach (var column in MeasureOnlyColumns.Where(c => this[c].Length > 0))
            {
                Problem(column, "Plan.Csv.NotForGoal");
            }
            var stage = OneOf<LifeStage>("life_stage", PlanCsvAliases.TryLifeStage);
            CheckLength("strategy", PlanLimits.StrategyMaxLength);
            var code = this["code"];
            if (earlier.Any(g => g.Code == code))
            {
                Problem("code", "Plan.Csv.DuplicateCode");
            }
            return HasProblems ? null
                : new PlanCsvGoalRow(_record.Line, code, this["title_fi"], this["title_sv"], this["description_fi"], this["description_sv"], stage, this["strategy"]);
        }

        public PlanCsvMeasureRow? ToMeasure(List<PlanCsvGoalRow> goals, List<PlanCsvMeasureRow> earlier, PlanCsvReferences references)
        {
            foreach (var column in GoalOnlyColumns.Where(c => this[c].Length > 0))
            {
                Problem(column, "Plan.Csv.NotForMeasure");
            }
            var goal = this["goal"];
            if (goal.Length == 0 || (!goals.Any(g => g.Code == goal) && !references.GoalCodes.Contains(goal)))
            {
                Problem("goal", "Plan.Csv.GoalUnknown", goal);
            }
            var sectorId = Find("sector", references.Sectors,
                name => ("Plan.Csv.SectorUnknown", [name, string.Join(", ", references.Sectors.Keys.Order(StringComparer.Ordinal))]));
            var ownerId = Find("responsible", references.Users, name => ("Plan.Csv.UserUnknown", [name]));
            var partners = Partners();
            CheckLength("partner_names", PlanLimits.PartnerNamesMaxLength);
            CheckLength("resources", PlanLimits.ResourcesMaxLength);
            var start = Year("start_year");
            var end = Year("end_year");
            if (start is { } s && end is { } e && e < s)
            {
                Problem("end_year", "Plan.Validation.EndBeforeStart");
            }
            var budget = Budget();
            var status = OneOf<MeasureStatus>("status", PlanCsvAliases.TryStatus);
            var code = this["code"];
            if (earlier.Any(m => m.Code == code))
            {
                Problem("code", "Plan.Csv.DuplicateCode");
            }
            return HasProblems ? null
                : new PlanCsvMeasureRow(_record.Line, goal, code, this["title_fi"], this["title_sv"], this["description_fi"], this["description_sv"],
                    sectorId, ownerId, partners, this["partner_names"], start, end, this["resources"], budget, status);
        }

        private void CheckLength(string column, int maxLength)
        {
            if (!PlanLimits.Fits(this[column], maxLength))
            {
                Problem(column, "Plan.Csv.TooLong", maxLength);
            }
        }

        /// <summary>An English member name, exactly (no number, no other case, no list), or the word the UI shows for it in Finnish or Swedish.</summary>
        private T OneOf<T>(string column, TryAlias<T> alias) where T : struct, Enum
        {
            var text = this[column];
            if (alias(text, out var word))
            {
                return word;
            }
            if (!Enum.TryParse<T>(text, out var value) || !Enum.IsDefined(value) || !text.All(char.IsAsciiLetter))
            {
                Problem(column, "Plan.Csv.OneOf", string.Join(", ", Enum.GetNames<T>()));
            }
            return value;
        }

        private Guid? Find(string column, IReadOnlyDictionary<string, Guid> known, Func<string, (string Key, object[] Arguments)> unknown)
        {
            var text = this[column];
            if (text.Length == 0)
            {
                return null;
            }
            if (known.TryGetValue(text, out var id))
            {
                return id;
            }
            var (key, arguments) = unknown(text);
            Problem(column, key, arguments);
            return null;
        }

        /// <summary>Partner kinds separated by '|'; each unknown name is a problem of its own.</summary>
        private MeasurePartners Partners()
        {
            var partners = MeasurePartners.None;
            foreach (var name in this["partners"].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var kind = PlanCsvAliases.TryPartner(name, out var word) ? word : PlanLimits.PartnerKinds.FirstOrDefault(p => p.ToString() == name);
                if (kind == MeasurePartners.None)
                {
                    Problem("partners", "Plan.Csv.OneOf", string.Join(", ", PlanLimits.PartnerKinds));
                }
                partners |= kind;
            }
            return partners;
        }

        /// <summary>Digits only (no sign, no spaces), and a year the domain takes.</summary>
        private int? Year(string column)
        {
            var text = this[column];
            if (text.Length == 0)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && PlanLimits.IsYear(year))
            {
                return year;
            }
            Problem(column, "Plan.Csv.Year", PlanLimits.FirstYear, PlanLimits.LastYear);
            return null;
        }

        /// <summary>Digits with a point before the cents (no sign, spaces or thousands separators), and a budget the domain takes.</summary>
        private decimal? Budget()
        {
            var text = this["budget_eur"];
            if (text.Length == 0)
            {
                return null;
            }
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) && PlanLimits.IsBudget(euros))
            {
                return euros;
            }
            Problem("budget_eur", "Plan.Csv.Budget");
            return null;
        }
    }
}
