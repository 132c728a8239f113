// Load test: anonymous public readers and signed-in editors saving sections at the same time, against one app, then a
// check that every save the server confirmed is still there. Prints requests, errors by status, p50/p95/max per kind,
// requests per second and "lost edits: N"; exits non-zero when there were errors or lost edits.
// The app runs as its own process from its Release build with the demo data in a fresh temporary data directory,
// or --url points at a running one (then --data-dir names its data directory, for the invitation links in its log).
// Run: dotnet build -c Release src/Valfard.Web && dotnet run -c Release --project bench/Valfard.Bench.Load
//      [-- --seconds 60 --readers 200 --editors 20 --reader-think-ms 0 --editor-think-ms 250 --timeout-seconds 30
//          --url http://… --data-dir … --login-per-minute N --share --keep]
// Needs Chromium (the demo archive prints its PDFs at first start). See README.md next to this file.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

var options = Options.Parse(args);
Console.WriteLine($"Valfard load test: {options.Readers} readers + {options.Editors} editors for {options.Seconds} s, "
    + $"reader think {options.ReaderThinkMs} ms, editor think {options.EditorThinkMs} ms, {Environment.ProcessorCount} cores");

App? app = null;
var dataDirectory = options.DataDirectory;
var failed = true;
try
{
    if (options.Url is null)
    {
        dataDirectory = Path.Combine(Path.GetTempPath(), $"valfard-bench-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        app = await App.StartAsync(dataDirectory, options.LoginPerMinute);
    }
    var baseUrl = options.Url ?? app!.Url;
    Console.WriteLine($"app: {baseUrl}, data directory: {dataDirectory ?? "(not known)"}");

    var setup = await Setup.RunAsync(baseUrl, options, dataDirectory);
    var stats = new Stats();
    var editors = setup.Editors;

    Console.WriteLine($"timed phase: {options.Seconds} s …");
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
    using var readerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    using var readerClient = new HttpClient(readerHandler) { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
    var clock = Stopwatch.StartNew();
    var tasks = new List<Task>();
    for (var i = 0; i < options.Readers; i++)
    {
        var reader = i;
        tasks.Add(Task.Run(() => Readers.RunAsync(readerClient, setup.PublicPaths, reader, options, stats, stop.Token)));
    }
    foreach (var editor in editors)
    {
        tasks.Add(Task.Run(() => editor.RunAsync(options, stats, stop.Token)));
    }
    await Task.WhenAll(tasks);
    var elapsed = clock.Elapsed;

    // Read every text back from the editor page: it must hold the last save the server confirmed for it (with --share
    // two editors write one text; then the later of their confirmed saves, by the server's savedAt, must be there).
    var lost = 0;
    foreach (var group in editors.GroupBy(e => e.Text))
    {
        var outcome = await Editor.VerifyAsync(group.ToList());
        if (outcome is not null)
        {
            lost++;
            Console.WriteLine($"LOST: {group.Key}: {outcome}");
        }
    }

    stats.Print(elapsed, editors);
    Console.WriteLine($"lost edits: {lost}");
    failed = stats.Errors > 0 || lost > 0;
    if (failed && dataDirectory is not null)
    {
        Console.WriteLine($"app log: {Path.Combine(dataDirectory, "logs")}");
    }
    return failed ? 1 : 0;
}
finally
{
    if (app is not null)
    {
        await app.DisposeAsync();
    }
    if (options.Url is null && dataDirectory is not null)
    {
        if (failed || options.Keep)
        {
            Console.WriteLine($"data directory kept: {dataDirectory}");
        }
        else
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

internal sealed record Options(int Seconds, int Readers, int Editors, int ReaderThinkMs, int EditorThinkMs, string? Url,
    string? DataDirectory, int? LoginPerMinute, bool Keep, int TimeoutSeconds, bool Share)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        var share = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
            }
            else if (args[i] == "--share")
            {
                share = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument {args[i]}. See the head of Program.cs or README.md.");
            }
        }
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var editors = Int("editors", 20);
        if (editors < 1)
        {
            throw new ArgumentException("--editors must be at least 1.");
        }
        return new Options(Int("seconds", 60), Int("readers", 200), editors, Int("reader-think-ms", 0), Int("editor-think-ms", 250),
            values.GetValueOrDefault("url")?.TrimEnd('/'), values.GetValueOrDefault("data-dir"),
            values.ContainsKey("login-per-minute") ? Int("login-per-minute", 20) : null, keep, Int("timeout-seconds", 30), share);
    }
}

