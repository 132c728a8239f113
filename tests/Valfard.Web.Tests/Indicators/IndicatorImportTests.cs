using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

public sealed class SotkanetReaderTests
{
    private static System.Text.Json.JsonDocument Json(string text) => SotkanetJsonReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Data_rows_are_read_with_missing_values_as_missing_not_zero()
    {
        using var document = Json("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":1234.5,"absValue":1234.0},{"indicator":127,"region":833,"year":2022,"gender":"female","value":null}]""");

        Assert.Equal(SotkanetFileKind.Data, SotkanetJsonReader.Detect(document));
        var rows = SotkanetJsonReader.ReadData(document).ToList();

        Assert.Equal(new IndicatorValue(127, 833, 2023, Gender.Total, 1234.5, 1234.0), rows[0]);
        Assert.Equal(new IndicatorValue(127, 833, 2022, Gender.Female, null, null), rows[1]);
    }

    [Theory]
    [InlineData("""[{"indicator":127,"region":833,"year":1800,"gender":"total","value":1}]""", 1, "year", "OutOfRange")]
    [InlineData("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":1},{"indicator":127,"region":833,"year":2023,"gender":"both","value":1}]""", 2, "gender", "UnknownGender")]
    [InlineData("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":"many"}]""", 1, "value", "NotANumber")]
    [InlineData("""[{"indicator":127,"year":2023,"gender":"total","value":1}]""", 1, "region", "Missing")]
    public void A_bad_data_row_is_refused_naming_its_row_and_field(string json, int row, string field, string problem)
    {
        using var document = Json(json);

        var error = Assert.Throws<SotkanetFormatException>(() => SotkanetJsonReader.ReadData(document).ToList());

        Assert.Equal((row, field, problem), (error.Row, error.Field, error.Problem));
    }

    [Fact]
    public void A_file_that_is_not_json_or_not_a_list_is_refused()
    {
        Assert.Equal("NotJson", Assert.Throws<SotkanetFormatException>(() => Json("indicator;region\n1;2")).Problem);
        using var document = Json("""{"indicator":1}""");
        Assert.Equal("NotAList", Assert.Throws<SotkanetFormatException>(() => SotkanetJsonReader.Detect(document)).Problem);
    }

    [Fact]
    public void Indicator_and_region_lists_are_read_in_all_languages()
    {
        using var indicators = Json("""[{"id":127,"title":{"fi":"Väestö","sv":"Befolkning","en":"Population"},"decimals":0,"range":{"start":1990,"end":2024},"classifications":{"sex":{"values":["male","female","total"]}}}]""");
        using var regions = Json("""[{"id":833,"title":{"fi":"Vaasa","sv":"Vasa","en":"Vaasa"},"code":"905","category":"KUNTA","memberOf":[1,2]}]""");

        var indicator = Assert.Single(SotkanetJsonReader.ReadIndicators(indicators));
        var region = Assert.Single(SotkanetJsonReader.ReadRegions(regions));

        Assert.Equal(("Befolkning", 1990, 2024, 0), (indicator.Title.Sv, indicator.RangeStart, indicator.RangeEnd, indicator.Decimals));
        Assert.Equal(["male", "female", "total"], indicator.Sex.Values);
        Assert.Equal(("Vasa", "905", "KUNTA"), (region.TitleSv, region.Code, region.Category));
        Assert.Equal([1, 2], region.MemberOfIds());
        Assert.Equal(SotkanetFileKind.Regions, SotkanetJsonReader.Detect(regions));
        Assert.Equal(SotkanetFileKind.Indicators, SotkanetJsonReader.Detect(indicators));
    }

    [Fact]
    public void The_semicolon_csv_is_read_by_its_header_with_decimal_commas_and_empty_values()
    {
        var csv = "\uFEFFregion;indicator;year;gender;primary value;absolute value\n833;127;2023;male;12,5;\n833;127;2022;total;;\n";

        var rows = SotkanetCsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(new IndicatorValue(127, 833, 2023, Gender.Male, 12.5, null), rows[0]);
        Assert.Equal(new IndicatorValue(127, 833, 2022, Gender.Total, null, null), rows[1]);
    }

    [Theory]
    [InlineData("indicator;region;year;gender\n127;833;2023;total\n", 1, "primary value")]
    [InlineData("indicator;region;year;gender;primary value\n127;833;2023;total;1\n127;833;20x3;total;2\n", 3, "year")]
    [InlineData("indicator;region;year;gender;primary value\n127;833;2023;total;1\n127;833\n", 3, "year")]
    public void A_bad_csv_line_is_refused_naming_its_line_and_column(string csv, int row, string field)
    {
        var error = Assert.Throws<SotkanetFormatException>(() => SotkanetCsvReader.Read(new StringReader(csv)).ToList());

        Assert.Equal((row, field), (error.Row, error.Field));
    }
}

/// <summary>Reading an import file is pure: what it holds, or the bad row it refuses, is known without a database.</summary>
public sealed class IndicatorFileTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("export.csv")]
    [InlineData("export.txt")]
    public void A_semicolon_csv_is_read_as_values_by_its_name_or_its_content_counting_rows_after_the_header(string fileName)
    {
        var file = IndicatorFile.Read(Bytes("\uFEFFregion;indicator;year;gender;primary value\n833;127;2023;male;12,5\n833;127;2022;total;\n"), fileName);

        Assert.Equal((SotkanetFileKind.Data, 2, 2), (file.Kind, file.FirstRow, file.Count));
        Assert.Equal(new IndicatorValue(127, 833, 2023, Gender.Male, 12.5, null), file.Values[0]);
    }

    [Fact]
    public void Json_metadata_regions_and_values_are_told_apart_and_counted()
    {
        var indicators = IndicatorFile.Read(Bytes("""[{"id":127,"title":{"fi":"Väestö"}},{"id":128,"title":{"fi":"Ikä"}}]"""), "indicators.json");
        var regions = IndicatorFile.Read(Bytes("""[{"id":833,"title":{"fi":"Vaasa"},"code":"905","category":"KUNTA"}]"""), "regions.json");
        var values = IndicatorFile.Read(Bytes("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":1.5}]"""), "data.json");

        Assert.Equal((SotkanetFileKind.Indicators, 2), (indicators.Kind, indicators.Count));
        Assert.Equal((SotkanetFileKind.Regions, 1, "905"), (regions.Kind, regions.Count, regions.Regions[0].Code));
        Assert.Equal((SotkanetFileKind.Data, 1, 1), (values.Kind, values.FirstRow, values.Count));
    }

    [Fact]
    public void A_bad_row_anywhere_is_refused_while_reading_before_anything_could_be_written()
    {
        var error = Assert.Throws<SotkanetFormatException>(() => IndicatorFile.Read(
            Bytes("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":1},{"indicator":127,"region":833,"year":2023,"gender":"both","value":1}]"""),
            "data.json"));

        Assert.Equal((2, "gender", "UnknownGender"), (error.Row, error.Field, error.Problem));
    }
}

public sealed class IndicatorImportTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private async Task<T> WithImporterAsync<T>(Func<IndicatorImporter, Task<T>> work)
    {
        using var scope = _factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<IndicatorImporter>());
    }

    private static string SampleFile(string name) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Valfard.Web/SampleData/sotkanet", name));

    [Fact]
    public async Task Demo_mode_loads_the_sample_catalogue_through_the_importer()
    {
        var counts = await _factory.QueryAsync(async db => (await db.Indicators.CountAsync(), await db.Regions.CountAsync(), await db.IndicatorValues.CountAsync()));

        Assert.Equal((40, 4), (counts.Item1, counts.Item2));
        Assert.True(counts.Item3 > 2500);
        var assistance = await _factory.QueryAsync(db => db.Indicators.SingleAsync(i => i.Title.Fi.StartsWith("Toimeentulotukea")));
        Assert.Equal(IndicatorDirection.LowerIsBetter, assistance.Direction);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_value_is_one_update()
    {
        using var document = SotkanetJsonReader.Open(File.OpenRead(SampleFile("data.json")));
        var rows = SotkanetJsonReader.ReadData(document).ToList();

        var again = await WithImporterAsync(i => i.ImportValuesAsync(rows, 1, null, CancellationToken.None));
        Assert.Equal(new ImportSummary(0, 0, rows.Count), again);

        var changed = rows.Select((r, index) => index == 10 ? r with { Value = (r.Value ?? 0) + 1 } : r).ToList();
        var second = await WithImporterAsync(i => i.ImportValuesAsync(changed, 1, null, CancellationToken.None));
        Assert.Equal(new ImportSummary(0, 1, rows.Count - 1), second);
    }

    [Fact]
    public async Task The_csv_extract_matches_what_the_json_already_holds()
    {
        using var reader = new StreamReader(SampleFile("data-2023-2024.csv"));
        var rows = SotkanetCsvReader.Read(reader).ToList();

        var summary = await WithImporterAsync(i => i.ImportValuesAsync(rows, 2, null, CancellationToken.None));

        Assert.Equal(new ImportSummary(0, 0, rows.Count), summary);
    }

    private static List<IndicatorValue> NewRows(int count) => Enumerable.Range(0, count)
        .Select(i => new IndicatorValue(90002 + i / 300, 99001, 1900 + i % 100, (Gender)(i / 100 % 3), i, null)).ToList();

    [Fact]
    public async Task An_unknown_indicator_is_refused_with_its_row_and_nothing_of_the_import_is_written()
    {
        var before = await _factory.QueryAsync(db => db.IndicatorValues.CountAsync());
        var rows = NewRows(IndicatorImporter.BatchSize + 1500);
        rows.Add(new IndicatorValue(424242, 99001, 2024, Gender.Total, 1, null));

        var error = await Assert.ThrowsAsync<SotkanetFormatException>(() =>
            WithImporterAsync(i => i.ImportValuesAsync(rows, 1, null, CancellationToken.None)));

        Assert.Equal(("indicator", "UnknownIndicator", rows.Count), (error.Field, error.Problem, error.Row));
        // The first batch had been written inside the import's transaction; it is rolled back with the rest.
        Assert.Equal(before, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task Rows_for_regions_the_catalogue_lacks_are_skipped_and_reported_and_the_rest_imports()
    {
        var rows = NewRows(IndicatorImporter.BatchSize + 1500);
        rows.Insert(10, new IndicatorValue(90002, 730, 2009, Gender.Total, 0, null));
        rows.Add(new IndicatorValue(90002, 456, 2009, Gender.Total, 0, null));
        rows.Add(new IndicatorValue(90003, 456, 2009, Gender.Total, 0, null));

        var summary = await WithImporterAsync(i => i.ImportValuesAsync(rows, 1, null, CancellationToken.None));

        Assert.Equal((3, IndicatorImporter.BatchSize + 1500), (summary.Skipped, summary.Total));
        Assert.Equal([456, 730], summary.UnknownRegions);
        Assert.Equal(0, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.RegionId == 730 || v.RegionId == 456)));
    }

    [Fact]
    public async Task A_database_failure_in_the_second_batch_rolls_back_the_whole_import()
    {
        var before = await _factory.QueryAsync(db => db.IndicatorValues.CountAsync());
        var rows = NewRows(IndicatorImporter.BatchSize + 1500);
        var failing = rows[IndicatorImporter.BatchSize + 700];
#pragma warning disable EF1003 // the values are integers from the test's own rows
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            $"CREATE TRIGGER simulated_failure AFTER INSERT ON IndicatorValues WHEN NEW.IndicatorId = {failing.IndicatorId} AND NEW.Year = {failing.Year} AND NEW.Gender = {(int)failing.Gender} " +
            "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;"));
#pragma warning restore EF1003

        await Assert.ThrowsAnyAsync<Exception>(() => WithImporterAsync(i => i.ImportValuesAsync(rows, 1, null, CancellationToken.None)));

        Assert.Equal(before, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
        Assert.Equal(0, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == failing.IndicatorId && v.Year < 2000 && v.Year == failing.Year)));
    }

    public void Dispose() => _factory.Dispose();
}
