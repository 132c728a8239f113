using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Documents;

/// <summary>The council document as Chromium prints it: read back with PdfPig, page by page.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class CouncilDocumentPdfTests(ValfardFactory factory)
{
    private Task<WelfareReport> ReportAsync(string titleFi) => factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
        .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == titleFi));

    private static string Text(PdfDocument pdf) => string.Join('\n', pdf.GetPages().Select(p => p.Text));

    private static string? Catalog(PdfDocument pdf, string key) =>
        pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create(key), out var token) ? token switch
        {
            StringToken s => s.Data,
            BooleanToken b => b.Data.ToString(),
            _ => token.ToString(),
        } : null;

    [Theory]
    [InlineData("fi", "Laaja hyvinvointikertomus 2021–2025", "Sivu 1 / ", "Sisällys", "Nuorten koulutuksen ulkopuolelle jääminen")]
    [InlineData("sv", "Omfattande välfärdsberättelse 2021–2025", "Sida 1 / ", "Innehåll", "Det är vanligare än i landet i genomsnitt att unga står utanför utbildning")]
    public async Task The_published_document_is_a_tagged_a4_pdf_with_bookmarks_embedded_fonts_and_its_own_language(
        string language, string title, string footer, string contents, string passage)
    {
        var report = await ReportAsync(DemoArchiveSeeder.TitleFi);
        Assert.Equal(ReportStatus.Published, report.Status);
        using var reader = await Browser.SignedInAsync(factory, "council@demo.test", "en");

        var bytes = await reader.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang={language}");

        using var pdf = PdfDocument.Open(bytes);
        Assert.InRange(pdf.NumberOfPages, 8, 40);
        var page = pdf.GetPage(1);
        Assert.Equal(595, page.Width, 1.0);
        Assert.Equal(842, page.Height, 1.0);
        var text = Text(pdf);
        Assert.Contains(title, text);
        Assert.Contains(footer + pdf.NumberOfPages, text);
        Assert.Contains(contents, text);
        Assert.Contains(passage, text);
        Assert.Contains("§ 45", text);
        // The demo's previous-term report went through the board: its decision page shows both decisions.
        Assert.Contains(language == "fi" ? "Hallituksen päätös" : "Styrelsens beslut", text);
        // Each decision body in the document's language on the cover (the demo records both names).
        Assert.Matches(language == "fi" ? "Hyväksytty: Kunnanvaltuusto \\S+ § 45" : "Godkänd: Kommunfullmäktige \\S+ § 45", text);
        Assert.Matches(language == "fi" ? "Esitetty valtuustolle: Kunnanhallitus \\S+ § 112" : "Föreslagen för fullmäktige: Kommunstyrelsen \\S+ § 112", text);
        Assert.Contains("§ 112", text);
        Assert.DoesNotContain("LUONNOS", text);
        Assert.DoesNotContain("UTKAST", text);
        Assert.Equal(language, Catalog(pdf, "Lang"));
        Assert.NotNull(Catalog(pdf, "StructTreeRoot"));
        Assert.Contains("True", Catalog(pdf, "MarkInfo") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Contains(bookmarks.GetNodes(), b => b.Title.Contains(language == "fi" ? "Nuoret" : "Unga", StringComparison.Ordinal));
        // Every font the text uses travels inside the file.
        var raw = Encoding.Latin1.GetString(bytes);
        var descriptors = CountOf(raw, "/Type /FontDescriptor");
        Assert.True(descriptors > 0);
        Assert.Equal(descriptors, CountOf(raw, "/FontFile2") + CountOf(raw, "/FontFile3"));
    }

    [Fact]
    public async Task The_archived_file_is_the_same_bytes_on_every_download_and_its_hash_is_shown()
    {
        var report = await ReportAsync(DemoArchiveSeeder.TitleFi);
        using var reader = await Browser.SignedInAsync(factory, "council@demo.test", "en");

        var first = await reader.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=fi");
        var second = await reader.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=fi");
        var stored = await factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().AsNoTracking().SingleAsync(d =>
            d.Language == "fi" && db.ReportVersions.IgnoreQueryFilters().Any(v => v.Id == d.ReportVersionId && v.ReportId == report.Id)));

        Assert.Equal(first, second);
        Assert.Equal(stored.Content, first);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(first)));
        Assert.Contains(stored.Sha256, await reader.GetHtmlAsync($"/reports/{report.Id}/read"));
    }

    [Fact]
    public async Task A_draft_is_printed_from_the_current_text_with_a_visible_draft_mark_in_both_languages()
    {
        var report = await ReportAsync("Laaja hyvinvointikertomus 2025–2029");
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");

        using var fi = PdfDocument.Open(await coordinator.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=fi"));
        using var sv = PdfDocument.Open(await coordinator.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=sv"));

        var fiText = Text(fi);
        var svText = Text(sv);
        Assert.Contains("LUONNOS", fiText);
        Assert.Contains("ei valtuuston hyväksymä", fiText);
        Assert.Contains("Lapset ja lapsiperheet", fiText);
        Assert.Contains("UTKAST", svText);
        Assert.Contains("Barn och barnfamiljer", svText);
        Assert.Contains("Omfattande välfärdsberättelse 2025–2029", svText);
        Assert.All(fi.GetPages(), p => Assert.Contains("LUONNOS", p.Text));
    }

    [Fact]
    public async Task When_the_browser_dies_that_document_fails_and_the_next_one_prints()
    {
        var report = await ReportAsync("Laaja hyvinvointikertomus 2025–2029");
        var chromium = factory.Services.GetRequiredService<ChromiumPdf>();
        var frame = new PdfFrame("<span></span>", "<span></span>");

        var before = await chromium.RenderAsync("<html lang=\"fi\"><body><h1>Ennen</h1></body></html>", frame, PdfPurpose.Draft, CancellationToken.None);
        var browser = await chromium.SharedBrowserAsync(CancellationToken.None);
        await browser.CloseAsync();
        var after = await chromium.RenderAsync("<html lang=\"fi\"><body><h1>Jälkeen</h1></body></html>", frame, PdfPurpose.Draft, CancellationToken.None);

        using var pdf = PdfDocument.Open(after);
        Assert.NotEmpty(before);
        Assert.Contains("Jälkeen", Text(pdf));
        Assert.NotNull(report);
    }

    [Fact]
    public async Task Chromium_prints_with_javascript_off_so_a_script_in_the_document_cannot_change_it()
    {
        var chromium = factory.Services.GetRequiredService<ChromiumPdf>();

        var bytes = await chromium.RenderAsync(
            "<html lang=\"fi\"><body><p id=\"p\">Staattinen teksti</p><script>document.getElementById('p').textContent = 'Skripti ajettiin';</script></body></html>",
            new PdfFrame("<span></span>", "<span></span>"), PdfPurpose.Draft, CancellationToken.None);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains("Staattinen teksti", Text(pdf));
        Assert.DoesNotContain("Skripti ajettiin", Text(pdf));
    }

    [Fact]
    public async Task When_chromium_is_killed_in_the_middle_of_a_document_that_request_fails_cleanly_and_the_next_pdf_prints()
    {
        var report = await ReportAsync("Laaja hyvinvointikertomus 2025–2029");
        var chromium = factory.Services.GetRequiredService<ChromiumPdf>();
        // This app's own browser, by the process id Chromium reports: other test apps' browsers must live on.
        var browserProcess = await ChromiumProcesses.BrowserProcessIdAsync(await chromium.SharedBrowserAsync(CancellationToken.None));
        var rows = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<tr><td>Rivi {i}</td><td>{i * 7}</td></tr>"));
        var heavy = $"<html lang=\"fi\"><body><table>{rows}</table></body></html>";

        var rendering = chromium.RenderAsync(heavy, new PdfFrame("<span></span>", "<span></span>"), PdfPurpose.Draft, CancellationToken.None);
        await Task.Delay(700);
        System.Diagnostics.Process.GetProcessById(browserProcess).Kill(entireProcessTree: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<PdfRenderException>(() => rendering);
        Assert.Equal("Pdf.Failed", failure.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The failed render took {watch.Elapsed} to report");

        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var next = await coordinator.Client.GetAsync($"/reports/{report.Id}/pdf?lang=fi");
        Assert.Equal(System.Net.HttpStatusCode.OK, next.StatusCode);
        using var pdf = PdfDocument.Open(await next.Content.ReadAsByteArrayAsync());
        Assert.Contains("LUONNOS", Text(pdf));
    }

    private static int CountOf(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

/// <summary>Without Chromium the app still starts; a PDF request says what to install, and publishing waits.</summary>
public sealed class MissingChromiumTests : IDisposable
{
    private sealed class NoChromiumFactory : ValfardFactory
    {
        /// <summary>The template's archive report is already published; this app must seed without Chromium itself.</summary>
        protected override bool StartsFromTemplate => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
        }
    }

    private readonly NoChromiumFactory _factory = new();

    [Fact]
    public async Task A_pdf_request_names_the_fix_and_the_demo_report_stays_in_review_until_the_boards_copy_can_be_printed()
    {
        var report = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == "Laaja hyvinvointikertomus 2025–2029"));
        var archive = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == DemoArchiveSeeder.TitleFi));
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var response = await coordinator.Client.GetAsync($"/reports/{report.Id}/pdf?lang=fi");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var page = await coordinator.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Chromium is not installed on the server", page);
        Assert.Contains("apt-get install chromium", page);
        // Sending to the board keeps the PDF the board is given, so without Chromium the report waits in review.
        Assert.Equal(ReportStatus.InReview, archive.Status);
        Assert.False(await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().AnyAsync()));
        Assert.False(await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().AnyAsync()));
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>The operating-system process of a Chromium browser, as Chromium itself reports it over CDP.</summary>
internal static class ChromiumProcesses
{
    public static async Task<int> BrowserProcessIdAsync(Microsoft.Playwright.IBrowser browser)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var info = await session.SendAsync("SystemInfo.getProcessInfo");
        await session.DetachAsync();
        return info!.Value.GetProperty("processInfo").EnumerateArray()
            .Single(p => p.GetProperty("type").GetString() == "browser").GetProperty("id").GetInt32();
    }
}