internal enum Kind
{
    PublicPage,
    PublicFile,
    EditorPage,
    EditorSave,
}

/// <summary>Latencies per kind and failures by cause, collected from all workers.</summary>
internal sealed class Stats
{
    private readonly ConcurrentDictionary<Kind, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _conflicts;
    private int _errorCount;

    public int Errors => _errorCount;

    public int Conflicts => _conflicts;

    public void Record(Kind kind, double milliseconds) => _latencies.GetOrAdd(kind, _ => []).Add(milliseconds);

    public void Error(Kind kind, string cause)
    {
        Interlocked.Increment(ref _errorCount);
        _errors.AddOrUpdate($"{kind}: {cause}", 1, (_, n) => n + 1);
    }

    public void Conflict() => Interlocked.Increment(ref _conflicts);

    public void Print(TimeSpan elapsed, IReadOnlyList<Editor> editors)
    {
        var total = _latencies.Values.Sum(l => l.Count);
        Console.WriteLine();
        Console.WriteLine($"duration {elapsed.TotalSeconds:N1} s, requests {total:N0} (answered, any status), {total / elapsed.TotalSeconds:N0} requests/s");
        Console.WriteLine($"{"kind",-12} {"requests",9} {"req/s",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var sorted = _latencies.TryGetValue(kind, out var bag) ? bag.Order().ToArray() : [];
            Console.WriteLine($"{Name(kind),-12} {sorted.Length,9:N0} {sorted.Length / elapsed.TotalSeconds,7:N1} {Percentile(sorted, 0.50),8:N1} "
                + $"{Percentile(sorted, 0.95),8:N1} {(sorted.Length == 0 ? 0 : sorted[^1]),8:N1}");
        }
        Console.WriteLine($"editor saves confirmed: {editors.Sum(e => e.Confirmed):N0}; conflicts (409, reloaded and retried): {_conflicts}");
        Console.WriteLine($"errors: {_errorCount}");
        foreach (var (cause, count) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {cause}: {count}");
        }
    }

    public static string Name(Kind kind) => kind switch
    {
        Kind.PublicPage => "public page",
        Kind.PublicFile => "PDF/CSV/JSON",
        Kind.EditorPage => "editor page",
        _ => "editor save",
    };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class Readers
{
    /// <summary>One anonymous reader: cycles through the public pages and files, each reader starting elsewhere.</summary>
    public static async Task RunAsync(HttpClient client, IReadOnlyList<string> paths, int reader, Options options, Stats stats, CancellationToken stop)
    {
        for (var i = reader; !stop.IsCancellationRequested; i++)
        {
            var path = paths[i % paths.Count];
            var kind = path.EndsWith("/pdf", StringComparison.Ordinal) || path.EndsWith(".csv", StringComparison.Ordinal)
                || path.EndsWith(".json", StringComparison.Ordinal) ? Kind.PublicFile : Kind.PublicPage;
            await Http.TimedAsync(stats, kind, options, async token =>
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, token);
                await response.Content.CopyToAsync(Stream.Null, token);
                return response.StatusCode;
            });
            if (options.ReaderThinkMs > 0)
            {
                await Task.Delay(options.ReaderThinkMs, CancellationToken.None);
            }
        }
    }
}

