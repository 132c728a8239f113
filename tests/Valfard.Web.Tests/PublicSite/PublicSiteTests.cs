using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Reports;
using Valfard.Web.Features.PublicSite;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.PublicSite;

/// <summary>The public site as an anonymous resident sees it: only published versions, at stable addresses.</summary>
public sealed class PublicSiteTests : IDisposable
{
    private const string Published = "/demo/hyvinvointikertomus-2021-2025";
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static IEnumerable<string> PublicPages()
    {
        foreach (var lang in new[] { "fi", "sv", "en" })
        {
            yield return $"/{lang}";
            yield return $"/{lang}?q=demo";
            yield return $"/{lang}/demo";
            yield return $"/{lang}{Published}";
            yield return $"/{lang}/accessibility";
            yield return $"/{lang}/accessibility/feedback";
            yield return $"/{lang}{Published}/feedback";
        }
    }

    [Fact]
    public async Task Every_chart_is_labelled_with_its_indicator_and_no_page_shows_an_unfilled_placeholder()
    {
        using var resident = Browser.Open(_factory, "fi");
        foreach (var url in PublicPages())
        {
            var html = System.Net.WebUtility.HtmlDecode(await resident.GetHtmlAsync(url));
            Assert.DoesNotContain("{0}", html, StringComparison.Ordinal);
        }
        var report = System.Net.WebUtility.HtmlDecode(await resident.GetHtmlAsync($"/fi{Published}"));
        var labels = System.Text.RegularExpressions.Regex.Matches(report, "<svg[^>]*aria-label=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Matches("^Viivakaavio: .+; samat luvut ovat alla olevassa taulukossa\\.$", label));
    }

    [Fact]
    public async Task Every_public_page_answers_anonymously_and_the_front_page_lists_only_organisations_with_published_reports()
    {
        using var resident = Browser.Open(_factory);
        foreach (var url in PublicPages())
        {
            var response = await resident.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var fi = await resident.GetHtmlAsync("/fi");
        Assert.Contains("<html lang=\"fi\">", fi);
        Assert.Contains("href=\"/fi/demo\"", fi);
        Assert.DoesNotContain("/fi/esimerkkila", fi);
        var sv = await resident.GetHtmlAsync("/sv?q=Demokunta");
        Assert.Contains("<html lang=\"sv\">", sv);
        Assert.Contains("href=\"/sv/demo\"", sv);
        var none = await resident.GetHtmlAsync("/en?q=Esimerkkil%C3%A4");
        Assert.DoesNotContain("href=\"/en/esimerkkila\"", none);
        var organisation = await resident.GetHtmlAsync("/sv/demo");
        // Swedish pages link the Swedish address (language review #50); the Finnish one keeps answering in Swedish.
        Assert.Contains("href=\"/sv/demo/valfardsberattelse-2021-2025\"", organisation);
        Assert.DoesNotContain($"href=\"/sv{Published}\"", organisation);
        foreach (var url in new[] { "/sv/demo/valfardsberattelse-2021-2025", $"/sv{Published}" })
        {
            var page = await resident.GetHtmlAsync(url);
            Assert.Contains("<html lang=\"sv\">", page);
            Assert.Contains(DemoArchiveSeeder.TitleSv, page);
        }
        Assert.Contains(DemoArchiveSeeder.TitleSv, organisation);
        Assert.DoesNotContain("2025-2029", organisation);
    }

    [Theory]
    [InlineData("/de/demo")]
    [InlineData("/fi/unknown")]
    [InlineData("/fi/esimerkkila")]
    [InlineData("/fi/demo/unknown-report")]
    [InlineData("/fi/demo/hyvinvointikertomus-2025-2029")]
    [InlineData("/fi/demo/hyvinvointikertomus-2025-2029/pdf")]
    [InlineData("/sv/esimerkkila/hyvinvointikertomus-2021-2025")]
    public async Task Unknown_or_unpublished_addresses_answer_not_found(string url)
    {
        using var resident = Browser.Open(_factory);
        var response = await resident.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_drafts_text_never_appears_on_a_public_page()
    {
        const string marker = "Luonnosteksti-9f3c ei saa näkyä";
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var section = await _factory.DemoSectionAsync("Nuoret");
        var token = await coordinator.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/fi")
        {
            Content = Browser.Form(null, ("html", $"<p>{marker}</p>"), ("version", section.Texts.Single(t => t.Language == "fi").Version.ToString())),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.True((await coordinator.Client.SendAsync(request)).IsSuccessStatusCode);
        Assert.Contains(marker, await coordinator.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi"));

        using var resident = Browser.Open(_factory);
        foreach (var url in PublicPages())
        {
            var html = await resident.GetHtmlAsync(url);
            Assert.DoesNotContain(marker, html);
            Assert.DoesNotContain(TestData.DemoReportTitle, html);
            Assert.DoesNotContain("@demo.test", html);
            Assert.DoesNotContain("comment", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_pdf_is_the_archived_document_byte_for_byte_with_its_sha256_as_etag(string language)
    {
        var archived = await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(d => d.OrganisationId == DemoSeeder.DemokommunId && d.Language == language));
        using var resident = Browser.Open(_factory);

        var response = await resident.Client.GetAsync($"/{language}{Published}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ArchivedDocument.PdfContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(archived.Content, bytes);
        Assert.Equal(archived.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{archived.Sha256}\"", response.Headers.ETag?.Tag);
        var page = await resident.GetHtmlAsync($"/{language}{Published}");
        Assert.Contains(archived.Sha256, page);
        Assert.Contains($"href=\"/{language}{Published}/pdf\"", page);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/{language}{Published}/pdf");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await resident.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Each_language_shows_its_own_text_and_english_falls_back_to_finnish_marked_with_lang()
    {
        using var resident = Browser.Open(_factory);

        var sv = await resident.GetHtmlAsync($"/sv{Published}");
        Assert.Contains("<html lang=\"sv\">", sv);
        Assert.Contains(DemoArchiveSeeder.TitleSv, sv);
        Assert.Contains("Det är vanligare än i landet i genomsnitt att unga står utanför utbildning", sv);
        Assert.Contains("class=\"reading-document public-document\" lang=\"sv\"", sv);

        var fi = await resident.GetHtmlAsync($"/fi{Published}");
        Assert.Contains("Nuorten koulutuksen ulkopuolelle jääminen", fi);
        Assert.Contains("§ 45", fi);

        var en = await resident.GetHtmlAsync($"/en{Published}");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains($"<h1 lang=\"fi\">{DemoArchiveSeeder.TitleFi}</h1>", en);
        Assert.Contains("class=\"reading-document public-document\" lang=\"fi\"", en);
        Assert.Contains("Nuorten koulutuksen ulkopuolelle jääminen", en);
        Assert.Contains("role=\"note\"", en);
    }

    [Fact]
    public async Task The_welcome_page_links_to_the_public_site_and_the_layout_links_every_language_of_the_same_page()
    {
        using var resident = Browser.Open(_factory, "sv");
        var welcome = await resident.GetHtmlAsync("/");
        Assert.Contains("href=\"/sv\"", welcome);
        var page = await resident.GetHtmlAsync($"/sv{Published}");
        Assert.Contains($"href=\"/fi{Published}\"", page);
        Assert.Contains($"href=\"/en{Published}\"", page);
        Assert.Contains("class=\"skip-link\" href=\"#main\"", page);
        Assert.Contains("<main id=\"main\"", page);
        Assert.Contains("href=\"/css/public-print.css", page);
    }

    [Fact]
    public async Task Open_data_gives_the_published_indicator_values_as_csv_and_json()
    {
        using var resident = Browser.Open(_factory);

        var csv = await resident.Client.GetAsync($"/fi{Published}/indicators.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var rows = Security.SpreadsheetFormulaTests.Rows(bytes, ',');
        Assert.Equal(["section", "indicator_id", "indicator", "unit", "source", "region", "region_kind", "gender", "year", "value"], rows[0]);
        Assert.True(rows.Count > 5);
        Assert.Contains(rows, r => r[5] == "Demokunta" && r[6] == "own" && r[7] is "total" or "female" or "male");
        Assert.Contains(rows, r => r[9].Contains('.', StringComparison.Ordinal));

        var json = await resident.Client.GetAsync($"/sv{Published}/data.json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using var data = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(DemoArchiveSeeder.TitleSv, data.RootElement.GetProperty("report").GetString());
        Assert.Equal("45", data.RootElement.GetProperty("decision").GetProperty("paragraph").GetString());
        Assert.True(data.RootElement.GetProperty("indicators").GetArrayLength() > 5);

        var plan = await resident.Client.GetAsync($"/fi{Published}/plan.csv");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Client.GetAsync("/fi/demo/hyvinvointikertomus-2025-2029/data.json")).StatusCode);
    }

    [Theory]
    [InlineData("fi", "Indikaattori", "Sukupuoli", "oma alue", "yhteensä", "Tila tai arvio")]
    [InlineData("sv", "Indikator", "Kön", "eget område", "totalt", "Status eller bedömning")]
    public async Task Open_data_for_people_opens_as_a_table_in_finnish_and_swedish_excel(string lang, string indicatorColumn,
        string genderColumn, string ownArea, string total, string statusColumn)
    {
        using var resident = Browser.Open(_factory);

        var response = await resident.Client.GetAsync($"/{lang}{Published}/indicators-excel.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Security.SpreadsheetFormulaTests.Rows(bytes, ';');
        Assert.Contains(indicatorColumn, rows[0]);
        Assert.Contains(genderColumn, rows[0]);
        var values = rows.Skip(1).ToList();
        Assert.Contains(values, r => r[6] == ownArea && r[7] == total);
        // A decimal comma, never a point; and no code such as "own" or "total" left untranslated.
        Assert.Contains(values, r => r[9].Contains(',', StringComparison.Ordinal));
        Assert.DoesNotContain(values, r => r[9].Contains('.', StringComparison.Ordinal));
        Assert.DoesNotContain(values, r => r[6] is "own" or "county" or "country" || r[7] is "total" or "female" or "male");

        var comparisons = Security.SpreadsheetFormulaTests.Rows(await resident.Client.GetByteArrayAsync($"/{lang}{Published}/comparisons-excel.csv"), ';');
        Assert.Equal(OpenData.ComparisonSheetColumns.Count, comparisons[0].Count);
        Assert.DoesNotContain(comparisons.SelectMany(r => r), c => c.StartsWith("OpenData.", StringComparison.Ordinal)
            || c.StartsWith("Statistics.", StringComparison.Ordinal) || c.StartsWith("Overview.", StringComparison.Ordinal));

        // The published 2021–2025 report has no plan of its own (the plan belongs to 2025–2029): a header in words only.
        var plan = Security.SpreadsheetFormulaTests.Rows(await resident.Client.GetByteArrayAsync($"/{lang}{Published}/plan-excel.csv"), ';');
        Assert.Contains(statusColumn, plan[0]);

        var page = await resident.GetHtmlAsync($"/{lang}{Published}");
        Assert.Contains("indicators-excel.csv", page);
        Assert.Contains("/indicators.csv", page);
    }

    [Fact]
    public async Task Public_pages_are_served_from_the_output_cache_until_something_is_published()
    {
        using var resident = Browser.Open(_factory);
        var first = await resident.GetHtmlAsync($"/fi{Published}");
        var second = await resident.Client.GetAsync($"/fi{Published}");
        Assert.True(second.Headers.Age is not null, "the second answer should come from the output cache (Age header)");
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("__RequestVerificationToken", first);

        using var scope = _factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        await store.EvictByTagAsync(PublicCache.Tag, default);
        var third = await resident.Client.GetAsync($"/fi{Published}");
        Assert.Null(third.Headers.Age);
    }

    [Fact]
    public async Task Publishing_clears_the_cache_and_the_published_version_stays_public_while_the_next_is_written()
    {
        const string next = "/fi/demo/hyvinvointikertomus-2025-2029";
        using var resident = Browser.Open(_factory);
        Assert.DoesNotContain(next, await resident.GetHtmlAsync("/fi/demo"));
        Assert.NotNull((await resident.Client.GetAsync("/fi/demo")).Headers.Age);

        var report = await _factory.DemoReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);

        Assert.Contains(next, await resident.GetHtmlAsync("/fi/demo"));
        Assert.Contains("§ 112", await resident.GetHtmlAsync(next));

        // The next version is written: the public page keeps showing the published one.
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.StartNewVersion);
        const string marker = "Versio 2 luonnos, ei julkinen";
        var section = await _factory.DemoSectionAsync("Nuoret");
        var token = await coordinator.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/fi")
        {
            Content = Browser.Form(null, ("html", $"<p>{marker}</p>"), ("version", section.Texts.Single(t => t.Language == "fi").Version.ToString())),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.True((await coordinator.Client.SendAsync(request)).IsSuccessStatusCode);
        using (var scope = _factory.Services.CreateScope())
        {
            // Rendered afresh, not from the cache, so the page is read from the data as it is now.
            await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
                .EvictByTagAsync(PublicCache.Tag, default);
        }
        using var fresh = Browser.Open(_factory);
        var page = await fresh.Client.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.Age);
        Assert.DoesNotContain(marker, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await fresh.Client.GetAsync(next + "/pdf")).StatusCode);
    }
}
