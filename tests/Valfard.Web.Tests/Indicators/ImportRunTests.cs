using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// Imports and syncs as runs recorded in the database and run one at a time by the app's worker: their records,
/// a failure that applies nothing, a restart that cuts one off, the queue's order, and an editor's autosave while a
/// large import runs.
/// </summary>
public sealed class ImportRunTests : IDisposable
{
    private readonly ValfardFactory _factory = new();
    private readonly List<string> _files = [];

    public static async Task<ImportRun> StartAsync<T>(WebApplicationFactory<Program> app, Func<IndicatorImportJobs, Task<T>> start) where T : ImportRun?
    {
        using var scope = app.Services.CreateScope();
        return await start(scope.ServiceProvider.GetRequiredService<IndicatorImportJobs>()) ?? throw new InvalidOperationException("Not queued");
    }

    public static async Task<ImportRun> RunAsync(WebApplicationFactory<Program> app, Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ValfardDbContext>().ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Waits for the worker to finish a run (at most two minutes) and returns its record.</summary>
    public static async Task<ImportRun> FinishedAsync(WebApplicationFactory<Program> app, Guid id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await RunAsync(app, id);
            if (run.IsFinished || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                return run;
            }
            await Task.Delay(50);
        }
    }

    private string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"valfard-run-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }

