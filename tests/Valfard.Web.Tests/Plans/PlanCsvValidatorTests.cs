using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Plans;

namespace Valfard.Web.Tests.Plans;

/// <summary>
/// Every rule of the plan file's check, without a database: each problem on its line and column with its arguments,
/// the limits at their edges, and a valid file giving its goal and measure lines as written.
/// </summary>
public sealed class PlanCsvValidatorTests
{
    private static readonly Guid Education = Guid.NewGuid();
    private static readonly Guid Technical = Guid.NewGuid();
    private static readonly Guid Editor = Guid.NewGuid();

    private static readonly PlanCsvReferences Known = new(
        [("education", Education), ("technical", Technical)],
        [("editor@demo.test", Editor)],
        ["T1"]);

    private static readonly CsvRecord Header = new(1, PlanCsv.Columns);

    private static readonly string[] MeasureColumns =
        ["goal", "sector", "responsible", "partners", "partner_names", "start_year", "end_year", "resources", "budget_eur", "status"];

    /// <summary>A valid goal line, with the given columns changed.</summary>
    private static string[] Goal(string code = "T9", params (string Column, string Value)[] changes) =>
        With(["goal", "", code, "Tavoite", "Mål", "", "", "Youth", "", "", "", "", "", "", "", "", "", ""], changes);

    /// <summary>A valid measure line of goal T1, with the given columns changed.</summary>
    private static string[] Measure(string code = "T1.9", params (string Column, string Value)[] changes) =>
        With(["measure", "T1", code, "Toimenpide", "", "", "", "", "", "", "", "", "", "", "", "", "", "NotStarted"], changes);

    private static string[] With(string[] fields, (string Column, string Value)[] changes)
    {
        foreach (var (column, value) in changes)
        {
            var index = PlanCsv.Columns.ToList().IndexOf(column);
            Assert.True(index >= 0, $"no column {column}");
            fields[index] = value;
        }
        return fields;
    }

    /// <summary>The header, then the lines from line 2 on.</summary>
    private static PlanCsvValidation Check(params string[][] lines) =>
        Check(Known, lines);

    private static PlanCsvValidation Check(PlanCsvReferences references, params string[][] lines) =>
        PlanCsvValidator.Validate([Header, .. lines.Select((fields, i) => new CsvRecord(i + 2, fields))], null, references);

    private static void AssertProblem(CsvProblem problem, int line, string column, string key, params object[] arguments)
    {
        Assert.Equal((line, column, key), (problem.Line, problem.Column, problem.Key));
        Assert.Equal(arguments, problem.Arguments);
    }

    private static string Text(int length) => new('a', length);

    // ---- the file as a whole

    [Fact]
    public void A_valid_file_gives_its_goals_and_measures_in_order_as_written()
    {
        var file = Check(
            Goal("T9", ("title_fi", " Tavoite "), ("description_fi", "Kuvaus"), ("description_sv", "Beskrivning"), ("life_stage", "OlderPeople"), ("strategy", "Strategia")),
            Measure("T9.1", ("goal", "T9"), ("title_sv", "Åtgärd"), ("sector", "education"), ("responsible", "editor@demo.test"),
                ("partners", "WellbeingServicesCounty|Companies"), ("partner_names", "Yritys Oy"), ("start_year", "2026"), ("end_year", "2027"),
                ("resources", "Työaika"), ("budget_eur", "12500.5"), ("status", "InProgress")),
            Measure("T1.9"));

        Assert.True(file.IsValid);
        Assert.Empty(file.Problems);
        Assert.Equal(new PlanCsvGoalRow(2, "T9", " Tavoite ", "Mål", "Kuvaus", "Beskrivning", LifeStage.OlderPeople, "Strategia"), Assert.Single(file.Goals));
        Assert.Equal(2, file.Measures.Count);
        Assert.Equal(new PlanCsvMeasureRow(3, "T9", "T9.1", "Toimenpide", "Åtgärd", "", "", Education, Editor,
            MeasurePartners.WellbeingServicesCounty | MeasurePartners.Companies, "Yritys Oy", 2026, 2027, "Työaika", 12500.5m, MeasureStatus.InProgress),
            file.Measures[0]);
        Assert.Equal(new PlanCsvMeasureRow(4, "T1", "T1.9", "Toimenpide", "", "", "", null, null, MeasurePartners.None, "", null, null, "", null,
            MeasureStatus.NotStarted), file.Measures[1]);
    }