internal static class Http
{
    /// <summary>Runs one request with the per-request timeout; records its latency, and an error unless 2xx/3xx.</summary>
    public static async Task<HttpStatusCode?> TimedAsync(Stats stats, Kind kind, Options options, Func<CancellationToken, Task<HttpStatusCode>> send,
        Func<HttpStatusCode, bool>? ok = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var clock = Stopwatch.StartNew();
        try
        {
            var status = await send(timeout.Token);
            stats.Record(kind, clock.Elapsed.TotalMilliseconds);
            if (!(ok ?? IsSuccess)(status))
            {
                stats.Error(kind, ((int)status).ToString(CultureInfo.InvariantCulture));
            }
            return status;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            stats.Error(kind, $"timeout ({options.TimeoutSeconds} s)");
        }
        catch (HttpRequestException ex)
        {
            stats.Error(kind, $"{ex.GetType().Name}: {ex.HttpRequestError}");
        }
        catch (IOException ex)
        {
            // A connection broken while the body was read (HttpIOException) surfaces here rather than as HttpRequestException.
            stats.Error(kind, ex.GetType().Name);
        }
        return null;
    }

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 400;

    public static HttpClient Client(string baseUrl) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };

    public static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way the browser does, with the page's antiforgery token (its cookie is in the client).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in through the login form; waits out the login rate limit (429) instead of failing.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await GetPageAsync(client, "/account/login");
            using var response = await PostFormAsync(client, "/account/login", Html.Token(page),
                [new("Email", email), new("Password", password), new("RememberMe", "false")]);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return;
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 30)
            {
                Console.WriteLine($"  login rate limit reached; waiting 5 s before signing in {email}");
                await Task.Delay(TimeSpan.FromSeconds(5));
                continue;
            }
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode} instead of a redirect.");
        }
    }
}

internal static partial class Html
{
    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No antiforgery token on the page.");

    public static string? InputValue(string html, string name)
    {
        var input = Regex.Match(html, $"<input\\b[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>");
        return input.Success ? Attribute(input.Value, "value") : null;
    }

    public static string? SelectedOption(string html, string name)
    {
        var select = Regex.Match(html, $"<select\\b[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        if (!select.Success)
        {
            return null;
        }
        return OptionPattern().Matches(select.Groups[1].Value).Select(o => o.Value)
            .Where(o => o.Contains("selected=\"selected\"", StringComparison.Ordinal)).Select(o => Attribute(o, "value")).FirstOrDefault();
    }

    public static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\b{Regex.Escape(name)}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The validation messages on a form that came back, for the exception text.</summary>
    public static string Errors(string html) => string.Join(" | ", ErrorPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))
        .Where(t => t.Length > 0));

    [GeneratedRegex("class=\"[^\"]*(?:text-danger|alert-danger)[^\"]*\"[^>]*>(?:\\s*<ul>\\s*<li>)?([^<]*)<")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex OptionPattern();
}

