// Scale benchmark: the pages people open every day, answered over HTTP by the running app with 5,000,000 indicator
// values in its SQLite database (500 indicators × 330 regions × 10 years × 3 genders, in Sotkanet's shape), one
// request at a time, printing p50/p95/max per page against the targets of issues 14 §7 and 15 §3.
// Run: dotnet build -c Release src/Valfard.Web && dotnet run -c Release --project bench/Valfard.Bench.Scale
//      [-- --requests N] [--indicators N] [--keep]
// Needs Chromium at /usr/bin/chromium like the other benchmarks (the demo archive prints its PDFs at first start).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

var requests = Option("--requests", 200);
var indicatorCount = Option("--indicators", 500);
var keep = args.Contains("--keep");
const int FirstIndicatorId = 300_001;
const int NewMunicipalities = 306;
const int NewCounties = 20;
const int FirstYear = 2015;
const int Years = 10;
const int OverviewSetSize = 150;
const string DemoOrganisation = "0D3E0000-0000-4000-8000-000000000995";
const int DemoMunicipality = 99001;

var webProject = FindWebProject();
string[] configurations = ["Release", "Debug"];
var dll = configurations.Select(c => Path.Combine(webProject, "bin", c, "net10.0", "Valfard.Web.dll")).FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("Build Valfard.Web first: dotnet build -c Release src/Valfard.Web");
var data = Path.Combine(Path.GetTempPath(), $"valfard-bench-scale-{Guid.NewGuid():N}");
Directory.CreateDirectory(data);
Console.WriteLine($"Valfard scale benchmark: {dll}, {Environment.ProcessorCount} cores, {requests} timed requests per page");

try
{
    // 1. The app creates its database and the demo data the way it does on a first start, then stops, so the values
    //    can be written without the app's own writes in between.
    var timer = Stopwatch.StartNew();
    await using (await App.StartAsync(dll, webProject, data))
    {
    }
    Console.WriteLine($"demo database created in {timer.Elapsed.TotalSeconds:F1} s");

    // 2. The catalogue (EF Core, through the domain's own types) and the values (a raw prepared insert: 5,000,000
    //    rows through EF would only measure EF).
    var database = Path.Combine(data, "valfard.db");
    timer.Restart();
    var fixture = await FillAsync(database);
    Console.WriteLine($"filled {fixture.Values:N0} values ({indicatorCount} indicators × {fixture.Regions} regions × {Years} years × 3 genders) " +
        $"in {timer.Elapsed.TotalSeconds:F1} s; database {new FileInfo(database).Length / 1024 / 1024:N0} MB; " +
        $"{fixture.TotalValues:N0} values in the table");

    // 3. The app again, over the filled database; the coordinator of the demo municipality signs in.
    await using var app = await App.StartAsync(dll, webProject, data);
    using var client = app.SignedInClient();
    await SignInAsync(client, "coordinator@demo.test", "Valfard-demo-2026!");

    var sectionEditor = $"/reports/{fixture.ReportId}/sections/{fixture.SectionId}";
    var overview = $"/indicators/overview?set={fixture.SetId}";
    string[] searches = ["työttömyys", "ylipaino", "arbetslöshet", "loneliness", "koulukiusaaminen", "3001", "alkoholi", "vanhukset"];
    var rows = new List<(string Name, Timing Timing, double TargetMs)>
    {
        ("catalogue page", await TimeAsync(client, i => $"/indicators?page={i % 20 + 1}"), 150),
        ("catalogue search", await TimeAsync(client, i => $"/indicators?search={Uri.EscapeDataString(searches[i % searches.Length])}"), 150),
        ("indicator page", await TimeAsync(client, i => $"/indicators/{FirstIndicatorId + i * 7 % indicatorCount}"), 150),
        ("section editor, 5 blocks", await TimeAsync(client, _ => sectionEditor), 150),
        ($"overview, {OverviewSetSize} indicators", await TimeAsync(client, _ => overview), 300),
    };

    Console.WriteLine();
    Console.WriteLine($"{"page",-30}{"p50",10}{"p95",10}{"max",10}   target p95");
    foreach (var (name, timing, target) in rows)
    {
        Console.WriteLine($"{name,-30}{timing.P50,8:N0}ms{timing.P95,8:N0}ms{timing.Max,8:N0}ms   < {target} ms: {(timing.P95 < target ? "met" : "NOT met")}");
    }
}
finally
{
    if (keep)
    {
        Console.WriteLine($"kept {data}");
    }
    else
    {
        Directory.Delete(data, recursive: true);
    }
}

