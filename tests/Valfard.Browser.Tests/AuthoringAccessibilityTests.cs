using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>The welfare group's pages meet WCAG 2.1 A and AA as axe-core checks them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthoringAccessibilityTests(AppFixture app)
{
    [Fact]
    public async Task Admin_pages_have_no_wcag_a_or_aa_violations()
    {
        var page = await app.SignInAsync("admin@demo.test", "sv");
        await page.GotoAsync("/admin/users");
        var editUser = await page.Locator("main table a.btn").First.GetAttributeAsync("href");
        await page.GotoAsync("/admin/organisations");
        var editOrganisation = await page.Locator("main table a.btn").First.GetAttributeAsync("href");

        var problems = new List<string>();
        foreach (var url in new[] { "/admin/users", "/admin/users/new", editUser!, "/admin/sectors", "/admin/sectors/new",
                     "/admin/organisations", "/admin/organisations/new", editOrganisation!, "/account/change-password" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await ViolationsAsync(page, url));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    internal static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string url)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.Select(v => $"{url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))})");
    }

    [Fact]
    public async Task Report_pages_have_no_wcag_a_or_aa_violations()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "fi");

        await page.GotoAsync("/reports");
        await page.Locator("main table a").First.ClickAsync();
        var board = page.Url;
        var pages = new List<string> { "/", "/reports", board, "/template", "/notifications" };
        await page.GotoAsync(board);
        var firstSection = await page.Locator("table.sections-table th a").Nth(3).GetAttributeAsync("href");
        pages.Add(firstSection!);
        pages.Add(firstSection + "/history/fi?from=1&to=2");
        pages.Add(new Uri(board).AbsolutePath + "/observations");
        pages.Add(new Uri(board).AbsolutePath + "/plans");
        pages.Add(new Uri(board).AbsolutePath + "/audit");
        pages.Add("/reports/new");
        pages.AddRange(["/indicators", "/indicators/90005", "/indicators/sets", "/indicators/import", "/indicators/local"]);

        var problems = new List<string>();
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            problems.AddRange(await ViolationsAsync(page, url));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.GotoAsync("/indicators/90010");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "indicator-fi.png"), FullPage = true });
    }

    [Fact]
    public async Task Reading_view_and_workflow_pages_have_no_wcag_a_or_aa_violations()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "sv");
        await page.GotoAsync("/reports");
        var links = await page.Locator("main table a[href$='/read']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        var problems = new List<string>();
        foreach (var read in links)
        {
            foreach (var url in new[] { read, read + "?lang=fi" })
            {
                await page.GotoAsync(url);
                problems.AddRange(await ViolationsAsync(page, url));
            }
        }
        await page.GotoAsync(links[0].Replace("/read", "/workflow/SubmitForReview", StringComparison.Ordinal));
        problems.AddRange(await ViolationsAsync(page, "workflow/SubmitForReview"));

        Assert.Equal(2, links.Length);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
