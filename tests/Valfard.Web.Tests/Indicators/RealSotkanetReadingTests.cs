using System.Globalization;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Web.Features.Indicators;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// Every real Sotkanet file is read by the code an upload and the live client use (<see cref="IndicatorFile.Read"/>
/// hands JSON to <see cref="SotkanetJsonReader"/> and CSV to <see cref="SotkanetCsvReader"/>), with the figures the
/// files hold.
/// </summary>
public sealed class RealSotkanetReadingTests
{
    private static IndicatorFile Read(string name) => IndicatorFile.Read(RealSotkanetFiles.Bytes(name), name);

    [RealSotkanetFact]
    public void The_indicator_list_has_2434_entries_with_titles_organisations_and_sex_classifications_only()
    {
        var file = Read("indicators.json");

        Assert.Equal((SotkanetFileKind.Indicators, 2434), (file.Kind, file.Count));
        Assert.All(file.Indicators, i => Assert.False(i.HasFullMetadata));
        Assert.All(file.Indicators, i => Assert.True(i.Description.IsEmpty && i.Decimals is null && i.Unit.IsEmpty));
        var bySex = file.Indicators.GroupBy(i => string.Join(",", i.Sex.Values)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(553, bySex[""]);
        Assert.Equal(523, bySex["total"]);
        Assert.Equal(6, bySex["female"]);
        Assert.Equal(2, bySex["male"]);
        Assert.Equal(1350, bySex["male,female,total"]);
        var population = file.Indicators.Single(i => i.Id == 127);
        Assert.Equal(new LocalizedText("Väestö 31.12.", "Befolkning 31.12", "Population at year end"), population.Title);
        Assert.Equal((3, "Tilastokeskus", "Statistics Finland"), (population.SourceOrganisationId, population.SourceOrganisation.Fi, population.SourceOrganisation.En));
    }

    [RealSotkanetFact]
    public void The_region_list_has_511_regions_kept_apart_by_id_with_codes_as_zero_padded_strings()
    {
        var file = Read("regions.json");

        Assert.Equal((SotkanetFileKind.Regions, 511), (file.Kind, file.Count));
        var categories = file.Regions.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["KUNTA"] = 320,
            ["SEUTUKUNTA"] = 70,
            ["EUROOPPA"] = 37,
            ["SAIRAANHOITOPIIRI"] = 21,
            ["MAAKUNTA"] = 19,
            ["ELY-KESKUS"] = 16,
            ["ALUEHALLINTOVIRASTO"] = 7,
            ["POHJOISMAAT"] = 7,
            ["ERVA"] = 5,
            ["SUURALUE"] = 5,
            ["NUTS1"] = 2,
            ["EURALUEET"] = 1,
            ["MAA"] = 1,
        }, categories);
        var finlandInEurope = file.Regions.Single(r => r.Id == 1022);
        var finlandInNordics = file.Regions.Single(r => r.Id == 1045);
        Assert.Equal(("Suomi", "246", "EUROOPPA"), (finlandInEurope.TitleFi, finlandInEurope.Code, finlandInEurope.Category));
        Assert.Equal(("Suomi", "246", "POHJOISMAAT"), (finlandInNordics.TitleFi, finlandInNordics.Code, finlandInNordics.Category));
        Assert.Equal(("Koko maa", "358", "MAA"), file.Regions.Where(r => r.Id == 658).Select(r => (r.TitleFi, r.Code, r.Category)).Single());
        Assert.Contains(file.Regions, r => r.Category == "KUNTA" && r.Code == "005");
        Assert.Contains(file.Regions, r => r.Category == "MAAKUNTA" && r.Code == "01");
        Assert.Equal(("Huittinen", "102"), file.Regions.Where(r => r.Id == 52).Select(r => (r.TitleFi, r.Code)).Single());
    }

    [RealSotkanetFact]
    public void The_wellbeing_services_counties_are_23_with_two_digit_codes()
    {
        var file = Read("regions-hyvinvointialue.json");

        Assert.Equal(23, file.Count);
        Assert.All(file.Regions, r => Assert.Equal(("HYVINVOINTIALUE", 2), (r.Category, r.Code.Length)));
        Assert.Equal(Enumerable.Range(956, 23), file.Regions.Select(r => r.Id).Order());
        Assert.Contains(file.Regions, r => r.Code == "02");
        Assert.Equal("Etelä-Karjalan hyvinvointialue", file.Regions.Single(r => r.Id == 957).TitleFi);
    }

    [RealSotkanetFact]
    public void The_csv_export_is_read_with_its_crlf_lines_and_an_empty_last_cell_as_no_absolute_value()
    {
        var text = System.Text.Encoding.UTF8.GetString(RealSotkanetFiles.Bytes("data-127-2009.csv"));
        Assert.StartsWith("indicator;region;year;gender;primary value;absolute value\r\n", text, StringComparison.Ordinal);

        var file = Read("data-127-2009.csv");

        Assert.Equal((SotkanetFileKind.Data, 2, 466), (file.Kind, file.FirstRow, file.Count));
        Assert.Contains(new IndicatorValue(127, 69, 2009, Gender.Total, 2406, null), file.Values);
        Assert.Contains(new IndicatorValue(127, 658, 2009, Gender.Total, 5351427, null), file.Values);
        Assert.Contains(new IndicatorValue(127, 52, 2009, Gender.Total, 10700, null), file.Values);
        Assert.Equal([455, 456, 730], file.Values.Where(v => v.RegionId is 730 or 456 or 455 && v.Value == 0).Select(v => v.RegionId).Order());
    }

    [RealSotkanetFact]
    public void One_indicators_metadata_is_a_single_object_read_in_full_with_its_html()
    {
        var file = Read("indicator-4.json");

        var indicator = Assert.Single(file.Indicators);
        Assert.Equal(SotkanetFileKind.Indicators, file.Kind);
        Assert.True(indicator.HasFullMetadata);
        Assert.Equal((4, 1, "PER1000", "Tuhatta asukasta kohden", "Per 1 000 inhabitants", "Per tusen invånare"),
            (indicator.Id, indicator.Decimals, indicator.UnitCode, indicator.Unit.Fi, indicator.Unit.En, indicator.Unit.Sv));
        Assert.Equal((new DateOnly(2016, 11, 2), 1996, 2015), (indicator.DataUpdated, indicator.RangeStart, indicator.RangeEnd));
        Assert.Equal((2, "Institute for Health and Welfare (THL)"), (indicator.SourceOrganisationId, indicator.SourceOrganisation.En));
        Assert.StartsWith("Indikaattori ilmaisee vuoden aikana päädiagnoosilla mielenterveyden häiriöt", indicator.Description.Fi, StringComparison.Ordinal);
        Assert.All(new[] { indicator.Description, indicator.Interpretation, indicator.Limits, indicator.Legislation },
            text => Assert.True(text.Fi.Length > 0 && text.Sv.Length > 0 && text.En.Length > 0));
        Assert.Equal(" ", indicator.Notices.Fi);
        var texts = new[] { indicator.Description, indicator.Interpretation, indicator.Limits, indicator.Legislation }
            .Concat(indicator.Sources.Select(s => s.Description)).SelectMany(t => new[] { t.Fi, t.Sv, t.En });
        Assert.Contains(texts, t => t.Contains("<p id=suhteutus>", StringComparison.Ordinal));
        Assert.Equal(["Perusterveydenhuoltotilasto (THL)", "Erikoissairaanhoitotilasto (THL)"], indicator.Sources.Select(s => s.Title.Fi));
        Assert.Equal("Terveyden ja hyvinvoinnin laitos (THL)", indicator.Sources[0].Organisation.Fi);
        Assert.Equal(4, indicator.Subjects.Count);
        Assert.Equal("psykiatrian laitoshoito", indicator.Subjects[0].Fi);
        Assert.Equal([200, 303, 730, 149, 103], indicator.Groups);
        Assert.Equal(("0 - 17-vuotiaat", 0), (indicator.Age.Title.Fi, indicator.Age.Values.Count));
        Assert.Equal(("män, kvinnor, totalt", 3), (indicator.Sex.Title.Sv, indicator.Sex.Values.Count));
    }

    [RealSotkanetFact]
    public void Json_data_rows_are_read_with_an_absent_absolute_value_as_none()
    {
        var rows = Read("data-rows.json");
        var counties = Read("data-hyvinvointialue.json");

        Assert.Equal((SotkanetFileKind.Data, 29), (rows.Kind, rows.Count));
        Assert.Contains(new IndicatorValue(127, 52, 2023, Gender.Total, 9646, null), rows.Values);
        Assert.Contains(new IndicatorValue(3090, 242, 2000, Gender.Total, 0.3, 5), rows.Values);
        Assert.Contains(new IndicatorValue(10012, 1045, 2005, Gender.Total, 114, null), rows.Values);
        Assert.Equal([Gender.Total, Gender.Male, Gender.Female], rows.Values.Where(v => v.IndicatorId == 10013).Select(v => v.Gender).Distinct().Order());
        Assert.Equal(7, counties.Count);
        Assert.Contains(new IndicatorValue(5, 966, 2003, Gender.Total, 5.8, 5636), counties.Values);
    }
}

