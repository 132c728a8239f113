using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>What one GET answered: the status, where a redirect points, the content type and the body.</summary>
public sealed record FetchedResponse(int Status, string? Location, string? ContentType, string Body);

/// <summary>One HTML page the crawler read, with the address shape it stands for (/reports/{id} once for all reports).</summary>
public sealed record CrawledPage(string Url, string Shape, string Html);

/// <summary>Every page the crawl read, and the links that answered with an error.</summary>
public sealed record CrawlResult(IReadOnlyList<CrawledPage> Pages, IReadOnlyList<string> Failures);

/// <summary>
/// Follows the same-origin GET links of a signed-in (or anonymous) user breadth-first, the way a person clicking
/// through every menu would, so that pages other features add later are checked without listing them. Downloads
/// (PDF, CSV, spreadsheets, JSON, files), sign-out and forms are not followed. One page per address shape is read:
/// the crawl checks how each kind of page is built, not every report in the database.
/// </summary>
public static partial class SiteCrawler
{
    public const int DefaultCap = 150;

    private static readonly Uri Origin = new("http://localhost/");

    /// <summary>
    /// Crawls from <paramref name="starts"/> with <paramref name="fetch"/>, which GETs a path without following
    /// redirects (the crawler follows same-origin ones itself), reading at most <paramref name="cap"/> pages.
    /// </summary>
    public static async Task<CrawlResult> CrawlAsync(Func<string, Task<FetchedResponse>> fetch, IEnumerable<string> starts, int cap = DefaultCap)
    {
        var pages = new List<CrawledPage>();
        var failures = new List<string>();
        var seenShapes = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        // Which page linked to an address, to name it when the link is broken.
        var linkedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in starts)
        {
            Enqueue(start, "(start)");
        }
        var parser = new HtmlParser();
        // Redirects are followed, but a loop of them must not run the crawl forever.
        var fetches = 0;
        while (queue.Count > 0 && pages.Count < cap && fetches < cap * 4)
        {
            var url = queue.Dequeue();
            fetches++;
            var response = await fetch(url);
            if (response.Status is >= 300 and < 400)
            {
                if (response.Location is { } location && Normalize(location, url) is { } next)
                {
                    Enqueue(next, linkedFrom.GetValueOrDefault(url, url));
                }
                continue;
            }
            if (response.Status >= 400)
            {
                // A link shown to a user should lead somewhere; 403 for a role is still a broken promise on the page.
                failures.Add($"{url} answered {response.Status} (linked from {linkedFrom.GetValueOrDefault(url, "?")})");
                continue;
            }
            if (response.ContentType is null || !response.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            pages.Add(new CrawledPage(url, ShapeOf(url), response.Body));
            using var document = await parser.ParseDocumentAsync(response.Body);
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                if (link.HasAttribute("download"))
                {
                    continue;
                }
                if (Normalize(link.GetAttribute("href")!, url) is { } target)
                {
                    Enqueue(target, url);
                }
            }
        }
        return new CrawlResult(pages, failures);

        void Enqueue(string path, string from)
        {
            var shape = ShapeOf(path);
            if (!seenShapes.Add(shape))
            {
                return;
            }
            linkedFrom[path] = from;
            queue.Enqueue(path);
        }
    }

    /// <summary>The same-origin path and query of a link, or null for another site, a download or sign-out.</summary>
    public static string? Normalize(string href, string from)
    {
        href = href.Trim();
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
            href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!Uri.TryCreate(new Uri(Origin, from), href, out var target))
        {
            return null;
        }
        // The test server and a Kestrel test app answer on localhost or 127.0.0.1; any other host is another site.
        if (target.Scheme is not ("http" or "https") || !(target.IsLoopback || target.Host == Origin.Host))
        {
            return null;
        }
        var path = target.AbsolutePath;
        if (NotAPage().IsMatch(path))
        {
            return null;
        }
        return path + target.Query;
    }

    /// <summary>
    /// The address with its ids, numbers and query values taken out: /reports/{id}/sections/{id}?tab= stands for
    /// every section of every report.
    /// </summary>
    public static string ShapeOf(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? url : url[..queryStart];
        var segments = path.Split('/').Select(s => Guid.TryParse(s, out _) ? "{id}" : Number().IsMatch(s) ? "{n}" : s.ToLowerInvariant());
        var shape = string.Join('/', segments);
        if (queryStart >= 0)
        {
            var keys = url[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=')[0].ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
            var query = string.Join('&', keys.Select(k => k + "="));
            if (query.Length > 0)
            {
                shape += "?" + query;
            }
        }
        return shape;
    }

    /// <summary>
    /// Sign-out and language switching are forms; files (PDF, CSV, spreadsheets, JSON, logos, linked plans) are
    /// downloads, and a PDF is printed by Chromium, which would make the crawl slow without checking any page.
    /// </summary>
    [GeneratedRegex(@"^/account/logout|^/language|\.(pdf|csv|docx|xlsx|json|zip|db|png|jpe?g|svg|ico|txt|xml)$|/(pdf|csv|xlsx|file|image)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();
}
