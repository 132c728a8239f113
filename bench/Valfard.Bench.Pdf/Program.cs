// Council document benchmark: the PDF of a generated report of about 80 pages through Valfard's own path (Razor
// print view + headless Chromium via Playwright, browser kept warm), next to Chromium's own print of the very same
// HTML with the same settings, in one process on one machine.
// Run: dotnet run -c Release --project bench/Valfard.Bench.Pdf [-- sections runs]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup;
var sections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 34;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var webRoot = FindWebProject();
var data = Path.Combine(Path.GetTempPath(), $"valfard-bench-pdf-{Guid.NewGuid():N}");
Directory.CreateDirectory(data);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = webRoot, EnvironmentName = "Production" });
builder.Configuration["Valfard:DataDirectory"] = data;
builder.Configuration["Valfard:LogToFile"] = "false";
// Production refuses to start without the public address that mail and document links are built from.
builder.Configuration["Valfard:PublicBaseUrl"] = "https://hyvinvointi.example.fi";
builder.Logging.ClearProviders();
builder.Services.AddValfardWeb(builder.Configuration, builder.Environment);
builder.Services.AddMvc().AddApplicationPart(typeof(ReportPdfService).Assembly);
await using var app = builder.Build();
await using var scope = app.Services.CreateAsyncScope();
var pdfs = scope.ServiceProvider.GetRequiredService<ReportPdfService>();
var chromium = app.Services.GetRequiredService<ChromiumPdf>();

var model = new PrintViewModel
{
    Document = GeneratedReport(sections),
    IsDraft = true,
    StatusKey = "ReportStatus.Draft",
    Css = await File.ReadAllTextAsync(Path.Combine(webRoot, "wwwroot", "css", "print-document.css")),
};
var html = await pdfs.HtmlAsync(model);
if (Environment.GetEnvironmentVariable("VALFARD_BENCH_DUMP") is { Length: > 0 } dump)
{
    await File.WriteAllTextAsync(dump, html);
}
var frame = pdfs.Frame(model);
var browser = await chromium.SharedBrowserAsync(CancellationToken.None);

async Task<byte[]> ChromiumOwnAsync(bool tagged = true, bool layoutOnly = false)
{
    var page = await browser.NewPageAsync();
    try
    {
        await page.SetContentAsync(layoutOnly ? ContentsPages.LayoutOnly(html) : html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            PreferCSSPageSize = true,
            Tagged = tagged,
            Outline = tagged,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = frame.HeaderHtml,
            FooterTemplate = frame.FooterHtml,
        });
    }
    finally
    {
        await page.CloseAsync();
    }
}

// Warm both paths: the browser, Razor's compiled view, the fonts.
var sample = await pdfs.RenderAsync(model, PdfPurpose.Archive, CancellationToken.None);
await ChromiumOwnAsync();
var pages = Regex.Count(Encoding.Latin1.GetString(sample), @"/Type\s*/Page[^s]");
Console.WriteLine($"Valfard council document benchmark: {sections} sections with charts and tables, {pages} A4 pages, {html.Length / 1024:N0} kB of HTML, {runs} warm runs each");
Console.WriteLine($"Chromium: {browser.Version} at {builder.Configuration["Pdf:ChromiumPath"] ?? "/usr/bin/chromium"}");