/// <summary>One editor: its own account, cookies and text (one language of one section), and the last text the server confirmed.</summary>
internal sealed partial class Editor(int number, string email, string password, string baseUrl, Guid reportId, Guid sectionId, string language)
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat(
        "Lasten ja nuorten hyvinvointi on kehittynyt suotuisasti, mutta yksinäisyys ja ahdistuneisuus ovat yleistyneet. ", 12));

    private readonly HttpClient _client = Http.Client(baseUrl);
    private readonly string _editorPath = $"/reports/{reportId}/sections/{sectionId}";
    private string _token = string.Empty;
    private string _version = string.Empty;
    private string _saveUrl = string.Empty;
    private int _attempts;

    public int Number => number;
    public string Name => $"editor {number:00} <{email}>";

    /// <summary>The text this editor writes: one language of one section.</summary>
    public string Text => $"section {sectionId} ({language})";

    /// <summary>The number of the last save the server confirmed (200 with a new version), 0 before the first.</summary>
    public int LastConfirmed { get; private set; }

    /// <summary>The server's savedAt of the last confirmed save.</summary>
    public DateTimeOffset LastConfirmedAt { get; private set; }

    /// <summary>Saves sent after the last confirmed one whose answer never came (timeout, exception): they may have been stored.</summary>
    public HashSet<int> Unanswered { get; } = [];

    public int Confirmed { get; private set; }

    public Task SignInAsync() => Http.SignInAsync(_client, email, password);

    public async Task RunAsync(Options options, Stats stats, CancellationToken stop)
    {
        var needsPage = true;
        var savesSincePage = 0;
        while (!stop.IsCancellationRequested)
        {
            if (needsPage || savesSincePage >= 20)
            {
                // Opening the editor again now and then, as a person does; also after a conflict or a failed load.
                needsPage = !await LoadAsync(stats, options);
                savesSincePage = 0;
                if (needsPage)
                {
                    await Task.Delay(1000, CancellationToken.None);
                    continue;
                }
            }
            var save = ++_attempts;
            var html = $"<p>editor {number} save {save} {Guid.NewGuid():N}</p><p>{Filler}</p>";
            string? body = null;
            var status = await Http.TimedAsync(stats, Kind.EditorSave, options, async token =>
            {
                using var content = new MultipartFormDataContent { { new StringContent(html), "html" }, { new StringContent(_version), "version" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_saveUrl, UriKind.Relative)) { Content = content };
                request.Headers.Add("X-CSRF-TOKEN", _token);
                request.Headers.Add("Accept", "application/json");
                using var response = await _client.SendAsync(request, token);
                body = await response.Content.ReadAsStringAsync(token);
                return response.StatusCode;
            }, s => s is HttpStatusCode.OK or HttpStatusCode.Conflict);
            savesSincePage++;
            if (status == HttpStatusCode.OK)
            {
                using var answer = JsonDocument.Parse(body!);
                _version = answer.RootElement.GetProperty("version").GetString()!;
                LastConfirmed = save;
                LastConfirmedAt = answer.RootElement.GetProperty("savedAt").GetDateTimeOffset();
                Unanswered.Clear();
                Confirmed++;
            }
            else if (status == HttpStatusCode.Conflict)
            {
                // "Someone else saved": not an error; reload for the current version and write on top of it.
                stats.Conflict();
                needsPage = true;
            }
            else
            {
                // No answer (timeout, broken connection) or an error status: the text may or may not have been stored.
                Unanswered.Add(save);
                needsPage = true;
            }
            if (options.EditorThinkMs > 0)
            {
                await Task.Delay(options.EditorThinkMs, CancellationToken.None);
            }
        }
    }

    private async Task<bool> LoadAsync(Stats stats, Options options)
    {
        string? page = null;
        var status = await Http.TimedAsync(stats, Kind.EditorPage, options, async token =>
        {
            using var response = await _client.GetAsync(new Uri(_editorPath, UriKind.Relative), token);
            page = await response.Content.ReadAsStringAsync(token);
            return response.StatusCode;
        }, s => s == HttpStatusCode.OK);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }
        var pane = Pane(page!);
        _token = Html.Token(page!);
        _version = pane.Version;
        _saveUrl = pane.SaveUrl;
        return true;
    }

    /// <summary>
    /// Reads a text back through the editor page of its first writer. Null when it holds the latest save the server
    /// confirmed for it, or one of its writers' unanswered saves (sent later, its answer lost: it may have been stored).
    /// </summary>
    public static async Task<string?> VerifyAsync(IReadOnlyList<Editor> writers)
    {
        var first = writers[0];
        var page = await Http.GetPageAsync(first._client, first._editorPath);
        var found = SavePattern().Match(first.Pane(page).Html);
        var (storedEditor, storedSave) = found.Success
            ? (int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(found.Groups[2].Value, CultureInfo.InvariantCulture))
            : (0, 0);
        var latest = writers.Where(w => w.LastConfirmed > 0).MaxBy(w => w.LastConfirmedAt);
        // Nothing confirmed in this run, nothing to lose (the text may still hold an earlier run's save with --url).
        if (latest is null || (storedEditor == latest.Number && storedSave == latest.LastConfirmed)
            || writers.Any(w => w.Number == storedEditor && w.Unanswered.Contains(storedSave)))
        {
            return null;
        }
        var expected = latest is null ? "no confirmed save" : $"editor {latest.Number} save {latest.LastConfirmed}";
        return $"expected {expected}, the stored text is {(storedSave == 0 ? "none of the test's saves" : $"editor {storedEditor} save {storedSave}")}";
    }

    private (string Version, string SaveUrl, string Html) Pane(string page)
    {
        var start = page.IndexOf($"id=\"pane-{language}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{Name}: the editor page has no {language} pane.");
        }
        var tagEnd = page.IndexOf('>', start);
        var tag = page[start..tagEnd];
        if (Html.Attribute(tag, "data-rich-editor") != "true")
        {
            throw new InvalidOperationException($"{Name}: the {language} text is read-only for this editor.");
        }
        var template = TemplatePattern().Match(page, tagEnd);
        return (Html.Attribute(tag, "data-version")!, Html.Attribute(tag, "data-save-url")!, template.Groups[1].Value);
    }

    [GeneratedRegex("editor (\\d+) save (\\d+)")]
    private static partial Regex SavePattern();

    [GeneratedRegex("<template class=\"initial-html\">(.*?)</template>", RegexOptions.Singleline)]
    private static partial Regex TemplatePattern();
}

