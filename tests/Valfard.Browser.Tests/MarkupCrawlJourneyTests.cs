using Microsoft.Playwright;
using Valfard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Valfard.Browser.Tests;

/// <summary>
/// Every page each role reaches by following links, opened on a 390 px phone: no sideways page scroll (wide tables
/// scroll in their own region), chart text at least 11 px, and no WCAG 2.1 A or AA violation as axe checks it
/// (issue 17 §7 and §14). Each page shape is checked once, for the first role that reaches it; the public site in
/// Finnish and Swedish, and also at 360 px, the smallest phone the product supports.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MarkupCrawlJourneyTests(AppFixture app, ITestOutputHelper output)
{
    private const int Phone = 390;
    private const int SmallPhone = 360;

    [Fact]
    public async Task Every_page_of_every_role_fits_a_phone_and_has_no_axe_violations()
    {
        var problems = new List<string>();
        var checkedShapes = new HashSet<string>(StringComparer.Ordinal);
        var counts = new List<string>();

        foreach (var language in new[] { "fi", "sv" })
        {
            var page = await app.NewPageAsync(language == "sv" ? "sv-FI" : "fi-FI");
            await page.SetViewportSizeAsync(Phone, 800);
            var crawl = await CrawlAsync(page, [$"/{language}", $"/{language}/demo"]);
            // The Swedish crawl reaches the Finnish pages again through the language links; each is checked once.
            var fresh = crawl.Pages.Where(p => checkedShapes.Add(p.Shape)).ToList();
            counts.Add($"anonymous ({language}): {crawl.Pages.Count} pages, {fresh.Count} not checked before");
            problems.AddRange(crawl.Failures);
            foreach (var found in fresh)
            {
                problems.AddRange(await CheckAsync(page, found.Url, Phone));
                problems.AddRange(await WidthAsync(page, found.Url, SmallPhone));
            }
            await page.Context.CloseAsync();
        }

        foreach (var user in new[] { "council@demo.test", "coordinator@demo.test", "editor@demo.test", "secretary@demo.test", "admin@demo.test",
                     "editor@esimerkkila.test", "county@demo.test" })
        {
            var page = await app.SignInAsync(user, "fi");
            await page.SetViewportSizeAsync(Phone, 800);
            var crawl = await CrawlAsync(page, ["/"]);
            var fresh = crawl.Pages.Where(p => checkedShapes.Add(p.Shape)).ToList();
            counts.Add($"{user}: {crawl.Pages.Count} pages, {fresh.Count} not checked for an earlier role");
            problems.AddRange(crawl.Failures);
            foreach (var found in fresh)
            {
                problems.AddRange(await CheckAsync(page, found.Url, Phone));
                // The council's reading view is read on phones in meetings, like the public report.
                if (found.Shape.EndsWith("/read", StringComparison.Ordinal))
                {
                    problems.AddRange(await WidthAsync(page, found.Url, SmallPhone));
                }
            }
            await page.Context.CloseAsync();
        }

        output.WriteLine(string.Join("\n", counts));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    /// <summary>The crawl of <see cref="SiteCrawler"/>, through the page's own cookies (the signed-in user).</summary>
    private static async Task<CrawlResult> CrawlAsync(IPage page, string[] starts) =>
        await SiteCrawler.CrawlAsync(async url =>
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            var headers = response.Headers;
            var type = headers.GetValueOrDefault("content-type");
            var body = type?.StartsWith("text/html", StringComparison.Ordinal) == true ? await response.TextAsync() : string.Empty;
            return new FetchedResponse(response.Status, headers.GetValueOrDefault("location"), type, body);
        }, starts);

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string url, int width)
    {
        var problems = (await WidthAsync(page, url, width)).ToList();
        problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, url));
        return problems;
    }

    /// <summary>Opens the page at the width and reports sideways scroll and chart text under 11 px.</summary>
    private static async Task<IEnumerable<string>> WidthAsync(IPage page, string url, int width)
    {
        await page.SetViewportSizeAsync(width, 800);
        await page.GotoAsync(url);
        var problems = new List<string>();
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (wide > width)
        {
            // Name the widest element that is not inside a scrolling region, to say what to fix.
            var culprit = await page.EvaluateAsync<string>(WidestElementScript, width);
            problems.Add($"{url}: {wide} px wide at {width} px ({culprit})");
        }
        var smallest = await page.EvaluateAsync<double>(SmallestChartTextScript);
        if (smallest < 11)
        {
            problems.Add($"{url}: chart text {smallest:0.#} px at {width} px (at least 11 px)");
        }
        return problems;
    }

    private const string WidestElementScript = """
        (width) => {
          let worst = null;
          for (const element of document.body.querySelectorAll("*")) {
            const box = element.getBoundingClientRect();
            if (box.right <= width + 0.5) continue;
            let scroller = element.parentElement, inside = false;
            while (scroller && scroller !== document.body) {
              const style = getComputedStyle(scroller);
              if (/(auto|scroll|hidden)/.test(style.overflowX)) { inside = true; break; }
              scroller = scroller.parentElement;
            }
            if (!inside && (!worst || box.right > worst.right)) worst = { right: box.right, element };
          }
          if (!worst) return "no single element";
          const e = worst.element;
          return `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} reaches ${Math.round(worst.right)} px`;
        }
        """;

    /// <summary>The smallest rendered font size of the text in the page's SVG charts (font size times the SVG's scale).</summary>
    private const string SmallestChartTextScript = """
        () => {
          let smallest = 99;
          for (const text of document.querySelectorAll("svg text")) {
            if (!text.getClientRects().length) continue;
            const matrix = text.getScreenCTM();
            if (!matrix) continue;
            const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
            if (size < smallest) smallest = size;
          }
          return smallest;
        }
        """;
}
