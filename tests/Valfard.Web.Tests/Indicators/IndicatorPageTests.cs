using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Moq.Protected;
using Valfard.Infrastructure.Indicators;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

[Collection(SharedAppCollection.Name)]
public sealed class IndicatorPageTests(ValfardFactory factory)
{
    [Fact]
    public async Task An_indicator_page_shows_the_municipality_county_and_country_with_a_missing_year_as_missing()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "en");

        var html = await browser.GetHtmlAsync("/indicators/90005");

        Assert.Contains("Esimerkkilä", html);
        Assert.Contains("Demo wellbeing services county", html);
        Assert.Contains("Whole country (sample)", html);
        Assert.Contains("<span class=\"visually-hidden\">no data</span>", html);
        Assert.Contains("lower is better", html);
        // The own value is judged against the county and the country, in words, with its interval.
        Assert.Contains("What the numbers say", html);
        Assert.Matches("95% confidence interval [0-9.]+–[0-9.]+", html);
        Assert.Matches("(Better than|Worse than|Similar to) Demo wellbeing services county", html);
        Assert.Matches("(Better than|Worse than|Similar to) Whole country \\(sample\\)", html);
        Assert.Contains("How is this decided?", html);
        // Given by gender, so women are compared with men with their own intervals.
        Assert.Matches("Women and men, 2024:</strong>\\s*women [0-9.]+ \\([0-9.]+–[0-9.]+\\), men [0-9.]+ \\([0-9.]+–[0-9.]+\\)", html);
        Assert.Contains("data-chart=", html);
        Assert.DoesNotContain("{0}", html);
    }

    [Fact]
    public async Task The_table_downloads_as_csv_with_empty_cells_for_missing_values()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "en");

        var response = await browser.Client.GetAsync("/indicators/90005/csv");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("indicator;region;gender;year;value\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("90005;Esimerkkilä;total;2019;\r\n", csv);
        Assert.Contains("90005;Esimerkkilä;total;2024;", csv);
    }

    [Fact]
    public async Task A_system_admin_imports_a_csv_file_from_the_browser_and_sees_the_summary()
    {
        using var browser = await Browser.SignedInAsync(factory, "admin@demo.test", "en");
        var token = await browser.TokenFromAsync("/indicators/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("indicator;region;year;gender;primary value;absolute value\n90040;99001;2010;total;6,5;\n90040;99001;2011;total;6,7;\n"));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        form.Add(file, "file", "extra.csv");

        var started = await browser.Client.PostAsync("/indicators/import/file", form);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = started.Headers.Location!.OriginalString;
        string html;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            html = await browser.GetHtmlAsync(page);
        }
        while (!html.Contains("alert-success", StringComparison.Ordinal) && (waited += 200) < 10_000);

        Assert.Contains("2 added, 0 updated, 0 unchanged.", html);
    }

    [Fact]
    public async Task A_bad_file_stops_with_the_row_and_field_named()
    {
        using var browser = await Browser.SignedInAsync(factory, "admin@demo.test", "en");
        var token = await browser.TokenFromAsync("/indicators/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("""[{"indicator":90001,"region":99001,"year":2020,"gender":"total","value":1},{"indicator":90001,"region":99001,"year":"next","gender":"total","value":1}]""")), "file", "bad.json");

        var started = await browser.Client.PostAsync("/indicators/import/file", form);
        string html;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            html = await browser.GetHtmlAsync(started.Headers.Location!.OriginalString);
        }
        while (!html.Contains("alert-danger", StringComparison.Ordinal) && (waited += 200) < 10_000);

        Assert.Contains("row 2, field \"year\": not a number", html);
    }

    [Fact]
    public async Task The_catalogue_own_indicators_sets_and_imports_link_to_each_other_and_post_to_their_addresses()
    {
        using var browser = await Browser.SignedInAsync(factory, "coordinator@demo.test", "en");

        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test", "en");

        var catalogue = await browser.GetHtmlAsync("/indicators");
        Assert.Contains("href=\"/indicators/sets\"", catalogue);
        Assert.Contains("href=\"/indicators/local\"", catalogue);
        Assert.DoesNotContain("href=\"/indicators/import\"", catalogue);
        Assert.Contains("href=\"/indicators/90005\"", await browser.GetHtmlAsync("/indicators?search=90005"));
        Assert.Contains("action=\"/indicators/90005/tell-admins\"", await browser.GetHtmlAsync("/indicators/90005"));
        Assert.Contains("href=\"/indicators/import\"", await admin.GetHtmlAsync("/indicators"));
        Assert.Contains("action=\"/indicators/90005/direction\"", await admin.GetHtmlAsync("/indicators/90005"));

        var sets = await browser.GetHtmlAsync("/indicators/sets");
        Assert.Contains("class=\"breadcrumb-item\"><a href=\"/indicators\">", sets);
        Assert.Contains("action=\"/indicators/sets\"", sets);
        Assert.Matches("href=\"/indicators/9[0-9]+\"", sets);
        Assert.Contains("class=\"btn btn-sm btn-outline-primary mt-2\" href=\"/indicators\"", sets);
        // With the organisation's sets in place, each catalogue result has its add-to-set form.
        Assert.Matches("action=\"/indicators/9[0-9]+/add-to-set\"", await browser.GetHtmlAsync("/indicators"));
        Assert.Matches("action=\"/indicators/sets/[0-9a-f-]{36}/remove/9[0-9]+\"", sets);

        var locals = await browser.GetHtmlAsync("/indicators/local");
        Assert.Contains("class=\"breadcrumb-item\"><a href=\"/indicators\">", locals);
        Assert.Contains("action=\"/indicators/local\"", locals);
        var own = System.Text.RegularExpressions.Regex.Match(locals, "href=\"(/indicators/local/[0-9a-f-]{36})\"").Groups[1].Value;
        var ownPage = await browser.GetHtmlAsync(own);
        Assert.Contains("class=\"breadcrumb-item\"><a href=\"/indicators\">", ownPage);
        Assert.Contains("class=\"breadcrumb-item\"><a href=\"/indicators/local\">", ownPage);
        Assert.Contains($"action=\"{own}/values\"", ownPage);
        Assert.Matches($"action=\"{own}/values/[0-9]{{4}}/remove\"", ownPage);
        Assert.Contains("data-chart=", ownPage);

        var import = await admin.GetHtmlAsync("/indicators/import");
        Assert.Contains("class=\"breadcrumb-item\"><a href=\"/indicators\">", import);
        Assert.Contains("action=\"/indicators/import/file\"", import);
        Assert.Contains("action=\"/indicators/import/live\"", import);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Browser.TokenIn(import)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("not an export")), "file", "nothing.json");
        var started = await admin.Client.PostAsync("/indicators/import/file", form);
        var progress = started.Headers.Location!.OriginalString;
        Assert.Matches("^/indicators/import/[0-9a-f-]{36}$", progress);
        string progressPage;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            progressPage = await admin.GetHtmlAsync(progress);
        }
        while (!progressPage.Contains("alert-danger", StringComparison.Ordinal) && (waited += 200) < 10_000);
        Assert.Contains($"data-status-url=\"{progress}/status\"", progressPage);
        Assert.Contains("href=\"/indicators/import\"", progressPage);
    }

    [Fact]
    public async Task An_editor_may_read_indicators_but_not_import()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@demo.test", "en");

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/indicators/import")).StatusCode);
    }
}

public sealed class SotkanetClientTests
{
    private static (SotkanetClient Client, Mock<HttpMessageHandler> Handler) Create(params Func<HttpResponseMessage>[] answers)
    {
        var handler = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        var queue = new Queue<Func<HttpResponseMessage>>(answers);
        handler.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() => queue.Dequeue()());
        var options = Options.Create(new SotkanetOptions { BaseUrl = "https://sotkanet.test/rest/1.1/", Retries = 2, TimeoutSeconds = 5 });
        var client = new SotkanetClient(new HttpClient(handler.Object), new MemoryCache(new MemoryCacheOptions()), options, TimeProvider.System,
            NullLogger<SotkanetClient>.Instance);
        return (client, handler);
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Data_is_fetched_with_the_years_and_genders_in_the_query_and_read_in_sotkanets_format()
    {
        var (client, handler) = Create(() => Json("""[{"indicator":127,"region":833,"year":2023,"gender":"total","value":67000}]"""));

        var rows = await client.GetDataAsync(127, [2023, 2022], CancellationToken.None);

        Assert.Equal(67000, Assert.Single(rows).Value);
        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.Is<HttpRequestMessage>(r =>
            r.RequestUri!.ToString() == "https://sotkanet.test/rest/1.1/json?indicator=127&years=2022&years=2023&genders=total&genders=male&genders=female"),
            ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_answer_is_cached()
    {
        var (client, handler) = Create(
            () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            () => Json("""[{"id":833,"title":{"fi":"Vaasa","sv":"Vasa"},"code":"905","category":"KUNTA"}]"""));

        var first = await client.GetRegionsAsync(CancellationToken.None);
        var second = await client.GetRegionsAsync(CancellationToken.None);

        Assert.Equal("Vasa", Assert.Single(first).TitleSv);
        Assert.Equal("Vasa", Assert.Single(second).TitleSv);
        handler.Protected().Verify("SendAsync", Times.Exactly(2), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_is_reported_as_sotkanet_unavailable()
    {
        var (client, _) = Create(
            () => throw new HttpRequestException("connection refused"),
            () => throw new HttpRequestException("connection refused"),
            () => throw new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<SotkanetUnavailableException>(() => client.GetIndicatorsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_not_found_is_not_retried()
    {
        var (client, handler) = Create(() => new HttpResponseMessage(HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<SotkanetUnavailableException>(() => client.GetIndicatorsAsync(CancellationToken.None));
        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }
}

public sealed class SectionIndicatorTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<Valfard.Domain.Reports.ReportSection> SectionAsync(string titleFi) => _factory.DemoSectionAsync(titleFi);

    [Fact]
    public async Task The_demo_report_shows_charts_and_tables_from_the_sample_data()
    {
        var section = await SectionAsync("Lapset ja lapsiperheet");
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");

        var html = await editor.GetHtmlAsync($"/reports/{section.ReportId}/sections/{section.Id}");

        Assert.Contains("Varhaiskasvatukseen osallistuneet 1–6-vuotiaat", html);
        Assert.Contains("Lastensuojelun avohuollon asiakkaat", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<canvas id=\"indicator-chart-"));
        Assert.Contains("Demokunta", html);
    }

    [Fact]
    public async Task An_editor_adds_any_catalogue_indicator_to_a_section_but_not_an_unknown_id()
    {
        var section = await SectionAsync("Työikäiset");
        using var editor = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";

        var added = await editor.PostFormAsync(url, $"{url}/indicators", ("indicatorId", "90007"));
        var outsideSets = await editor.PostFormAsync(url, $"{url}/indicators", ("indicatorId", "90031"));
        var refused = await editor.PostFormAsync(url, $"{url}/indicators", ("indicatorId", "987654"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, outsideSets.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var html = await editor.GetHtmlAsync(url);
        Assert.Contains("Long-term unemployed, % of labour force", html);
        Assert.Contains("The indicator is not in the catalogue.", html);
        var ids = await _factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.SectionIndicators).Where(s => s.SectionId == section.Id)
                .OrderBy(s => s.Position).Select(s => s.IndicatorId)));
        Assert.Equal([90007, 90031], ids);
    }

    public void Dispose() => _factory.Dispose();
}

[Collection(SharedAppCollection.Name)]
public sealed class CountyIndicatorTests(ValfardFactory factory)
{
    [Fact]
    public async Task A_county_sees_an_indicator_across_its_member_municipalities()
    {
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Valfard.Infrastructure.Persistence.ValfardDbContext>>();
        await using var db = new Valfard.Infrastructure.Persistence.ValfardDbContext(options, new County());
        var statistics = Microsoft.Extensions.Options.Options.Create(new StatisticsOptions());
        var service = new IndicatorService(db, new County(), statistics, new AgeGroupService(db, new County(), statistics));

        var page = await service.PageAsync(90005, "fi", [], CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(["own", "member", "member", "country"], page.Series.Where(s => s.Gender == Valfard.Domain.Indicators.Gender.Total).Select(s => s.RegionKind));
        Assert.Contains(page.Series, s => s.Region == "Demokunta");
        Assert.Contains(page.Series, s => s.Region == "Esimerkkilä");
        Assert.Equal("Demoalueen hyvinvointialue", page.TrendRegion);
    }

    private sealed class County : Valfard.Infrastructure.Tenancy.ICurrentOrganisation
    {
        public Guid? OrganisationId => DemoSeeder.CountyId;
    }
}

[Collection(SharedAppCollection.Name)]
public sealed class IndicatorExcelTests(ValfardFactory factory)
{
    [Fact]
    public async Task The_table_downloads_as_an_excel_workbook_with_numbers_and_empty_missing_cells()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");

        var response = await browser.Client.GetAsync("/indicators/90005/xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Alue", sheet.Cell(4, 1).GetString());
        Assert.Equal(2015, sheet.Cell(4, 2).GetValue<int>());
        Assert.Equal("Esimerkkilä", sheet.Cell(5, 1).GetString());
        Assert.True(sheet.Cell(5, 2).DataType == ClosedXML.Excel.XLDataType.Number);
        Assert.True(sheet.Cell(5, 6).IsEmpty(), "2019 has no data for Esimerkkilä and must stay empty, not 0");
    }

    [Fact]
    public async Task A_system_admin_sets_whether_higher_is_better_and_the_trend_follows()
    {
        using var browser = await Browser.SignedInAsync(factory, "admin@demo.test", "en");

        await browser.PostFormAsync("/indicators/90019", "/indicators/90019/direction", ("direction", "HigherIsBetter"));
        var html = await browser.GetHtmlAsync("/indicators/90019");

        Assert.Contains("higher is better", html);
        // A ratio has no interval, so the page says why it is neither compared nor given a trend instead of guessing.
        Assert.Contains("What the numbers say", html);
        Assert.Contains("Not compared with Demo wellbeing services county", html);
        await browser.PostFormAsync("/indicators/90019", "/indicators/90019/direction", ("direction", "Neutral"));
    }
}
