// Indicator import benchmark: 1,000,000 values from a generated Sotkanet JSON file through Valfard's importer,
// next to a raw SQLite prepared-insert loop into the same table, in one process on one machine.
// Run: dotnet run -c Release --project bench/Valfard.Bench.Import [-- values]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var total = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1_000_000;
// The app applies staged values in steps of 50,000 rows with 100 ms between them (Valfard:Imports:ApplyRowsPerStep,
// ApplyPauseMilliseconds); --one-transaction applies them in one transaction instead, to measure that lock.
var oneTransaction = args.Contains("--one-transaction");
var rowsPerStep = 50_000;
var pause = TimeSpan.FromMilliseconds(100);
const int Indicators = 100;
const int Years = 10;
var regions = total / (Indicators * Years);
var work = Path.Combine(Path.GetTempPath(), $"valfard-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
Console.WriteLine($"Valfard indicator import benchmark: {total:N0} values ({Indicators} indicators x {regions:N0} regions x {Years} years)");

var memoryOnly = args.Contains("--memory");
var json = Path.Combine(work, "data.json");
var generate = Stopwatch.StartNew();
await using (var writer = new StreamWriter(json, false, new UTF8Encoding(false)))
{
    await writer.WriteAsync('[');
    var first = true;
    for (var i = 1; i <= Indicators; i++)
    {
        for (var r = 1; r <= regions; r++)
        {
            for (var y = 2015; y < 2015 + Years; y++)
            {
                await writer.WriteAsync(first ? "" : ",");
                first = false;
                await writer.WriteAsync(FormattableString.Invariant(
                    $"{{\"indicator\":{i},\"region\":{r},\"year\":{y},\"gender\":\"total\",\"value\":{(i * 7 + r * 3 + y) % 1000 / 10.0},\"absValue\":{r + y}}}"));
            }
        }
    }
    await writer.WriteAsync(']');
}
Console.WriteLine($"generated {new FileInfo(json).Length / 1024 / 1024} MB of Sotkanet JSON in {generate.Elapsed.TotalSeconds:F1} s");

async Task<ValfardDbContext> PrepareAsync(string name)
{
    var options = new DbContextOptionsBuilder<ValfardDbContext>();
    DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, name)}");
    var db = new ValfardDbContext(options.Options, NoOrganisation.Instance);
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    for (var i = 1; i <= Indicators; i++)
    {
        db.Indicators.Add(new Indicator(i) { Title = new LocalizedText($"Indikaattori {i}", string.Empty, string.Empty) });
    }
    for (var r = 1; r <= regions; r++)
    {
        db.Regions.Add(new Region(r) { TitleFi = $"Alue {r}", Code = r.ToString(CultureInfo.InvariantCulture), Category = "KUNTA" });
    }
    await db.SaveChangesAsync();
    return db;
}

if (memoryOnly)
{
    // Resident memory while a large file is streamed, staged and applied: the file must never be held whole.
    await using var measured = await PrepareAsync("memory.db");
    var memoryImporter = new IndicatorImporter(measured, new Valfard.Infrastructure.Text.RichTextSanitizer(), NullLogger<IndicatorImporter>.Instance);
    GC.Collect();
    var baseline = Resident("VmRSS");
    var memoryTimer = Stopwatch.StartNew();
    ImportSummary imported;
    await using (var stream = File.OpenRead(json))
    {
        imported = await memoryImporter.ImportValuesAsync(SotkanetJsonReader.StreamData(stream, CancellationToken.None), 1, null, CancellationToken.None);
    }
    Console.WriteLine($"Memory: {new FileInfo(json).Length / 1024 / 1024} MB file, {imported.Added:N0} values imported in {memoryTimer.Elapsed.TotalSeconds:F1} s; " +
                      $"resident {baseline / 1024} MB before, peak {Resident("VmHWM") / 1024} MB, growth at most {(Resident("VmHWM") - baseline) / 1024} MB (target < 300 MB)");
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
    return;
}

// 1. Valfard: stream the JSON file through IndicatorImporter: staged in short transactions, counted, then applied in
// one transaction. Meanwhile an "autosave" writes on its own connection every 250 ms, as an editor's save does (a short
// transaction updating one text row and adding one audit row); its latency shows how long the import makes it wait.
await using var valfard = await PrepareAsync("valfard.db");
var importer = new IndicatorImporter(valfard, new Valfard.Infrastructure.Text.RichTextSanitizer(), NullLogger<IndicatorImporter>.Instance);
using var stopSaving = new CancellationTokenSource();
var saves = Autosaves(Path.Combine(work, "valfard.db"), stopSaving.Token);
var timer = Stopwatch.StartNew();
var runId = Guid.NewGuid();
StagingResult staged;
await using (var stream = File.OpenRead(json))
{
    staged = await importer.StageValuesAsync(runId, SotkanetJsonReader.StreamData(stream, CancellationToken.None), 1, StagingIds.None, null, CancellationToken.None);
}
var stageSeconds = timer.Elapsed.TotalSeconds;
var summary = await importer.CountStagedAsync(runId, CancellationToken.None);
var countSeconds = timer.Elapsed.TotalSeconds - stageSeconds;
var apply = Stopwatch.StartNew();
if (oneTransaction)
{
    await importer.InOneTransactionAsync(async token => await importer.ApplyStagedAsync(runId, token), CancellationToken.None);
}
else
{
    await importer.ApplyStagedInStepsAsync(runId, rowsPerStep, pause, CancellationToken.None);
}
var applySeconds = apply.Elapsed.TotalSeconds;
var valfardSeconds = timer.Elapsed.TotalSeconds;
var discard = Stopwatch.StartNew();
await importer.DiscardStagedAsync(runId, CancellationToken.None);
var discardSeconds = discard.Elapsed.TotalSeconds;
await stopSaving.CancelAsync();
var latencies = (await saves).Order().ToList();
Console.WriteLine($"Valfard import (stream + stage + count + apply): {summary.Added:N0} added ({staged.Staged:N0} staged) in {valfardSeconds:F2} s = {summary.Total / valfardSeconds:N0} values/s");
Console.WriteLine($"  staging {stageSeconds:F2} s, counting {countSeconds:F2} s, apply {(oneTransaction ? "in one transaction" : $"in steps of {rowsPerStep:N0} rows with {pause.TotalMilliseconds:F0} ms pauses")} {applySeconds:F2} s; discarding the staged rows afterwards {discardSeconds:F2} s");
Console.WriteLine(latencies.Count == 0
    ? "  autosaves during the import: none completed"
    : $"  autosaves during the import: {latencies.Count}, p50 {Percentile(latencies, 50):F0} ms, p95 {Percentile(latencies, 95):F0} ms, max {latencies[^1]:F0} ms (target p95 < 2,000 ms)");

