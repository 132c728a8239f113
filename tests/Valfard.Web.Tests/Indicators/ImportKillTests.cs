using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// An import process killed (SIGKILL, no chance to clean up) after it has written batches leaves none of them in the
/// database, and the same file imported again goes in whole.
/// </summary>
public sealed class ImportKillTests : IDisposable
{
    private readonly ValfardFactory _factory = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"valfard-kill-{Guid.NewGuid():N}.json");

    /// <summary>Values for every demo indicator and region in 1950–1999, years the demo data does not have.</summary>
    private async Task<int> WriteLargeFileAsync()
    {
        var indicators = await _factory.QueryAsync(db => db.Indicators.Select(i => i.Id).ToListAsync());
        var regions = await _factory.QueryAsync(db => db.Regions.Select(r => r.Id).ToListAsync());
        var rows = 0;
        await using var writer = new StreamWriter(_file, false, new UTF8Encoding(false));
        await writer.WriteAsync('[');
        foreach (var indicator in indicators)
        {
            foreach (var region in regions)
            {
                for (var year = 1950; year < 2000; year++)
                {
                    foreach (var gender in new[] { "total", "female", "male" })
                    {
                        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{(rows++ == 0 ? "" : ",")}{{\"indicator\":{indicator},\"region\":{region},\"year\":{year},\"gender\":\"{gender}\",\"value\":{rows % 997}.5,\"absValue\":{rows}}}"));
                    }
                }
            }
        }
        await writer.WriteAsync(']');
        return rows;
    }

    private Task<int> OldValuesAsync() => _factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.Year < 2000));

    [Fact]
    public async Task An_import_killed_after_writing_batches_leaves_no_values_and_a_second_run_imports_them_all()
    {
        _ = _factory.Services;
        var rows = await WriteLargeFileAsync();
        Assert.True(rows > 3 * 5000, $"The file should span several batches; it has {rows} rows");
        var before = await _factory.QueryAsync(db => db.IndicatorValues.CountAsync());

        using (var process = Process.Start(AppCommand.StartInfo(_factory, "import", _file))!)
        {
            // Kill as soon as the second batch has been written inside the import's transaction.
            var seen = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.StartsWith("Rows written (not yet committed): 10000", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }
            await process.WaitForExitAsync(timeout.Token);
            var output = seen.ToString();
            Assert.True(output.Contains("Rows written (not yet committed): 5000", StringComparison.Ordinal),
                output + await process.StandardError.ReadToEndAsync());
            Assert.DoesNotContain("Import committed", output, StringComparison.Ordinal);
            Assert.NotEqual(0, process.ExitCode);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(0, await OldValuesAsync());
        Assert.Equal(before, await _factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
        Assert.Equal("ok", await TestData.IntegrityCheckAsync(_factory.DatabasePath));

        var again = await AppCommand.RunAsync(_factory, "import", _file);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains($"Import committed: {rows} added, 0 updated, 0 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Equal(rows, await OldValuesAsync());
    }

    public void Dispose()
    {
        _factory.Dispose();
        File.Delete(_file);
    }
}