    private Task<ImportRun> UploadAsync(string content, string name, Guid? userId = null) =>
        StartAsync(_factory, jobs => jobs.StartFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, userId ?? Guid.NewGuid(), CancellationToken.None));

    private Task<int> StagedAsync() => _factory.QueryAsync(db => db.StagedIndicatorValues.CountAsync());

    private static string Rows(params (int Indicator, int Region, int Year, double Value)[] rows) =>
        "[" + string.Join(",", rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $$"""{"indicator":{{r.Indicator}},"region":{{r.Region}},"year":{{r.Year}},"gender":"total","value":{{r.Value}}}"""))) + "]";

    private async Task<(int Indicator, int Region)> DemoIdsAsync() =>
        (await _factory.QueryAsync(db => db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
         await _factory.QueryAsync(db => db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()));

    [Fact]
    public async Task A_file_run_is_recorded_with_its_counts_and_its_file_and_staged_rows_are_gone_afterwards()
    {
        var (indicator, region) = await DemoIdsAsync();
        var first = await UploadAsync(Rows((indicator, region, 1951, 1.5), (indicator, region, 1952, 2.5), (indicator, 999_999, 1952, 1)), "values.json");
        Assert.Equal(ImportRunKind.File, first.Kind);
        Assert.True(File.Exists(first.FilePath), "The upload waits in the imports folder for its run");

        var done = await FinishedAsync(_factory, first.Id);

        Assert.Equal(ImportRunState.Done, done.State);
        Assert.Equal((2, 0, 0, 1, "999999"), (done.Added, done.Updated, done.Unchanged, done.Skipped, done.UnknownRegions));
        Assert.NotNull(done.StartedAt);
        Assert.True(done.FinishedAt >= done.StartedAt);
        Assert.False(File.Exists(first.FilePath), "The file is deleted after its run");
        Assert.Equal(0, await StagedAsync());
        Assert.Equal(2.5, await _factory.QueryAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == indicator && v.RegionId == region && v.Year == 1952)
            .Select(v => v.Value).SingleAsync()));

        var again = await FinishedAsync(_factory, (await UploadAsync(Rows((indicator, region, 1951, 1.5), (indicator, region, 1952, 3)), "values.json")).Id);
        Assert.Equal((0, 1, 1), (again.Added, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task A_file_with_a_bad_last_row_fails_naming_the_row_and_field_and_applies_nothing()
    {
        var (indicator, region) = await DemoIdsAsync();
        var rows = Enumerable.Range(0, 12_000).Select(i => (indicator, region, 1900 + (i % 100), (double)i)).ToArray();
        var json = Rows(rows)[..^1] + string.Create(CultureInfo.InvariantCulture, $$""",{"indicator":{{indicator}},"region":{{region}},"year":1950,"gender":"both","value":1}]""");
        var before = await _factory.QueryAsync(db => db.IndicatorValues.CountAsync());

        var failed = await FinishedAsync(_factory, (await UploadAsync(json, "bad.json")).Id);

        Assert.Equal(ImportRunState.Failed, failed.State);
        Assert.Equal((ImportRunError.Format, 12_001, "gender", "UnknownGender"), (failed.Error, failed.ErrorRow, failed.ErrorField, failed.ErrorProblem));
        Assert.Equal(before, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
        Assert.Equal(0, await StagedAsync());
    }

    [Fact]
    public async Task Queued_runs_run_one_at_a_time_in_order_and_the_progress_page_says_how_many_are_ahead()
    {
        var (indicator, region) = await DemoIdsAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var coordinatorId = (await _factory.UserAsync("coordinator@demo.test")).Id;
        // A run held Running (as if another instance ran it) keeps the queue waiting while the test looks at it.
        var blocker = ImportRun.ForSync(Guid.NewGuid(), null, null, ValfardFactory.Today);
        blocker.Start(ValfardFactory.Today);
        await _factory.QueryAsync(db =>
        {
            db.ImportRuns.Add(blocker);
            return db.SaveChangesAsync();
        });
        var queued = new List<ImportRun>();
        for (var i = 0; i < 3; i++)
        {
            queued.Add(await UploadAsync(Rows((indicator, region, 1960 + i, i)), $"file-{i}.json", coordinatorId));
        }

        var page = await coordinator.Client.GetStringAsync($"/indicators/import/{queued[2].Id}");
        Assert.Contains("Queued: 3 ahead of this one", page, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.All(await Task.WhenAll(queued.Select(r => RunAsync(_factory, r.Id))), r => Assert.Equal(ImportRunState.Queued, r.State));

        await _factory.QueryAsync(async db =>
        {
            var running = await db.ImportRuns.SingleAsync(r => r.Id == blocker.Id);
            running.BeginApplying(0, 0, 0, 0, []);
            running.Complete(ValfardFactory.Today);
            return await db.SaveChangesAsync();
        });
        _factory.Services.GetRequiredService<ImportRunSignal>().Wake();
        var finished = new List<ImportRun>();
        foreach (var run in queued)
        {
            finished.Add(await FinishedAsync(_factory, run.Id));
        }

        Assert.All(finished, r => Assert.Equal(ImportRunState.Done, r.State));
        for (var i = 1; i < finished.Count; i++)
        {
            Assert.True(finished[i].StartedAt >= finished[i - 1].FinishedAt,
                $"Run {i} started at {finished[i].StartedAt:O}, before run {i - 1} finished at {finished[i - 1].FinishedAt:O}");
        }
        var done = await coordinator.Client.GetStringAsync($"/indicators/import/{queued[2].Id}");
        Assert.Contains("1 added, 0 updated, 0 unchanged", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_cut_off_by_a_restart_is_marked_interrupted_its_staged_rows_are_discarded_and_queued_runs_run_after_the_restart()
    {
        var (indicator, region) = await DemoIdsAsync();
        var now = ValfardFactory.Today;
        var cutOff = ImportRun.ForFile(Guid.NewGuid(), "cut-off.json", TempFile("[]"), Guid.NewGuid(), "Coordinator", now);
        cutOff.Start(now);
        var waiting = ImportRun.ForFile(Guid.NewGuid(), "waiting.json", TempFile(Rows((indicator, region, 1970, 7))), Guid.NewGuid(), "Coordinator", now.AddSeconds(1));
        await _factory.QueryAsync(db =>
        {
            db.ImportRuns.AddRange(cutOff, waiting);
            db.StagedIndicatorValues.Add(new Valfard.Infrastructure.Indicators.StagedIndicatorValue
            {
                RunKey = Valfard.Infrastructure.Indicators.StagedIndicatorValue.KeyOf(cutOff.Id),
                IndicatorId = indicator,
                RegionId = region,
                Year = 1971,
                Value = 71,
            });
            return db.SaveChangesAsync();
        });
        // The running app cannot start the waiting run: the database holds one run Running.
        await Task.Delay(300);
        Assert.Equal(ImportRunState.Queued, (await RunAsync(_factory, waiting.Id)).State);

        // The restart: a second app over a copy of the database as the first one left it.
        using var restarted = new ValfardFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(restarted.DatabasePath)!);
        await CopyDatabaseAsync(_factory.DatabasePath, restarted.DatabasePath);
        _ = restarted.Services;

        var interrupted = await FinishedAsync(restarted, cutOff.Id);
        var ran = await FinishedAsync(restarted, waiting.Id);

        Assert.Equal((ImportRunState.Failed, ImportRunError.Interrupted), (interrupted.State, interrupted.Error));
        Assert.Equal((ImportRunState.Done, 1), (ran.State, ran.Added));
        Assert.Equal(0, await restarted.QueryAsync(db => db.StagedIndicatorValues.CountAsync()));
        Assert.False(await restarted.QueryAsync(db => db.IndicatorValues.AnyAsync(v => v.Year == 1971)), "Nothing of the cut-off run is visible");
        Assert.False(File.Exists(cutOff.FilePath));
    }

    [Fact]
    public async Task A_run_that_was_applying_when_the_app_stopped_is_resumed_and_finished_whole_after_the_restart()
    {
        var (indicator, region) = await DemoIdsAsync();
        var applying = ImportRun.ForFile(Guid.NewGuid(), "applying.json", TempFile("[]"), Guid.NewGuid(), "Coordinator", ValfardFactory.Today);
        applying.Start(ValfardFactory.Today);
        applying.BeginApplying(2, 0, 0, 0, []);
        await _factory.QueryAsync(db =>
        {
            db.ImportRuns.Add(applying);
            var key = Valfard.Infrastructure.Indicators.StagedIndicatorValue.KeyOf(applying.Id);
            db.StagedIndicatorValues.AddRange(
                new Valfard.Infrastructure.Indicators.StagedIndicatorValue { RunKey = key, IndicatorId = indicator, RegionId = region, Year = 1981, Value = 81 },
                new Valfard.Infrastructure.Indicators.StagedIndicatorValue { RunKey = key, IndicatorId = indicator, RegionId = region, Year = 1982, Value = 82 });
            return db.SaveChangesAsync();
        });

        using var restarted = new ValfardFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(restarted.DatabasePath)!);
        await CopyDatabaseAsync(_factory.DatabasePath, restarted.DatabasePath);
        _ = restarted.Services;
        var resumed = await FinishedAsync(restarted, applying.Id);

        Assert.Equal((ImportRunState.Done, 2), (resumed.State, resumed.Added));
        Assert.Equal([81.0, 82.0], await restarted.QueryAsync(db => db.IndicatorValues
            .Where(v => v.IndicatorId == indicator && v.RegionId == region && v.Year > 1980 && v.Year < 1990).OrderBy(v => v.Year).Select(v => v.Value!.Value).ToListAsync()));
        Assert.Equal(0, await restarted.QueryAsync(db => db.StagedIndicatorValues.CountAsync()));
    }

    private static async Task CopyDatabaseAsync(string from, string to)
    {
        var source = new SqliteConnectionStringBuilder { DataSource = from, Pooling = false };
        await using var connection = new SqliteConnection(source.ToString());
        await connection.OpenAsync();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $target;";
        vacuum.Parameters.AddWithValue("$target", to);
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Values for every demo indicator and region in 1900–2100 (years the demo data does not have), about a quarter of
    /// a million rows: staging them takes seconds, long enough to save text while the run is still running.
    /// </summary>
    private async Task<string> LargeFileAsync()
    {
        var indicators = await _factory.QueryAsync(db => db.Indicators.Select(i => i.Id).ToListAsync());
        var regions = await _factory.QueryAsync(db => db.Regions.Select(r => r.Id).ToListAsync());
        var path = Path.Combine(Path.GetTempPath(), $"valfard-large-{Guid.NewGuid():N}.json");
        _files.Add(path);
        var rows = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteAsync('[');
        foreach (var indicator in indicators)
        {
            foreach (var region in regions)
            {
                for (var year = 1900; year <= 2100; year++)
                {
                    if (year is >= 2000 and <= 2030)
                    {
                        continue;
                    }
                    foreach (var gender in new[] { "total", "female", "male" })
                    {
                        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{(rows++ == 0 ? "" : ",")}{{\"indicator\":{indicator},\"region\":{region},\"year\":{year},\"gender\":\"{gender}\",\"value\":{rows % 997}.5}}"));
                    }
                }
            }
        }
        await writer.WriteAsync(']');
        return path;
    }

    [Fact]
    public async Task An_editor_autosave_answers_while_a_large_import_is_running()
    {
        var path = await LargeFileAsync();
        var section = await _factory.DemoSectionAsync("Liitteet");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var token = await coordinator.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        var version = section.Texts.Single(t => t.Language == "fi").Version;
        await using var content = File.OpenRead(path);
        var run = await StartAsync(_factory, jobs => jobs.StartFileAsync(content, "large.json", Guid.NewGuid(), CancellationToken.None));
        var progress = _factory.Services.GetRequiredService<ImportRunLiveProgress>();
        var waited = Stopwatch.StartNew();
        while (progress.Of(run.Id) < 2 * Valfard.Infrastructure.Indicators.IndicatorImporter.BatchSize && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        var saves = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{section.ReportId}/sections/{section.Id}/text/fi")
            {
                Content = Browser.Form(null, ("html", $"<p>Tallennus {i} tuonnin aikana</p>"), ("version", version.ToString())),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var timer = Stopwatch.StartNew();
            using var response = await coordinator.Client.SendAsync(request);
            saves.Add(timer.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            version = Guid.Parse(json.RootElement.GetProperty("version").GetString()!);
        }
        var stateAfterSaves = (await RunAsync(_factory, run.Id)).State;

        // The saves answered while the import was still running: before staging, the import held the write lock until
        // it committed and a save waited for it (up to the 30 s busy timeout).
        Assert.Equal(ImportRunState.Running, stateAfterSaves);
        Assert.All(saves, s => Assert.True(s < TimeSpan.FromSeconds(10), $"A save took {s.TotalMilliseconds:0} ms"));
        Assert.Equal(ImportRunState.Done, (await FinishedAsync(_factory, run.Id)).State);
        Assert.Contains("Tallennus 2 tuonnin aikana", (await _factory.DemoSectionAsync("Liitteet")).Texts.Single(t => t.Language == "fi").Html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