async Task<Timing> TimeAsync(HttpClient client, Func<int, string> path)
{
    // Warm-up: the first requests compile views and fill SQLite's page cache; a reader opens a page many times.
    for (var i = 0; i < 10; i++)
    {
        await GetAsync(client, path(i));
    }
    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        await GetAsync(client, path(i));
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return new Timing(Percentile(times, 0.50), Percentile(times, 0.95), times[^1]);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task GetAsync(HttpClient client, string path)
{
    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
    }
    if (body.Length < 1000)
    {
        throw new InvalidOperationException($"{path} answered with only {body.Length} characters.");
    }
}

static async Task SignInAsync(HttpClient client, string email, string password)
{
    var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var form = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("RememberMe", "false"),
        new("__RequestVerificationToken", token)]);
    using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode} instead of a redirect.");
    }
}

async Task<Fixture> FillAsync(string database)
{
    var options = new DbContextOptionsBuilder<ValfardDbContext>();
    DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={database}");
    await using var db = new ValfardDbContext(options.Options, NoOrganisation.Instance);

    // Regions: Sotkanet has about 330 that a page can show (308 municipalities, 21 counties and the country); the
    // demo has four. The new municipalities belong to the new counties, the demo's stay in the demo county.
    var regionIds = await db.Regions.Select(r => r.Id).ToListAsync();
    for (var c = 0; c < NewCounties; c++)
    {
        db.Regions.Add(new Region(100_401 + c)
        {
            TitleFi = $"Hyvinvointialue {c + 1}",
            TitleSv = $"Välfärdsområde {c + 1}",
            TitleEn = $"County {c + 1}",
            Code = $"B{c + 1:00}",
            Category = "HYVINVOINTIALUE",
            MemberOf = "99000",
        });
        regionIds.Add(100_401 + c);
    }
    for (var m = 0; m < NewMunicipalities; m++)
    {
        db.Regions.Add(new Region(100_001 + m)
        {
            TitleFi = $"Kunta {m + 1}",
            TitleSv = $"Kommun {m + 1}",
            TitleEn = $"Municipality {m + 1}",
            Code = $"{m + 1:000}",
            Category = "KUNTA",
            MemberOf = $"{100_401 + m % NewCounties},99000",
        });
        regionIds.Add(100_001 + m);
    }

    // Indicators with real-looking titles in three languages, so a search has words to find, half with a direction.
    string[][] topics =
    [
        ["Työttömyys", "Arbetslöshet", "Unemployment"], ["Lasten ylipaino", "Övervikt hos barn", "Overweight in children"],
        ["Yksinäisyys", "Ensamhet", "Loneliness"], ["Koulukiusaaminen", "Mobbning i skolan", "Bullying at school"],
        ["Alkoholin käyttö", "Alkoholbruk", "Alcohol use"], ["Vanhukset kotona", "Äldre som bor hemma", "Older people at home"],
        ["Liikunta", "Motion", "Physical activity"], ["Toimeentulotuki", "Utkomststöd", "Social assistance"],
    ];
    for (var i = 0; i < indicatorCount; i++)
    {
        var topic = topics[i % topics.Length];
        var indicator = new Indicator(FirstIndicatorId + i)
        {
            Title = new LocalizedText($"{topic[0]}, % väestöstä ({i + 1})", $"{topic[1]}, % av befolkningen ({i + 1})", $"{topic[2]}, % of population ({i + 1})"),
            Description = new LocalizedText($"<p>Kuvaus {i + 1}.</p>", $"<p>Beskrivning {i + 1}.</p>", $"<p>Description {i + 1}.</p>"),
            UnitCode = "PERCENT",
            Unit = new LocalizedText("prosenttia", "procent", "per cent"),
            Decimals = 1,
            HasFullMetadata = true,
            Subjects = [new LocalizedText(topic[0], topic[1], topic[2])],
        };
        indicator.ChangeDirection(i % 2 == 0 ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter);
        db.Indicators.Add(indicator);
    }

    // The organisation's view of them: a 150-indicator set for the overview and a draft section with five blocks.
    var organisation = Guid.Parse(DemoOrganisation);
    var set = new IndicatorSet(Guid.NewGuid(), organisation, "Scale benchmark");
    for (var i = 0; i < OverviewSetSize; i++)
    {
        set.Add(FirstIndicatorId + i);
    }
    db.IndicatorSets.Add(set);
    // Ten comparison municipalities, as the suggestion gives: their median is judged against on every page.
    if (!await db.PeerGroups.IgnoreQueryFilters().AnyAsync(g => g.OrganisationId == organisation))
    {
        var peers = new PeerGroup(Guid.NewGuid(), organisation);
        peers.Choose(Enumerable.Range(100_001, 10), DemoMunicipality);
        db.PeerGroups.Add(peers);
    }
    await db.SaveChangesAsync();

    await db.Database.OpenConnectionAsync();
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    var section = await FirstEmptyDraftSectionAsync(connection, organisation);
    for (var b = 0; b < 5; b++)
    {
        db.SectionIndicators.Add(new SectionIndicator(section.SectionId, organisation, FirstIndicatorId + b * 11, b));
    }
    await db.SaveChangesAsync();

    // The values: a value per region, year and gender with a numerator, as Sotkanet gives them. One transaction and a
    // prepared statement, the fastest SQLite allows, because this is the bench's set-up, not what it measures.
    long written = 0;
    await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO IndicatorValues (IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES ($i, $r, $y, $g, $v, $a)";
        var pi = insert.Parameters.Add("$i", SqliteType.Integer);
        var pr = insert.Parameters.Add("$r", SqliteType.Integer);
        var py = insert.Parameters.Add("$y", SqliteType.Integer);
        var pg = insert.Parameters.Add("$g", SqliteType.Integer);
        var pv = insert.Parameters.Add("$v", SqliteType.Real);
        var pa = insert.Parameters.Add("$a", SqliteType.Real);
        insert.Prepare();
        var random = new Random(14);
        for (var i = 0; i < indicatorCount; i++)
        {
            var level = 5 + i % 40;
            foreach (var region in regionIds)
            {
                var population = 2_000 + region % 97 * 500;
                var regional = random.NextDouble() * 6 - 3;
                for (var y = 0; y < Years; y++)
                {
                    foreach (var gender in new[] { Gender.Total, Gender.Male, Gender.Female })
                    {
                        var share = Math.Clamp(level + regional + y * 0.2 + (int)gender * 0.7 + random.NextDouble(), 0.1, 99.9);
                        var denominator = gender == Gender.Total ? population : population / 2;
                        pi.Value = FirstIndicatorId + i;
                        pr.Value = region;
                        py.Value = FirstYear + y;
                        pg.Value = (int)gender;
                        pv.Value = Math.Round(share, 1);
                        pa.Value = Math.Round(share * denominator / 100);
                        await insert.ExecuteNonQueryAsync();
                        written++;
                    }
                }
            }
        }
        await transaction.CommitAsync();
    }
    await using (var analyse = connection.CreateCommand())
    {
        // What an operator's database has after a while of use; without it SQLite may pick a poorer index.
        analyse.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await analyse.ExecuteNonQueryAsync();
    }
    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM IndicatorValues";
    var total = (long)(await count.ExecuteScalarAsync())!;
    return new Fixture(section.ReportId, section.SectionId, set.Id, regionIds.Count, written, total);
}