    [Fact]
    public void A_header_alone_is_a_valid_empty_file()
    {
        var file = Check();
        Assert.True(file.IsValid);
        Assert.Empty(file.Goals);
        Assert.Empty(file.Measures);
    }

    [Fact]
    public void A_file_with_any_problem_gives_no_lines_at_all()
    {
        var file = Check(Goal("T9"), Measure("T1.9", ("status", "Finished")));
        Assert.False(file.IsValid);
        Assert.Single(file.Problems);
        Assert.Empty(file.Goals);
        Assert.Empty(file.Measures);
    }

    [Fact]
    public void An_empty_file_or_a_wrong_header_is_one_problem_on_line_1_naming_the_header()
    {
        var expected = string.Join(';', PlanCsv.Columns);
        AssertProblem(Assert.Single(PlanCsvValidator.Validate([], null, Known).Problems), 1, "", "Plan.Csv.Header", expected);

        var reordered = new CsvRecord(1, [.. PlanCsv.Columns.Reverse()]);
        var wrong = PlanCsvValidator.Validate([reordered, new CsvRecord(2, Goal())], null, Known);
        AssertProblem(Assert.Single(wrong.Problems), 1, "", "Plan.Csv.Header", expected);

        var shorter = new CsvRecord(1, [.. PlanCsv.Columns.SkipLast(1)]);
        Assert.Equal("Plan.Csv.Header", Assert.Single(PlanCsvValidator.Validate([shorter], null, Known).Problems).Key);
        var upper = new CsvRecord(1, [.. PlanCsv.Columns.Select(c => c.ToUpperInvariant())]);
        Assert.Equal("Plan.Csv.Header", Assert.Single(PlanCsvValidator.Validate([upper], null, Known).Problems).Key);
    }

    [Fact]
    public void What_stopped_the_reading_is_reported_after_a_bad_header_and_before_the_lines_problems()
    {
        var broken = new CsvProblem(4, "", "Plan.Csv.UnclosedQuote");
        var badHeader = PlanCsvValidator.Validate([], broken, Known);
        Assert.Equal(["Plan.Csv.Header", "Plan.Csv.UnclosedQuote"], badHeader.Problems.Select(p => p.Key));

        var withLines = PlanCsvValidator.Validate([Header, new CsvRecord(2, Goal()), new CsvRecord(3, Measure(changes: [("status", "")]))], broken, Known);
        Assert.Equal(["Plan.Csv.UnclosedQuote", "Plan.Csv.OneOf"], withLines.Problems.Select(p => p.Key));
        Assert.Empty(withLines.Goals);

        var onlyBroken = PlanCsvValidator.Validate([Header, new CsvRecord(2, Goal())], broken, Known);
        Assert.Same(broken, Assert.Single(onlyBroken.Problems));
        Assert.False(onlyBroken.IsValid);
    }

