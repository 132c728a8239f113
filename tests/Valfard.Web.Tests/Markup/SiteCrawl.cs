using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.Markup;

/// <summary>
/// Every page each demo role reaches by following links, in Finnish, Swedish and English, read once per test class
/// from an app of its own: the crawl switches each user's language, which must not reach other tests' database.
/// </summary>
public sealed class SiteCrawl : IAsyncLifetime, IDisposable
{
    /// <summary>Every demo role, and an anonymous resident on the public site (null).</summary>
    public static readonly string?[] Users =
    [
        null, "admin@demo.test", "coordinator@demo.test", "editor@demo.test", "council@demo.test", "secretary@demo.test",
        "editor@esimerkkila.test", "county@demo.test",
    ];

    public static readonly string[] Languages = ["fi", "sv", "en"];

    private readonly ValfardFactory _factory = new();

    /// <summary>The pages read, by language and user ("anonymous" for the public site).</summary>
    public Dictionary<(string Language, string User), CrawlResult> Crawls { get; } = [];

    public async Task InitializeAsync()
    {
        await LeaveWorkflowEntriesAsync();
        foreach (var language in Languages)
        {
            foreach (var user in Users)
            {
                var result = Crawls[(language, user ?? "anonymous")] = await CrawlAsync(user, language);
                // To look at what the crawl read: VALFARD_CRAWL_DUMP=/tmp/crawl dotnet test ...
                if (Environment.GetEnvironmentVariable("VALFARD_CRAWL_DUMP") is { Length: > 0 } dump)
                {
                    var folder = Directory.CreateDirectory(Path.Combine(dump, language, user ?? "anonymous"));
                    foreach (var (page, index) in result.Pages.Select((p, i) => (p, i)))
                    {
                        await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{index:D3}.html"), $"<!-- {page.Url} -->\n{page.Html}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The report goes to review and back, as a coordinator does it, so that its audit trail has workflow entries
    /// (with statuses and a reason in their details) for the crawl to read; the report stays a draft for the others.
    /// </summary>
    private async Task LeaveWorkflowEntriesAsync()
    {
        var reportId = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OrganisationId == DemoSeeder.DemokommunId && r.Status == ReportStatus.Draft).Select(r => r.Id).FirstAsync());
        using var coordinator = await Infrastructure.Browser.SignedInAsync(_factory, "coordinator@demo.test");
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, reportId, WorkflowAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await ApprovalWorkflowTests.MoveAsync(coordinator, reportId, WorkflowAction.ReturnToDraft, ("Reason", "Nuorten luku on kesken."))).StatusCode);
    }

    private async Task<CrawlResult> CrawlAsync(string? user, string language)
    {
        using var browser = user is null ? Infrastructure.Browser.Open(_factory, language) : await Infrastructure.Browser.SignedInAsync(_factory, user, language);
        // The language switcher, as a person uses it: it stores the choice in a cookie (and on the user).
        var switched = await browser.PostFormAsync(user is null ? "/account/login" : "/", "/language", ("language", language), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        string[] starts = user is null
            ? [$"/{language}", $"/{language}/demo", "/account/login", "/"]
            : ["/"];
        return await SiteCrawler.CrawlAsync(async url =>
        {
            using var response = await browser.Client.GetAsync(url);
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = type == "text/html" ? await response.Content.ReadAsStringAsync() : string.Empty;
            return new FetchedResponse((int)response.StatusCode, response.Headers.Location?.ToString(), type, body);
        }, starts);
    }

    /// <summary>Pages read per language and user, for the test's output.</summary>
    public string Counts() => string.Join("\n", Crawls.Select(c => $"{c.Key.Language} {c.Key.User}: {c.Value.Pages.Count} pages"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();
}