/// <summary>
/// Before the timed phase: the editors' accounts (created by the admin through /admin/users/new, passwords set through
/// the invitation link the app logs in demo mode), their sections (assigned by the coordinator), and their sign-ins.
/// </summary>
internal static partial class Setup
{
    public const string DemoPassword = "Valfard-demo-2026!";
    public const string EditorPassword = "Load-editor-2026-pass";
    private const string ReportSlugPath = "/fi/demo/hyvinvointikertomus-2021-2025";

    public static async Task<(IReadOnlyList<Editor> Editors, IReadOnlyList<string> PublicPaths)> RunAsync(string baseUrl, Options options, string? dataDirectory)
    {
        var publicPaths = await PublicPathsAsync(baseUrl);
        Console.WriteLine($"public paths: {string.Join(", ", publicPaths)}");

        var emails = Enumerable.Range(1, options.Editors).Select(i => $"load-editor-{i:00}@demo.test").ToList();
        using (var admin = Http.Client(baseUrl))
        {
            await Http.SignInAsync(admin, "admin@demo.test", DemoPassword);
            var list = await Http.GetPageAsync(admin, "/admin/users");
            var missing = emails.Where(e => !list.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var email in missing)
            {
                var form = await Http.GetPageAsync(admin, "/admin/users/new");
                // An editor needs a sector; the section the editor writes is assigned to them by name below.
                var sector = SectorCheckbox().Match(form).Groups[1].Value;
                using var response = await Http.PostFormAsync(admin, "/admin/users/new", Html.Token(form),
                    [new("DisplayName", DisplayName(email)), new("Email", email), new("Roles", "Editor"), new("SectorIds", sector), new("ConcurrencyStamp", "")]);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Creating {email} answered {(int)response.StatusCode}: {Html.Errors(await response.Content.ReadAsStringAsync())}");
                }
            }
            if (missing.Count > 0)
            {
                Console.WriteLine($"created {missing.Count} editor accounts; setting their passwords through the invitation links");
                await SetPasswordsAsync(baseUrl, missing, dataDirectory);
            }
        }

        var sections = new List<(Guid Report, Guid Section)>();
        using (var coordinator = Http.Client(baseUrl))
        {
            await Http.SignInAsync(coordinator, "coordinator@demo.test", DemoPassword);
            var reports = await Http.GetPageAsync(coordinator, "/reports");
            var reportId = Guid.Parse(BoardLink().Match(reports).Groups[1].Value);
            var board = await Http.GetPageAsync(coordinator, $"/reports/{reportId}");
            var sectionIds = SectionLink().Matches(board).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
            // Two editors per section, one per language: nobody shares a text by design. With --share both write Finnish.
            var needed = (options.Editors + 1) / 2;
            if (sectionIds.Count < needed)
            {
                throw new InvalidOperationException($"The draft report has {sectionIds.Count} sections; {options.Editors} editors need {needed}.");
            }
            for (var s = 0; s < needed; s++)
            {
                await AssignAsync(coordinator, reportId, sectionIds[s], emails.Skip(2 * s).Take(2).Select(DisplayName).ToList());
                sections.Add((reportId, sectionIds[s]));
            }
        }

