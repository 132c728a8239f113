using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Web.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.PublicSite;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written as text in every export,
/// and a real number, negative ones included, stays a number.
/// </summary>
public sealed class SpreadsheetFormulaTests
{
    /// <summary>Texts that Excel or LibreOffice would run; the first is the classic DDE payload.</summary>
    public static readonly string[] Formulas =
        ["=cmd|' /C calc'!A0", "+HYPERLINK(\"http://evil.example\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+2", "\r=1+2"];

    [Theory]
    [InlineData("=1+2", true)]
    [InlineData("+A1", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tteksti", true)]
    [InlineData("\rteksti", true)]
    [InlineData("-", true)]
    [InlineData("-5", false)]
    [InlineData("-2.5", false)]
    [InlineData("+3", false)]
    [InlineData("1e5", false)]
    [InlineData("", false)]
    [InlineData("Hyvinvointi = terveys", false)]
    public void Only_text_a_spreadsheet_would_run_is_neutralised(string text, bool runs)
    {
        Assert.Equal(runs, SpreadsheetText.WouldRunAsFormula(text));
        Assert.Equal(runs ? "'" + text : text, SpreadsheetText.Neutralised(text));
        Assert.Equal(text, SpreadsheetText.Restored(SpreadsheetText.Neutralised(text)));
    }

    [Fact]
    public void The_open_data_plan_file_writes_formulas_as_text_and_numbers_as_numbers()
    {
        var indicator = new PlanIndicatorSnapshot(Formulas[0], Formulas[1], -1.5, 2024, 2.5, 2029, null, null, "Higher");
        var measure = new PlanMeasureSnapshot("T1.1", Formulas[2], Formulas[3], Formulas[4], null, Formulas[5], -1200.5m, "Ongoing", 40, null, [indicator]);
        var goal = new PlanGoalSnapshot("T1", Formulas[1], Formulas[0], null, null, null, Formulas[5], null, [measure], [indicator]);

        var snapshot = new PlanSnapshot("Suunnitelma", "Plan", null, [goal]);
        var cells = Cells(OpenData.PlanCsv(snapshot), ',');

        AssertNoCellRuns(cells);
        Assert.Contains("-1.5", cells);
        Assert.Contains("-1200.5", cells);
        Assert.Contains("'" + Formulas[2], cells);

        // The people's file writes the same numbers with a decimal comma and an ASCII minus, still numbers and not text.
        var sheet = Cells(OpenData.PlanSheet(snapshot, key => key));
        AssertNoCellRuns(sheet);
        Assert.Contains("-1,5", sheet);
        Assert.Contains("-1200,5", sheet);
        Assert.Contains("'" + Formulas[2], sheet);
    }

    [Fact]
    public async Task The_plan_export_writes_formulas_as_text_and_an_import_of_it_restores_them()
    {
        using var factory = new ValfardFactory();
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var (records, _) = PlanCsv.Read(await coordinator.Client.GetByteArrayAsync("/plan/export.csv"));
        // A measure whose texts are all formulas, added to the plan through the import.
        var rows = records.Skip(1).Select(r => r.Fields).Append(
        [
            "measure", "T5", "T5.9", Formulas[0], Formulas[1], Formulas[2], Formulas[3], "", "", "technical", "editor@demo.test", "",
            Formulas[3], "2026", "2027", Formulas[2], "", "NotStarted",
        ]).ToList();
        var imported = await Plans.PlanCsvTests.UploadAsync(coordinator, PlanCsv.Write(rows));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, imported.StatusCode);

        var exported = await coordinator.Client.GetByteArrayAsync("/plan/export.csv");

        AssertNoCellRuns(Cells(exported));
        var measure = await factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Code == "T5.9"));
        Assert.Equal(Formulas[0], measure.TitleFi);
        Assert.Equal(Formulas[1], measure.TitleSv);
        Assert.Equal(Formulas[2], measure.DescriptionFi);
        Assert.Equal(Formulas[2], measure.Resources);
    }

    [Fact]
    public async Task The_indicator_csv_and_workbook_write_a_formula_region_name_as_text_and_values_as_numbers()
    {
        using var factory = new ValfardFactory();
        // A region name is national data that arrives from files: here it is one a spreadsheet would run.
        await factory.QueryAsync(async db =>
        {
            var region = await db.Regions.SingleAsync(r => r.TitleFi == "Esimerkkilä");
            region.TitleFi = Formulas[0];
            return await db.SaveChangesAsync();
        });
        using var browser = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");

        var cells = Cells(await browser.Client.GetByteArrayAsync("/indicators/90005/csv"));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await browser.Client.GetByteArrayAsync("/indicators/90005/xlsx")));

        AssertNoCellRuns(cells);
        Assert.Contains("'" + Formulas[0], cells);
        var sheet = workbook.Worksheet(1);
        var regionCell = sheet.Column(1).CellsUsed().Single(c => c.GetString() == Formulas[0]);
        Assert.False(regionCell.HasFormula);
        Assert.Equal(ClosedXML.Excel.XLDataType.Text, regionCell.DataType);
        Assert.True(regionCell.Style.IncludeQuotePrefix);
        Assert.Equal(ClosedXML.Excel.XLDataType.Number, regionCell.CellRight().DataType);
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
    }

    /// <summary>Every cell of a semicolon CSV as a spreadsheet program reads it (RFC 4180 unquoting).</summary>
    internal static List<string> Cells(byte[] csv, char separator = ';') => [.. Rows(csv, separator).SelectMany(r => r)];

    /// <summary>The records of a CSV file with the given separator, each as its unquoted fields.</summary>
    internal static List<List<string>> Rows(byte[] csv, char separator)
    {
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }

    internal static void AssertNoCellRuns(IEnumerable<string> cells) =>
        Assert.All(cells, c => Assert.False(SpreadsheetText.WouldRunAsFormula(c), $"the cell \"{c}\" would run as a formula"));
}
