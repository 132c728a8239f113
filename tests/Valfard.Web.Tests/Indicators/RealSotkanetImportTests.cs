using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// The real Sotkanet files imported, in order, through the upload's own path (<see cref="IndicatorFileImport"/>) into
/// one app, then read back from the database and from the indicator pages.
/// </summary>
public sealed class RealSotkanetImportTests : IClassFixture<RealSotkanetImportTests.ImportedApp>
{
    private readonly ImportedApp _app;

    public RealSotkanetImportTests(ImportedApp app) => _app = app;

    /// <summary>One app for the class: importing the real files once is enough for all of its checks.</summary>
    public sealed class ImportedApp : IAsyncLifetime, IDisposable
    {
        public ValfardFactory Factory { get; } = new();
        public Dictionary<string, ImportSummary> Summaries { get; } = [];
        public Indicator? MetadataBeforeListAgain { get; private set; }

        public async Task InitializeAsync()
        {
            if (RealSotkanetFiles.Folder is null)
            {
                return;
            }
            foreach (var name in new[] { "indicators.json", "regions.json", "regions-hyvinvointialue.json", "indicator-4.json",
                         "data-127-2009.csv", "data-rows.json", "data-hyvinvointialue.json" })
            {
                Summaries[name] = await ImportAsync(RealSotkanetFiles.Bytes(name), name);
            }
            MetadataBeforeListAgain = await Factory.QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == 4));
            Summaries["indicators.json again"] = await ImportAsync(RealSotkanetFiles.Bytes("indicators.json"), "indicators.json");
        }

        public async Task<ImportSummary> ImportAsync(byte[] content, string name)
        {
            using var scope = Factory.Services.CreateScope();
            return await IndicatorFileImport.ImportAsync(scope.ServiceProvider.GetRequiredService<IndicatorImporter>(), content, name,
                _ => { }, null, CancellationToken.None);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Factory.Dispose();
    }

    [RealSotkanetFact]
    public void Every_file_imports_with_the_rows_it_holds()
    {
        Assert.Equal(new ImportSummary(2434, 0, 0), _app.Summaries["indicators.json"]);
        Assert.Equal(new ImportSummary(511, 0, 0), _app.Summaries["regions.json"]);
        Assert.Equal(new ImportSummary(23, 0, 0), _app.Summaries["regions-hyvinvointialue.json"]);
        Assert.Equal(new ImportSummary(0, 1, 0), _app.Summaries["indicator-4.json"]);
        Assert.Equal(new ImportSummary(29, 0, 0), _app.Summaries["data-rows.json"]);
        Assert.Equal(new ImportSummary(7, 0, 0), _app.Summaries["data-hyvinvointialue.json"]);
    }

    [RealSotkanetFact]
    public async Task Csv_rows_for_regions_the_list_lacks_are_skipped_and_reported_and_the_rest_imports()
    {
        var summary = _app.Summaries["data-127-2009.csv"];

        Assert.Equal((463, 3), (summary.Added, summary.Skipped));
        Assert.Equal([455, 456, 730], summary.UnknownRegions);
        var stored = await _app.Factory.QueryAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == 127 && v.Year == 2009).CountAsync());
        Assert.Equal(463, stored);
    }

    [RealSotkanetFact]
    public async Task The_values_are_stored_as_sotkanet_gave_them()
    {
        var values = await _app.Factory.QueryAsync(db => db.IndicatorValues.AsNoTracking()
            .Where(v => (v.IndicatorId == 127 && v.RegionId == 52) || (v.IndicatorId == 3090 && v.RegionId == 242)).ToListAsync());

        Assert.Contains(new IndicatorValue(127, 52, 2023, Gender.Total, 9646, null), values);
        Assert.Contains(new IndicatorValue(127, 52, 2009, Gender.Total, 10700, null), values);
        Assert.Contains(new IndicatorValue(3090, 242, 2000, Gender.Total, 0.3, 5), values);
    }

    [RealSotkanetFact]
    public async Task Importing_the_list_after_the_metadata_keeps_the_metadata()
    {
        var indicator = await _app.Factory.QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == 4));
        var before = _app.MetadataBeforeListAgain!;

        Assert.Equal(new ImportSummary(0, 0, 2434), _app.Summaries["indicators.json again"]);
        Assert.True(indicator.HasFullMetadata);
        Assert.Equal((1, "PER1000", new DateOnly(2016, 11, 2), 1996, 2015),
            (indicator.Decimals, indicator.UnitCode, indicator.DataUpdated, indicator.RangeStart, indicator.RangeEnd));
        Assert.Equal(before.Description, indicator.Description);
        Assert.Equal(before.Legislation, indicator.Legislation);
        Assert.Equal(2, indicator.Sources.Count);
        Assert.Equal([200, 303, 730, 149, 103], indicator.Groups);
        Assert.Equal("0 - 17-vuotiaat", indicator.Age.Title.Fi);
    }

    [RealSotkanetFact]
    public async Task Sotkanets_html_is_kept_to_the_allow_list_when_imported()
    {
        var indicator = await _app.Factory.QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == 4));
        var texts = new[] { indicator.Description, indicator.Interpretation, indicator.Limits, indicator.Legislation, indicator.Notices }
            .Concat(indicator.Sources.Select(s => s.Description)).SelectMany(t => new[] { t.Fi, t.Sv, t.En }).ToList();

        Assert.Contains(texts, t => t.Contains("<p>", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("id=", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("<p>Väestösuhteutus on tehty", StringComparison.Ordinal));
        Assert.Equal(string.Empty, indicator.Notices.Fi);
    }

    [RealSotkanetFact]
    public async Task Two_regions_with_one_code_stay_apart_and_a_page_can_show_both()
    {
        var regions = await _app.Factory.QueryAsync(db => db.Regions.AsNoTracking().Where(r => r.Code == "246").OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(1022, "EUROOPPA"), (1045, "POHJOISMAAT")], regions.Select(r => (r.Id, r.Category)));

        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "en");
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync("/indicators/10012?region=1022&region=1045"));

        Assert.Contains("<th scope=\"row\">Finland (EUROOPPA 246)</th>", html);
        Assert.Contains("<th scope=\"row\">Finland (POHJOISMAAT 246)</th>", html);
        Assert.Contains("<option value=\"1022\" selected=\"selected\">Finland (EUROOPPA 246)</option>", html);
        Assert.Contains("href=\"/indicators/10012/csv?region=1022&region=1045\"", html);
        var csv = await browser.Client.GetStringAsync("/indicators/10012/csv?region=1022&region=1045");
        Assert.Contains("10012;Finland (EUROOPPA 246);total;2010;116\n", csv);
        Assert.Contains("10012;Finland (POHJOISMAAT 246);total;2005;114\n", csv);
    }

    [RealSotkanetFact]
    public async Task A_region_of_any_category_can_be_shown_on_a_page()
    {
        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "fi");

        var counties = await browser.GetHtmlAsync("/indicators/5?region=966&region=963");
        var regions = await browser.GetHtmlAsync("/indicators/3090?region=488&region=838&region=611&region=242");

        Assert.Contains("HYVINVOINTIALUE", counties);
        Assert.Contains("5,8", counties);
        Assert.Contains("MAAKUNTA 01", regions);
        Assert.Contains("ALUEHALLINTOVIRASTO 6", regions);
        Assert.Contains("SAIRAANHOITOPIIRI 13", regions);
        Assert.Contains("Naantali (KUNTA 529)", regions);
    }

    [RealSotkanetFact]
    public async Task Genders_come_from_the_values_even_when_the_classification_is_empty()
    {
        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "en");

        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync("/indicators/10013?region=1022"));

        Assert.Contains("<th scope=\"row\">Finland (EUROOPPA 246)</th>", html);
        Assert.Contains("<th scope=\"row\">Finland (EUROOPPA 246), women</th>", html);
        Assert.Contains("<th scope=\"row\">Finland (EUROOPPA 246), men</th>", html);
    }

    [RealSotkanetFact]
    public async Task A_female_only_indicator_shows_its_female_values_only()
    {
        // Indicator 232 (induced abortions under 25) is classified female only in the real list; the row is made up.
        await _app.ImportAsync(Encoding.UTF8.GetBytes("""[{"indicator":232,"region":1022,"year":2014,"gender":"female","value":7.5}]"""), "232.json");
        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "en");

        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync("/indicators/232?region=1022"));

        Assert.Contains("<th scope=\"row\">Finland (EUROOPPA 246), women</th>", html);
        Assert.DoesNotContain("<th scope=\"row\">Finland (EUROOPPA 246)</th>", html);
        Assert.DoesNotContain(", men</th>", html);
        Assert.Contains("7.5", html);
    }

    [RealSotkanetFact]
    public async Task A_value_of_unknown_precision_is_shown_as_given_not_rounded_to_a_whole_number()
    {
        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "en");

        var html = await browser.GetHtmlAsync("/indicators/3090?region=242");

        Assert.Matches("<td class=\"text-end\">0.3</td>", html);
        Assert.Contains("\"decimals\":null", WebUtility.HtmlDecode(html));
        Assert.Contains("indicator-list-only", html);
    }

    [RealSotkanetFact]
    public async Task The_indicator_page_shows_the_metadata_in_the_pages_language()
    {
        using var browser = await Browser.SignedInAsync(_app.Factory, "editor@esimerkkila.test", "sv");

        var html = await browser.GetHtmlAsync("/indicators/4");

        Assert.Contains("Per tusen invånare", html);
        Assert.Contains("Primär vård (THL)", html);
        Assert.Contains("<p>", html);
        Assert.Contains("PER1000", html);
        Assert.Contains("0-17 år", html);
        Assert.DoesNotContain("&lt;p", html);
        Assert.DoesNotContain("indicator-fallback", html);
        Assert.DoesNotContain("indicator-list-only", html);
    }
}