        var editors = emails.Select((email, i) => new Editor(i + 1, email, EditorPassword, baseUrl, sections[i / 2].Report, sections[i / 2].Section,
            options.Share || i % 2 == 0 ? "fi" : "sv")).ToList();
        Console.WriteLine($"signing in {editors.Count} editors (the login rate limit may make this wait)");
        foreach (var editor in editors)
        {
            await editor.SignInAsync();
        }
        return (editors, publicPaths);
    }

    private static string DisplayName(string email) => $"Load editor {email[12..14]}";

    private static async Task<IReadOnlyList<string>> PublicPathsAsync(string baseUrl)
    {
        using var client = Http.Client(baseUrl);
        var swedish = await Http.GetPageAsync(client, "/sv/demo");
        var svReport = Regex.Match(swedish, "href=\"(/sv/demo/[a-z0-9-]*2021-2025)\"") is { Success: true } m ? m.Groups[1].Value : "/sv/demo/hyvinvointikertomus-2021-2025";
        string[] paths =
        [
            "/fi", "/sv", "/fi/demo", "/sv/demo", ReportSlugPath, svReport, ReportSlugPath + "/pdf", ReportSlugPath + "/indicators.csv",
            ReportSlugPath + "/data.json", "/fi/demo", svReport + "/pdf", ReportSlugPath,
        ];
        foreach (var path in paths.Distinct())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative)); // checks the path and warms the cache
            await response.Content.CopyToAsync(Stream.Null);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
            }
        }
        return paths;
    }

    /// <summary>Demo mode logs mail instead of sending it; the invitation's link is in the app's log file.</summary>
    private static async Task SetPasswordsAsync(string baseUrl, IReadOnlyList<string> emails, string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            throw new InvalidOperationException("New editor accounts need their invitation links from the app's log: pass --data-dir of the running app.");
        }
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var wait = 0; wait < 20 && emails.Any(e => !links.ContainsKey(e)); wait++)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(dataDirectory, "logs"), "valfard-*.log"))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                foreach (Match link in ResetLink().Matches(await reader.ReadToEndAsync()))
                {
                    links[Uri.UnescapeDataString(link.Groups[2].Value)] = link.Groups[1].Value; // the latest link per address wins
                }
            }
            await Task.Delay(500);
        }
        using var client = Http.Client(baseUrl);
        foreach (var email in emails)
        {
            var link = links.GetValueOrDefault(email) ?? throw new InvalidOperationException($"No invitation link for {email} in the app's log.");
            var code = ResetCode().Match(link).Groups[1].Value;
            for (var attempt = 0; ; attempt++)
            {
                var page = await Http.GetPageAsync(client, link);
                using var response = await Http.PostFormAsync(client, "/account/reset-password", Html.Token(page),
                    [new("Email", email), new("Code", code), new("Password", EditorPassword), new("ConfirmPassword", EditorPassword)]);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    break;
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 30)
                {
                    Console.WriteLine($"  login rate limit reached (it covers password resets too); waiting 5 s for {email}");
                    await Task.Delay(TimeSpan.FromSeconds(5));
                    continue;
                }
                throw new InvalidOperationException($"Setting the password of {email} answered {(int)response.StatusCode}: {Html.Errors(await response.Content.ReadAsStringAsync())}");
            }
        }
    }

    /// <summary>Adds the named people to the section's editors through the coordinator's assignment form, keeping the rest.</summary>
    private static async Task AssignAsync(HttpClient coordinator, Guid reportId, Guid sectionId, IReadOnlyList<string> names)
    {
        var path = $"/reports/{reportId}/sections/{sectionId}/assign";
        var form = await Http.GetPageAsync(coordinator, path);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Version", Html.InputValue(form, "Version") ?? ""),
            new("SectorId", Html.SelectedOption(form, "SectorId") ?? ""),
            new("DueDate", Html.InputValue(form, "DueDate") ?? ""),
            new("Status", Html.SelectedOption(form, "Status") ?? "NotStarted"),
        };
        foreach (Match box in EditorCheckbox().Matches(form))
        {
            var id = box.Groups[1].Value;
            var label = Regex.Match(form, $"for=\"editor-{id}\">([^<]*)<").Groups[1].Value;
            if (box.Value.Contains("checked=\"checked\"", StringComparison.Ordinal) || names.Any(n => label.StartsWith(n, StringComparison.Ordinal)))
            {
                fields.Add(new("EditorIds", id));
            }
        }
        using var response = await Http.PostFormAsync(coordinator, path, Html.Token(form), fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Assigning section {sectionId} answered {(int)response.StatusCode}: {Html.Errors(await response.Content.ReadAsStringAsync())}");
        }
    }

    [GeneratedRegex("name=\"SectorIds\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SectorCheckbox();

    [GeneratedRegex("href=\"/reports/([0-9a-f-]{36})\"")]
    private static partial Regex BoardLink();

    [GeneratedRegex("href=\"/reports/[0-9a-f-]{36}/sections/([0-9a-f-]{36})\"")]
    private static partial Regex SectionLink();

    [GeneratedRegex("<input\\b[^>]*name=\"EditorIds\" value=\"([0-9a-f-]{36})\"[^>]*>")]
    private static partial Regex EditorCheckbox();

    [GeneratedRegex("(https?://\\S+/account/reset-password\\?email=([^&\\s]+)&code=[A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();

    [GeneratedRegex("code=([A-Za-z0-9_-]+)")]
    private static partial Regex ResetCode();
}

internal sealed class App : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(3) };
    private readonly Process _process;
    private readonly StreamWriter _console;
    private readonly Lock _gate = new();
    private bool _closed;

    private App(Process process, string url, StreamWriter console)
    {
        _process = process;
        _console = console;
        Url = url;
    }

    private void Write(string? line)
    {
        lock (_gate)
        {
            if (line is not null && !_closed)
            {
                _console.WriteLine(line);
            }
        }
    }

    public string Url { get; }

    /// <summary>Starts Valfard.Web's Release (or Debug) build: demo data, the given data directory, its log file there.</summary>
    public static async Task<App> StartAsync(string data, int? loginPerMinute)
    {
        var webProject = FindWebProject();
        string[] configurations = ["Release", "Debug"];
        var dll = configurations.Select(c => Path.Combine(webProject, "bin", c, "net10.0", "Valfard.Web.dll")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Build Valfard.Web first: dotnet build -c Release src/Valfard.Web");
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = webProject, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the demo data, mail written to the log
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Valfard__DataDirectory"] = data;
        info.Environment["Valfard__Demo"] = "true";
        info.Environment["Valfard__LogToFile"] = "true";
        if (loginPerMinute is { } limit)
        {
            info.Environment["Valfard__RateLimits__LoginPerMinute"] = limit.ToString(CultureInfo.InvariantCulture);
        }
        Console.WriteLine($"starting {dll}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Valfard.Web did not start.");
        // The console also carries what the file log does not (request log lines); it goes to console.log next to the logs.
        var app = new App(process, $"http://127.0.0.1:{port}", new StreamWriter(Path.Combine(data, "console.log")) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => app.Write(e.Data);
        process.ErrorDataReceived += (_, e) => app.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 360; i++)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(app.Url + "/health"));
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("Healthy", StringComparison.Ordinal))
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited)
            {
                break;
            }
            await Task.Delay(500);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("Valfard.Web did not answer /health with Healthy within three minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_gate)
        {
            _closed = true;
            _console.Dispose();
        }
    }

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Valfard.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("src/Valfard.Web not found above the benchmark.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