    [Fact]
    public void Every_problem_of_every_line_is_reported_in_line_order()
    {
        var file = Check(
            Goal("", ("title_fi", ""), ("title_sv", ""), ("life_stage", "")),
            Measure("T1.9", ("status", "x")),
            Measure("T1.8", ("start_year", "x"), ("end_year", "y")));
        Assert.Equal(
            [(2, "code"), (2, "title_fi"), (2, "life_stage"), (3, "status"), (4, "start_year"), (4, "end_year")],
            file.Problems.Select(p => (p.Line, p.Column)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(17)]
    [InlineData(19)]
    public void A_line_with_another_number_of_fields_is_one_problem_and_nothing_else_is_checked(int count)
    {
        var fields = Enumerable.Repeat("?", count).ToArray();
        var problem = Assert.Single(Check(fields).Problems);
        AssertProblem(problem, 2, "", "Plan.Csv.FieldCount", 18, count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("task")]
    [InlineData("Goal")]
    [InlineData("MEASURE")]
    [InlineData(" goal")]
    public void The_kind_is_goal_or_measure_exactly(string kind)
    {
        var problem = Assert.Single(Check(With(Goal(), [("kind", kind)])).Problems);
        AssertProblem(problem, 2, "kind", "Plan.Csv.OneOf", "goal, measure");
    }

    [Fact]
    public void A_line_of_an_unknown_kind_still_has_its_code_and_title_checked()
    {
        var file = Check(With(Goal(""), [("kind", "task"), ("title_fi", ""), ("title_sv", "")]));
        Assert.Equal(["code", "title_fi", "kind"], file.Problems.Select(p => p.Column));
    }

    // ---- code and titles, on both kinds of line

    [Theory]
    [InlineData("T1")]
    [InlineData("T1.2-a_B")]
    [InlineData("ABCDEFGHIJKLMNOPQRST")] // 20, the longest
    public void A_code_of_letters_digits_dots_dashes_and_underscores_up_to_20_is_taken(string code)
    {
        Assert.True(Check(Goal(code)).IsValid);
        Assert.True(Check(Measure(code)).IsValid);
    }

    [Fact]
    public void A_missing_code_is_required()
    {
        AssertProblem(Assert.Single(Check(Goal("")).Problems), 2, "code", "Plan.Validation.CodeRequired");
        AssertProblem(Assert.Single(Check(Measure("")).Problems), 2, "code", "Plan.Validation.CodeRequired");
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")] // 21
    [InlineData("T 1")]
    [InlineData(" T1")]
    [InlineData("T1 ")]
    [InlineData("   ")]
    [InlineData("T1;")]
    [InlineData("T1/2")]
    [InlineData("Tä1")]
    public void A_code_too_long_or_with_other_characters_is_invalid_as_written(string code)
    {
        AssertProblem(Assert.Single(Check(Goal(code)).Problems), 2, "code", "Plan.Validation.CodeInvalid");
        AssertProblem(Assert.Single(Check(Measure(code)).Problems), 2, "code", "Plan.Validation.CodeInvalid");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" ", "\t")]
    public void A_line_without_a_title_in_either_language_needs_one(string fi, string sv)
    {
        AssertProblem(Assert.Single(Check(Goal(changes: [("title_fi", fi), ("title_sv", sv)])).Problems), 2, "title_fi", "Plan.Validation.TitleRequired");
        AssertProblem(Assert.Single(Check(Measure(changes: [("title_fi", fi), ("title_sv", sv)])).Problems), 2, "title_fi", "Plan.Validation.TitleRequired");
    }

    [Fact]
    public void A_title_in_one_language_is_enough()
    {
        Assert.True(Check(Goal(changes: [("title_fi", ""), ("title_sv", "Mål")])).IsValid);
        Assert.True(Check(Measure(changes: [("title_fi", "Toimenpide"), ("title_sv", "")])).IsValid);
    }

    [Theory]
    [InlineData("title_fi", PlanLimits.TitleMaxLength)]
    [InlineData("title_sv", PlanLimits.TitleMaxLength)]
    [InlineData("description_fi", PlanLimits.DescriptionMaxLength)]
    [InlineData("description_sv", PlanLimits.DescriptionMaxLength)]
    public void Titles_and_descriptions_may_be_as_long_as_the_limit_but_not_longer(string column, int limit)
    {
        Assert.Equal(300, PlanLimits.TitleMaxLength);
        Assert.Equal(4000, PlanLimits.DescriptionMaxLength);
        Assert.True(Check(Goal(changes: [(column, Text(limit))])).IsValid);
        Assert.True(Check(Measure(changes: [(column, $"  {Text(limit)}  ")])).IsValid); // spaces around are trimmed
        AssertProblem(Assert.Single(Check(Goal(changes: [(column, Text(limit + 1))])).Problems), 2, column, "Plan.Csv.TooLong", limit);
        AssertProblem(Assert.Single(Check(Measure(changes: [(column, Text(limit + 1))])).Problems), 2, column, "Plan.Csv.TooLong", limit);
    }

    [Fact]
    public void A_title_too_long_in_both_languages_is_two_problems()
    {
        var file = Check(Goal(changes: [("title_fi", Text(301)), ("title_sv", Text(301))]));
        Assert.Equal(["title_fi", "title_sv"], file.Problems.Select(p => p.Column));
    }

    // ---- goal lines

    [Theory]
    [InlineData("goal")]
    [InlineData("sector")]
    [InlineData("responsible")]
    [InlineData("partners")]
    [InlineData("partner_names")]
    [InlineData("start_year")]
    [InlineData("end_year")]
    [InlineData("resources")]
    [InlineData("budget_eur")]
    [InlineData("status")]
    public void A_goal_leaves_the_measure_columns_empty(string column)
    {
        AssertProblem(Assert.Single(Check(Goal(changes: [(column, "x")])).Problems), 2, column, "Plan.Csv.NotForGoal");
    }

    [Fact]
    public void A_goal_with_every_measure_column_filled_has_a_problem_for_each_in_column_order()
    {
        var filled = Goal(changes: [.. MeasureColumns.Select(c => (c, "x"))]);
        Assert.Equal(["sector", "responsible", "partners", "partner_names", "start_year", "end_year", "resources", "budget_eur", "status", "goal"],
            Check(filled).Problems.Select(p => p.Column));
    }

    [Theory]
    [InlineData("ChildrenAndFamilies", LifeStage.ChildrenAndFamilies)]
    [InlineData("Youth", LifeStage.Youth)]
    [InlineData("WorkingAge", LifeStage.WorkingAge)]
    [InlineData("OlderPeople", LifeStage.OlderPeople)]
    [InlineData("WholePopulation", LifeStage.WholePopulation)]
    public void A_goal_takes_each_life_stage_by_its_english_name(string text, LifeStage expected)
    {
        Assert.Equal(expected, Assert.Single(Check(Goal(changes: [("life_stage", text)])).Goals).LifeStage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("youth")]
    [InlineData("YOUTH")]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("Youth,WorkingAge")]
    [InlineData(" Youth")]
    [InlineData("Children")]
    public void A_goal_needs_a_life_stage_named_exactly(string text)
    {
        AssertProblem(Assert.Single(Check(Goal(changes: [("life_stage", text)])).Problems), 2, "life_stage", "Plan.Csv.OneOf",
            "ChildrenAndFamilies, Youth, WorkingAge, OlderPeople, WholePopulation");
    }

    [Fact]
    public void A_goals_strategy_may_be_as_long_as_the_limit_but_not_longer()
    {
        Assert.Equal(500, PlanLimits.StrategyMaxLength);
        Assert.True(Check(Goal(changes: [("strategy", Text(500))])).IsValid);
        AssertProblem(Assert.Single(Check(Goal(changes: [("strategy", Text(501))])).Problems), 2, "strategy", "Plan.Csv.TooLong", 500);
    }

    [Fact]
    public void A_goal_code_twice_in_the_file_is_reported_on_the_second_line()
    {
        var file = Check(Goal("T9"), Goal("T8"), Goal("T9"));
        AssertProblem(Assert.Single(file.Problems), 4, "code", "Plan.Csv.DuplicateCode");
    }

    [Fact]
    public void Goal_codes_differ_by_case_and_a_goal_already_in_the_plan_may_be_in_the_file()
    {
        Assert.True(Check(Goal("T9"), Goal("t9")).IsValid);
        Assert.True(Check(Goal("T1")).IsValid);
    }

    [Fact]
    public void A_goal_line_with_a_problem_does_not_count_for_the_duplicate_check()
    {
        var file = Check(Goal("T9", ("life_stage", "")), Goal("T9"));
        Assert.Equal([(2, "life_stage")], file.Problems.Select(p => (p.Line, p.Column)));
    }

    // ---- measure lines

    [Theory]
    [InlineData("life_stage")]
    [InlineData("strategy")]
    public void A_measure_leaves_the_goal_columns_empty(string column)
    {
        AssertProblem(Assert.Single(Check(Measure(changes: [(column, "x")])).Problems), 2, column, "Plan.Csv.NotForMeasure");
    }

    [Fact]
    public void A_measures_goal_is_in_the_plan_or_on_an_earlier_line_of_the_file()
    {
        Assert.True(Check(Measure(changes: [("goal", "T1")])).IsValid);
        Assert.True(Check(Goal("T9"), Measure(changes: [("goal", "T9")])).IsValid);

        AssertProblem(Assert.Single(Check(Measure(changes: [("goal", "T77")])).Problems), 2, "goal", "Plan.Csv.GoalUnknown", "T77");
        AssertProblem(Assert.Single(Check(Measure(changes: [("goal", "")])).Problems), 2, "goal", "Plan.Csv.GoalUnknown", "");
        AssertProblem(Assert.Single(Check(Measure(changes: [("goal", "t1")])).Problems), 2, "goal", "Plan.Csv.GoalUnknown", "t1");
        // A goal of a later line is not yet known.
        AssertProblem(Assert.Single(Check(Measure(changes: [("goal", "T9")]), Goal("T9")).Problems), 2, "goal", "Plan.Csv.GoalUnknown", "T9");
        // Nor is one whose own line has a problem.
        var file = Check(Goal("T9", ("life_stage", "")), Measure(changes: [("goal", "T9")]));
        Assert.Equal([(2, "life_stage"), (3, "goal")], file.Problems.Select(p => (p.Line, p.Column)));
        // Without goals in the plan, T1 is unknown too.
        Assert.Equal("Plan.Csv.GoalUnknown", Assert.Single(Check(PlanCsvReferences.None, Measure()).Problems).Key);
    }

    [Theory]
    [InlineData("education")]
    [InlineData("EDUCATION")]
    [InlineData("Education")]
    public void A_measures_sector_is_found_by_its_code_whatever_the_case(string code)
    {
        Assert.Equal(Education, Assert.Single(Check(Measure(changes: [("sector", code)])).Measures).SectorId);
    }

    [Fact]
    public void An_unknown_sector_is_reported_with_the_codes_there_are()
    {
        AssertProblem(Assert.Single(Check(Measure(changes: [("sector", "nosuch")])).Problems), 2, "sector", "Plan.Csv.SectorUnknown",
            "nosuch", "education, technical");
        AssertProblem(Assert.Single(Check(Measure(changes: [("sector", " education")])).Problems), 2, "sector", "Plan.Csv.SectorUnknown",
            " education", "education, technical");
    }

    [Fact]
    public void A_measures_responsible_person_is_a_user_found_by_e_mail_whatever_the_case()
    {
        Assert.Equal(Editor, Assert.Single(Check(Measure(changes: [("responsible", "Editor@Demo.Test")])).Measures).UserId);
        AssertProblem(Assert.Single(Check(Measure(changes: [("responsible", "nobody@demo.test")])).Problems), 2, "responsible", "Plan.Csv.UserUnknown",
            "nobody@demo.test");
    }

    [Theory]
    [InlineData("", MeasurePartners.None)]
    [InlineData("WellbeingServicesCounty", MeasurePartners.WellbeingServicesCounty)]
    [InlineData("Organisations|Parishes", MeasurePartners.Organisations | MeasurePartners.Parishes)]
    [InlineData("Companies||Companies|", MeasurePartners.Companies)]
    [InlineData("WellbeingServicesCounty|Organisations|Parishes|Companies", (MeasurePartners)0b1111)]
    public void A_measures_partners_are_kinds_separated_by_bars(string text, MeasurePartners expected)
    {
        Assert.Equal(expected, Assert.Single(Check(Measure(changes: [("partners", text)])).Measures).Partners);
    }

    [Theory]
    [InlineData("Churches", 1)]
    [InlineData("None", 1)]
    [InlineData("companies", 1)]
    [InlineData("Companies, Parishes", 1)]
    [InlineData("Churches|Companies|Firms", 2)]
    public void Each_unknown_partner_kind_is_a_problem_of_its_own(string text, int problems)
    {
        var file = Check(Measure(changes: [("partners", text)]));
        Assert.Equal(problems, file.Problems.Count);
        Assert.All(file.Problems, p => AssertProblem(p, 2, "partners", "Plan.Csv.OneOf", "WellbeingServicesCounty, Organisations, Parishes, Companies"));
    }

    [Theory]
    [InlineData("partner_names", PlanLimits.PartnerNamesMaxLength)]
    [InlineData("resources", PlanLimits.ResourcesMaxLength)]
    public void A_measures_partner_names_and_resources_may_be_as_long_as_the_limit_but_not_longer(string column, int limit)
    {
        Assert.Equal(1000, limit);
        Assert.True(Check(Measure(changes: [(column, Text(limit))])).IsValid);
        AssertProblem(Assert.Single(Check(Measure(changes: [(column, Text(limit + 1))])).Problems), 2, column, "Plan.Csv.TooLong", limit);
    }

    [Theory]
    [InlineData("2000")]
    [InlineData("2100")]
    [InlineData("2026")]
    public void A_measures_years_are_from_2000_to_2100(string text)
    {
        var year = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var row = Assert.Single(Check(Measure(changes: [("start_year", text), ("end_year", text)])).Measures);
        Assert.Equal((year, year), (row.StartYear!.Value, row.EndYear!.Value));
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("0")]
    [InlineData("20x6")]
    [InlineData("2026.0")]
    [InlineData(" 2026")]
    [InlineData("2026 ")]
    [InlineData("+2026")]
    [InlineData("-2026")]
    [InlineData("2 026")]
    [InlineData("99999999999")]
    public void A_year_that_is_not_plain_digits_in_range_is_a_problem_naming_the_range(string year)
    {
        AssertProblem(Assert.Single(Check(Measure(changes: [("start_year", year)])).Problems), 2, "start_year", "Plan.Csv.Year", 2000, 2100);
        AssertProblem(Assert.Single(Check(Measure(changes: [("end_year", year)])).Problems), 2, "end_year", "Plan.Csv.Year", 2000, 2100);
    }

    [Fact]
    public void Either_year_may_be_left_empty()
    {
        var rows = Check(Measure(changes: [("start_year", "2026")]), Measure("T1.8", ("end_year", "2027"))).Measures;
        Assert.Equal(new (int?, int?)[] { (2026, null), (null, 2027) }, rows.Select(r => (r.StartYear, r.EndYear)));
    }

    [Fact]
    public void The_end_may_be_the_start_year_but_not_before_it()
    {
        Assert.True(Check(Measure(changes: [("start_year", "2026"), ("end_year", "2026")])).IsValid);
        AssertProblem(Assert.Single(Check(Measure(changes: [("start_year", "2028"), ("end_year", "2027")])).Problems), 2, "end_year",
            "Plan.Validation.EndBeforeStart");
        // A bad year is reported once, not compared as well.
        Assert.Equal(["start_year"], Check(Measure(changes: [("start_year", "2200"), ("end_year", "2027")])).Problems.Select(p => p.Column));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.01", 0.01)]
    [InlineData("12500", 12500)]
    [InlineData("12500.5", 12500.5)]
    [InlineData("12500.50", 12500.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1000000000", 1_000_000_000)]
    [InlineData("1000000000.00", 1_000_000_000)]
    public void A_budget_is_euros_with_a_point_before_at_most_two_decimals_up_to_a_billion(string text, double expected)
    {
        Assert.Equal((decimal)expected, Assert.Single(Check(Measure(changes: [("budget_eur", text)])).Measures).Budget);
    }

    [Theory]
    [InlineData("1000000000.01")]
    [InlineData("10.005")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("12 500")]
    [InlineData("12,5")]
    [InlineData("12,500")]
    [InlineData(" 12")]
    [InlineData("1e3")]
    [InlineData("12 €")]
    [InlineData("x")]
    public void Any_other_budget_is_a_problem(string text)
    {
        AssertProblem(Assert.Single(Check(Measure(changes: [("budget_eur", text)])).Problems), 2, "budget_eur", "Plan.Csv.Budget");
    }

    [Fact]
    public void An_empty_budget_is_none()
    {
        Assert.Null(Assert.Single(Check(Measure()).Measures).Budget);
    }

    [Theory]
    [InlineData("NotStarted", MeasureStatus.NotStarted)]
    [InlineData("InProgress", MeasureStatus.InProgress)]
    [InlineData("Done", MeasureStatus.Done)]
    [InlineData("Postponed", MeasureStatus.Postponed)]
    public void A_measure_takes_each_status_by_its_english_name(string text, MeasureStatus expected)
    {
        Assert.Equal(expected, Assert.Single(Check(Measure(changes: [("status", text)])).Measures).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Finished")]
    [InlineData("done")]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("Done,Postponed")]
    [InlineData("Done ")]
    public void A_measure_needs_a_status_named_exactly(string text)
    {
        AssertProblem(Assert.Single(Check(Measure(changes: [("status", text)])).Problems), 2, "status", "Plan.Csv.OneOf",
            "NotStarted, InProgress, Done, Postponed");
    }

    [Fact]
    public void A_measure_code_twice_in_the_file_is_reported_on_the_second_line_but_a_goal_may_share_it()
    {
        var file = Check(Measure("T1.9"), Measure("T1.9", ("goal", "T1")));
        AssertProblem(Assert.Single(file.Problems), 3, "code", "Plan.Csv.DuplicateCode");
        Assert.True(Check(Goal("X1"), Measure("X1")).IsValid);
    }

    [Fact]
    public void A_measure_line_may_have_many_problems_at_once_in_column_order()
    {
        var file = Check(Measure("T1 9", ("title_fi", ""), ("life_stage", "Youth"), ("goal", "T77"), ("sector", "nosuch"), ("responsible", "nobody"),
            ("partners", "Churches"), ("partner_names", Text(1001)), ("resources", Text(1001)), ("start_year", "1999"), ("end_year", "2101"),
            ("budget_eur", "-1"), ("status", "Finished")));
        Assert.Equal(["code", "title_fi", "life_stage", "goal", "sector", "responsible", "partners", "partner_names", "resources", "start_year",
            "end_year", "budget_eur", "status"], file.Problems.Select(p => p.Column));
        Assert.All(file.Problems, p => Assert.Equal(2, p.Line));
    }
}
