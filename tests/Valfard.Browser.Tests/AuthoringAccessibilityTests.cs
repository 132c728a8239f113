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
    public async Task Plan_pages_have_no_wcag_a_or_aa_violations()
    {
        var page = await app.SignInAsync("coordinator@demo.test", "sv");
        await page.GotoAsync("/plan");
        var measure = await page.Locator("table.plan-measures th a").First.GetAttributeAsync("href");
        var editGoal = await page.Locator("section.plan-goal a[href^='/plan/goals/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/plan/follow-up/2025");
        var record = await page.Locator("main table a.btn").First.GetAttributeAsync("href");
        var overrideForm = await page.Locator("section.plan-goal a[href$='/assessment']").First.GetAttributeAsync("href");
        await page.GotoAsync("/reports");
        await page.Locator("main table a").First.ClickAsync();
        var planSection = await page.GetByRole(AriaRole.Link, new() { Name = "Mål, åtgärder och uppföljningsindikatorer", Exact = true }).GetAttributeAsync("href");

        var problems = new List<string>();
        foreach (var url in new[] { "/plan", "/plan?status=InProgress", "/plan/mine", measure!, editGoal!, "/plan/goals/new", "/plan/measures/new",
                     measure + "/edit", measure + "/remove", "/plan/indicators/new?measureId=" + measure!.Split('/')[^1], "/plan/import",
                     "/plan/follow-up", "/plan/follow-up/2025", record!, overrideForm!, planSection! })
        {
            await page.GotoAsync(url);
            problems.AddRange(await ViolationsAsync(page, url));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await page.GotoAsync("/plan/follow-up/2025");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "plan-round-sv.png"), FullPage = true });
        await page.GotoAsync(planSection!);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "plan-report-section-sv.png"), FullPage = true });
        await page.GotoAsync("/plan/goals/new");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "plan-goal-form-sv.png"), FullPage = true });
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
        pages.AddRange(["/indicators", "/indicators/90005", "/indicators/sets", "/indicators/local"]);

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