/// <summary>Decimals are the indicator's own, 0–6; otherwise unknown, and a value is shown as given.</summary>
public sealed class IndicatorDecimalsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(6, 6)]
    [InlineData(7, null)]
    [InlineData(-1, null)]
    [InlineData(null, null)]
    public void Only_zero_to_six_decimals_are_accepted(int? given, int? kept)
    {
        Assert.Equal(kept, new Indicator(1) { Decimals = given }.Decimals);
    }

    [Theory]
    [InlineData("""{"id":1,"title":{"fi":"A"},"decimals":9}""", null)]
    [InlineData("""{"id":1,"title":{"fi":"A"},"decimals":"2"}""", null)]
    [InlineData("""{"id":1,"title":{"fi":"A"},"decimals":2}""", 2)]
    public void The_reader_keeps_decimals_only_when_sotkanet_gives_zero_to_six(string json, int? expected)
    {
        var file = IndicatorFile.Read(System.Text.Encoding.UTF8.GetBytes(json), "indicator.json");

        Assert.Equal(expected, Assert.Single(file.Indicators).Decimals);
    }

    [Theory]
    [InlineData(0.3, null, "0.3")]
    [InlineData(0.0, null, "0")]
    [InlineData(9646.0, null, "9,646")]
    [InlineData(17.15, null, "17.15")]
    [InlineData(0.000001, null, "0.000001")]
    [InlineData(0.3, 0, "0")]
    [InlineData(0.26, 1, "0.3")]
    [InlineData(2.0, 2, "2.00")]
    [InlineData(1234.5678, 6, "1,234.567800")]
    public void A_value_is_shown_with_the_indicators_decimals_or_as_given(double value, int? decimals, string expected)
    {
        Assert.Equal(expected, IndicatorNumber.Format(value, decimals, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Finnish_formatting_keeps_the_decimals_of_an_unknown_precision_value()
    {
        Assert.Equal("0,3", IndicatorNumber.Format(0.3, null, CultureInfo.GetCultureInfo("fi-FI")));
    }
}
