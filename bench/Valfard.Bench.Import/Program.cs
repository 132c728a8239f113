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

var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
const int Indicators = 100;
const int Years = 10;
var regions = total / (Indicators * Years);
var work = Path.Combine(Path.GetTempPath(), $"valfard-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
Console.WriteLine($"Valfard indicator import benchmark: {total:N0} values ({Indicators} indicators x {regions:N0} regions x {Years} years)");

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

// 1. Valfard: read the JSON file and import through IndicatorImporter (batches, transactions, change detection).
await using var valfard = await PrepareAsync("valfard.db");
var importer = new IndicatorImporter(valfard, new Valfard.Infrastructure.Text.RichTextSanitizer(), NullLogger<IndicatorImporter>.Instance);
var timer = Stopwatch.StartNew();
ImportSummary summary;
using (var document = SotkanetJsonReader.Open(File.OpenRead(json)))
{
    summary = await importer.ImportValuesAsync(SotkanetJsonReader.ReadData(document), 1, null, CancellationToken.None);
}
var valfardSeconds = timer.Elapsed.TotalSeconds;
Console.WriteLine($"Valfard import (parse + import): {summary.Added:N0} added in {valfardSeconds:F2} s = {summary.Total / valfardSeconds:N0} values/s");

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
using (var document = SotkanetJsonReader.Open(File.OpenRead(json)))
{
    summary = await importer.ImportValuesAsync(SotkanetJsonReader.ReadData(document), 1, null, CancellationToken.None);
}
Console.WriteLine($"Re-import of the same file:      {summary.Unchanged:N0} unchanged, {summary.Added} added, {summary.Updated} updated in {timer.Elapsed.TotalSeconds:F2} s");

SqliteConnection.ClearAllPools();
Directory.Delete(work, recursive: true);