/// <summary>Sotkanet's HTML is cleaned when imported and then rendered as HTML, never as escaped tags.</summary>
public sealed class IndicatorHtmlTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task A_script_is_removed_paragraphs_kept_and_a_text_in_another_language_says_so()
    {
        var metadata = """
            {"id":90001,"title":{"fi":"Väestö 31.12.","sv":"Befolkning 31.12.","en":"Population 31 Dec"},
             "description":{"fi":"<p id=suhteutus>Kuvaus <b>tärkeä</b></p><script>alert('x')</script><br />Toinen rivi","sv":"","en":""},
             "interpretation":{"fi":"Tulkinta","sv":"Tolkning","en":"<p>Read it <a href=\"javascript:alert(1)\">so</a></p>"},
             "decimals":3,"primaryValueType":{"code":"LKM","title":{"fi":"lukumäärä","sv":"antal","en":"number"}}}
            """;
        using (var scope = _factory.Services.CreateScope())
        {
            var summary = await IndicatorFileImport.ImportAsync(scope.ServiceProvider.GetRequiredService<IndicatorImporter>(),
                Encoding.UTF8.GetBytes(metadata), "indicator-90001.json", _ => { }, null, CancellationToken.None);
            Assert.Equal(new ImportSummary(0, 1, 0), summary);
        }
        using var browser = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");

        var html = await browser.GetHtmlAsync("/indicators/90001");

        Assert.Contains("<p>Kuvaus <b>tärkeä</b></p>", html);
        Assert.Contains("<br>Toinen rivi", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("suhteutus", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("&lt;p&gt;", html);
        Assert.Contains("<p>Read it <a", html);
        Assert.Contains("This text is not available in this language; it is shown in Finnish.", html);
        Assert.Contains("lang=\"fi\"><p>Kuvaus", html);
        Assert.Contains("number (LKM)", html);
        Assert.Contains("\"decimals\":3", WebUtility.HtmlDecode(html));
    }

    public void Dispose() => _factory.Dispose();
}