static async Task<(Guid ReportId, Guid SectionId)> FirstEmptyDraftSectionAsync(SqliteConnection connection, Guid organisation)
{
    await using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT s.ReportId, s.Id FROM ReportSections s JOIN WelfareReports r ON r.Id = s.ReportId
        WHERE r.OrganisationId = $o AND r.Status = 'Draft'
          AND NOT EXISTS (SELECT 1 FROM SectionIndicators i WHERE i.SectionId = s.Id)
        ORDER BY s.Position LIMIT 1
        """;
    command.Parameters.AddWithValue("$o", organisation.ToString().ToUpperInvariant());
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        throw new InvalidOperationException("The demo has no draft report section without indicator blocks.");
    }
    return (Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)));
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindWebProject()
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

internal sealed record Timing(double P50, double P95, double Max);

internal sealed record Fixture(Guid ReportId, Guid SectionId, Guid SetId, int Regions, long Values, long TotalValues);

/// <summary>Valfard.Web as its own process on a free port, with the demo data in a data directory of the bench's.</summary>
internal sealed class App : IAsyncDisposable
{
    private static readonly HttpClient Health = new() { Timeout = TimeSpan.FromMinutes(3) };
    private readonly Process _process;

    private App(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public HttpClient SignedInClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Url),
            Timeout = TimeSpan.FromMinutes(2),
        };

    public static async Task<App> StartAsync(string dll, string contentRoot, string data)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the demo data
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Valfard__DataDirectory"] = data;
        info.Environment["Valfard__LogToFile"] = "false";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // The weekly sync (off in Development anyway) must not start a run against the real Sotkanet during the timing.
        info.Environment["Valfard__Sync__Enabled"] = "false";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Valfard.Web did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new App(process, $"http://127.0.0.1:{port}");
        for (var i = 0; i < 480; i++)
        {
            try
            {
                if ((await Health.GetAsync(app.Url + "/health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("Valfard.Web did not answer /health within four minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