var ours = new List<double>();
var raw = new List<double>();
var untagged = new List<double>();
var layout = new List<double>();
for (var i = 0; i < runs; i++)
{
    // Alternate so that neither side always runs on a cooler machine.
    var watch = Stopwatch.StartNew();
    await pdfs.RenderAsync(model, PdfPurpose.Archive, CancellationToken.None);
    ours.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    await ChromiumOwnAsync();
    raw.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    await ChromiumOwnAsync(tagged: false);
    untagged.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    await ChromiumOwnAsync(tagged: false, layoutOnly: true);
    layout.Add(watch.Elapsed.TotalMilliseconds);
}
static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
var oursMedian = Median(ours);
var rawMedian = Median(raw);
var ratio = oursMedian / rawMedian;
Console.WriteLine(FormattableString.Invariant($"Valfard (Razor view + Chromium PDF): median {oursMedian:F0} ms  (runs: {string.Join(", ", ours.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})"));
Console.WriteLine(FormattableString.Invariant($"Chromium's own print of the same HTML: median {rawMedian:F0} ms  (runs: {string.Join(", ", raw.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})"));
Console.WriteLine(FormattableString.Invariant($"For reference, Chromium's print without tags and bookmarks: median {Median(untagged):F0} ms (the council document must be tagged)"));
Console.WriteLine(FormattableString.Invariant($"Of Valfard's time, the first print that only finds the contents' page numbers (paints nothing, untagged): median {Median(layout):F0} ms"));
Console.WriteLine(FormattableString.Invariant($"Ratio Valfard / Chromium: {ratio:F2}x   targets: <= 1500 ms and <= 1.30x   -> {(oursMedian <= 1500 && ratio <= 1.3 ? "met" : "NOT met")}"));
await chromium.DisposeAsync();
try { Directory.Delete(data, recursive: true); } catch (IOException) { }

static string FindWebProject()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "src", "Valfard.Web");
        if (File.Exists(Path.Combine(candidate, "Valfard.Web.csproj")))
        {
            return candidate;
        }
    }
    throw new InvalidOperationException("Run the benchmark from inside the Valfard repository.");
}

static ReportDocument GeneratedReport(int count)
{
    var years = Enumerable.Range(2015, 10).ToList();
    var random = new Random(2026);
    IndicatorPageViewModel Indicator(int id)
    {
        IndicatorSeries Series(string region, string kind, Gender gender, double level) =>
            new(region, kind, gender, years.Select(y => new SeriesPoint(y, y == 2019 && kind == "own" ? null : Math.Round(level + (random.NextDouble() * 4) + ((y - 2015) * 0.3), 1))).ToList());
        var series = new List<IndicatorSeries>();
        foreach (var gender in new[] { Gender.Total, Gender.Female, Gender.Male })
        {
            series.Add(Series("Demokunta", "own", gender, 20 + id % 7));
            series.Add(Series("Demoalueen hyvinvointialue", "county", gender, 21 + id % 5));
            series.Add(Series("Koko maa", "country", gender, 22));
        }
        return new IndicatorPageViewModel
        {
            Id = 90000 + id,
            Title = $"Generoitu indikaattori {id}, % väestöstä",
            Unit = "%",
            Decimals = 1,
            Direction = IndicatorDirection.HigherIsBetter,
            Source = "Vertailuaineisto",
            Years = years,
            Series = series,
            Trend = TrendRule.Evaluate(series[0].Points.Select(p => (p.Year, p.Value)), IndicatorDirection.HigherIsBetter),
            TrendRegion = "Demokunta",
        };
    }
    var paragraph = "<p>Hyvinvointiryhmä arvioi kunnan asukkaiden hyvinvoinnin kehitystä indikaattoreiden, palvelujen käyttäjiltä saadun palautteen ja toimialojen oman seurannan perusteella. "
                    + "Kehitys on ollut osin myönteistä, mutta eroja on väestöryhmien välillä, ja niiden kaventaminen on suunnitelmakauden keskeinen tavoite. Åtgärderna följs upp årligen i fullmäktige.</p>";
    var sectionsList = Enumerable.Range(1, count).Select(i => new DocumentSection(Guid.NewGuid(), $"{(i + 1) / 2}.{i}", i % 2 == 1 ? 0 : 1,
        $"Generoitu luku {i}", null, SectionPurpose.Text, string.Concat(Enumerable.Repeat(paragraph, 6)), null, [Indicator(i), Indicator(i + 100)])).ToList();
    return new ReportDocument
    {
        Language = "fi",
        ReportId = Guid.NewGuid(),
        OrganisationName = "Demokunta",
        OrganisationSlug = "demo",
        Title = "Laaja hyvinvointikertomus (vertailu)",
        Kind = ReportKind.Comprehensive,
        TermLabel = "2025–2029",
        VersionNumber = 1,
        TakenAt = DateTimeOffset.UtcNow,
        Sections = sectionsList,
        Observations = [],
        LinkedPlans = [],
    };
}
