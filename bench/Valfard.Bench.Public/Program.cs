// Public site benchmark: wrk against the published demo report page and against a static file of the same app, in
// one run on one machine, printing requests per second, their ratio (target ≥ 0.5 with the cache warm) and the
// uncached report page's p95. The app runs as its own process from its Release build, with the demo data.
// Run: dotnet build -c Release src/Valfard.Web && dotnet run -c Release --project bench/Valfard.Bench.Public [-- seconds connections]
// Needs wrk (apt-get install -y wrk) and Chromium (the demo archive prints its PDFs at first start).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
const string ReportPath = "/fi/demo/hyvinvointikertomus-2021-2025";
const string StaticPath = "/css/site.css";

var webProject = FindWebProject();
string[] configurations = ["Release", "Debug"];
var dll = configurations.Select(c => Path.Combine(webProject, "bin", c, "net10.0", "Valfard.Web.dll")).FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("Build Valfard.Web first: dotnet build -c Release src/Valfard.Web");
var script = Path.Combine(Path.GetTempPath(), "valfard-bench-p95.lua");
await File.WriteAllTextAsync(script, """
    done = function(summary, latency, requests)
      io.write(string.format("RPS %f\nP95 %f\nERR %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
    end
    """);
Console.WriteLine($"Valfard public site benchmark: {dll}, wrk {seconds}s × {connections} connections, {Environment.ProcessorCount} cores");

// The data directory is shared by both runs so the demo is seeded (and its PDFs printed) only once.
var data = Path.Combine(Path.GetTempPath(), $"valfard-bench-public-{Guid.NewGuid():N}");
Directory.CreateDirectory(data);
try
{
    WrkResult uncached;
    await using (var app = await App.StartAsync(dll, webProject, data, cacheMinutes: 0))
    {
        await app.GetAsync(ReportPath);
        uncached = await WrkAsync(app.Url + ReportPath);
    }
    await using (var app = await App.StartAsync(dll, webProject, data, cacheMinutes: 10))
    {
        await app.GetAsync(ReportPath); // warms the cache
        await app.GetAsync(StaticPath);
        var report = await WrkAsync(app.Url + ReportPath);
        var file = await WrkAsync(app.Url + StaticPath);
        Console.WriteLine();
        Console.WriteLine($"report page, cached     {report.RequestsPerSecond,10:N0} req/s   p95 {report.P95Ms,7:N2} ms   errors {report.Errors}");
        Console.WriteLine($"static file {StaticPath,-12}{file.RequestsPerSecond,10:N0} req/s   p95 {file.P95Ms,7:N2} ms   errors {file.Errors}");
        Console.WriteLine($"report page, uncached   {uncached.RequestsPerSecond,10:N0} req/s   p95 {uncached.P95Ms,7:N2} ms   errors {uncached.Errors}");
        var ratio = report.RequestsPerSecond / file.RequestsPerSecond;
        Console.WriteLine($"ratio cached report / static file: {ratio:N2} (target ≥ 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");
        Console.WriteLine($"uncached report page p95: {uncached.P95Ms:N1} ms");
    }
}
finally
{
    Directory.Delete(data, recursive: true);
}

async Task<WrkResult> WrkAsync(string url)
{
    var info = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url])
    { RedirectStandardOutput = true, RedirectStandardError = true };
    using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start; install it: apt-get install -y wrk");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    double Value(string key) => double.Parse(Regex.Match(output, $"^{key} ([0-9.]+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
    return new WrkResult(Value("RPS"), Value("P95"), (int)Value("ERR"));
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

internal sealed record WrkResult(double RequestsPerSecond, double P95Ms, int Errors);

internal sealed class App : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(3) };
    private readonly Process _process;

    private App(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<App> StartAsync(string dll, string contentRoot, string data, int cacheMinutes)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the demo data; request logging stays at its defaults
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Valfard__DataDirectory"] = data;
        info.Environment["Valfard__LogToFile"] = "false";
        info.Environment["Valfard__PublicCacheMinutes"] = cacheMinutes.ToString(CultureInfo.InvariantCulture);
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Valfard.Web did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new App(process, $"http://127.0.0.1:{port}");
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await Http.GetAsync(app.Url + "/health")).IsSuccessStatusCode)
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
        throw new InvalidOperationException("Valfard.Web did not answer /health within two minutes.");
    }

    public async Task GetAsync(string path)
    {
        var response = await Http.GetAsync(Url + path);
        response.EnsureSuccessStatusCode();
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