// 2. Raw: values already in memory, one prepared INSERT per value, same batch size, same table.
await using var rawDb = await PrepareAsync("raw.db");
var rows = new List<(int I, int R, int Y, double V, double A)>(total);
for (var i = 1; i <= Indicators; i++)
{
    for (var r = 1; r <= regions; r++)
    {
        for (var y = 2015; y < 2015 + Years; y++)
        {
            rows.Add((i, r, y, (i * 7 + r * 3 + y) % 1000 / 10.0, r + y));
        }
    }
}
await using var connection = new SqliteConnection($"Data Source={Path.Combine(work, "raw.db")}");
await connection.OpenAsync();
timer.Restart();
for (var start = 0; start < rows.Count; start += IndicatorImporter.BatchSize)
{
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = "INSERT INTO IndicatorValues (IndicatorId, RegionId, Year, Gender, Value, AbsValue) VALUES ($i, $r, $y, 0, $v, $a)";
    var pi = insert.Parameters.Add("$i", SqliteType.Integer);
    var pr = insert.Parameters.Add("$r", SqliteType.Integer);
    var py = insert.Parameters.Add("$y", SqliteType.Integer);
    var pv = insert.Parameters.Add("$v", SqliteType.Real);
    var pa = insert.Parameters.Add("$a", SqliteType.Real);
    insert.Prepare();
    foreach (var row in rows.Skip(start).Take(IndicatorImporter.BatchSize))
    {
        (pi.Value, pr.Value, py.Value, pv.Value, pa.Value) = (row.I, row.R, row.Y, row.V, row.A);
        await insert.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
}
var rawSeconds = timer.Elapsed.TotalSeconds;
Console.WriteLine($"Raw prepared inserts:            {rows.Count:N0} rows in {rawSeconds:F2} s = {rows.Count / rawSeconds:N0} values/s");
Console.WriteLine($"Valfard reaches {100 * rawSeconds / valfardSeconds:F0} % of the raw rate (target: at least 50 %)");

// 3. Idempotence at scale: the same file again changes nothing.
timer.Restart();
await using (var stream = File.OpenRead(json))
{
    summary = await importer.ImportValuesAsync(SotkanetJsonReader.StreamData(stream, CancellationToken.None), 1, null, CancellationToken.None);
}
Console.WriteLine($"Re-import of the same file:      {summary.Unchanged:N0} unchanged, {summary.Added} added, {summary.Updated} updated in {timer.Elapsed.TotalSeconds:F2} s");

SqliteConnection.ClearAllPools();
Directory.Delete(work, recursive: true);

static double Percentile(List<double> sorted, int percent) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

// An editor's save as SQLite sees it: one short write transaction, waiting up to 30 s for the lock (the app's busy timeout).
static async Task<List<double>> Autosaves(string database, CancellationToken stop)
{
    var latencies = new List<double>();
    await using var connection = new SqliteConnection($"Data Source={database};Default Timeout=30");
    await connection.OpenAsync(CancellationToken.None);
    await using (var create = connection.CreateCommand())
    {
        create.CommandText = "CREATE TABLE IF NOT EXISTS BenchTexts (Id INTEGER PRIMARY KEY, Html TEXT NOT NULL); CREATE TABLE IF NOT EXISTS BenchAudit (Id INTEGER PRIMARY KEY, At TEXT NOT NULL);";
        await create.ExecuteNonQueryAsync(CancellationToken.None);
    }
    var text = new string('x', 2000);
    for (var n = 0; !stop.IsCancellationRequested; n++)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None))
        {
            await using var save = connection.CreateCommand();
            save.Transaction = transaction;
            save.CommandText = "INSERT OR REPLACE INTO BenchTexts (Id, Html) VALUES (1, $html); INSERT INTO BenchAudit (At) VALUES ($at);";
            save.Parameters.AddWithValue("$html", text + n.ToString(CultureInfo.InvariantCulture));
            save.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await save.ExecuteNonQueryAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            await Task.Delay(250, stop);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
    return latencies;
}

// Linux only: the process's resident set (VmRSS) or its peak (VmHWM), in kB.
static long Resident(string field) =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).First();
