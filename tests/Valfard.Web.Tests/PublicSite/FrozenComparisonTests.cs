using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence.Configurations;
using Valfard.Web.Features.PublicSite;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.PublicSite;

/// <summary>An approved version keeps the comparisons and trends its council saw, whatever the data does afterwards.</summary>
public sealed class FrozenComparisonTests : IDisposable
{
    private const string Published = "/demo/hyvinvointikertomus-2021-2025";

    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_published_verdicts_stay_when_the_values_change_while_the_live_page_follows_the_data()
    {
        using var resident = Browser.Open(_factory);
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var before = await ComparisonsAsync(resident, "before");
        var page = await resident.GetHtmlAsync($"/fi{Published}?q=before");
        var indicatorId = before.Skip(1).Select(r => r[1]).First();
        var liveBefore = await coordinator.GetHtmlAsync($"/indicators/{indicatorId}");

        // Sotkanet revises Demokunta's figures: ten times the value, the same population.
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            $"UPDATE {IndicatorValueConfiguration.Table} SET Value = Value * 10, AbsValue = AbsValue * 10 WHERE RegionId = 99001"));
        var after = await ComparisonsAsync(resident, "after");
        var liveAfter = await coordinator.GetHtmlAsync($"/indicators/{indicatorId}");

        Assert.Equal(OpenData.ComparisonColumns, before[0]);
        var kind = OpenData.ComparisonColumns.ToList().IndexOf("benchmark_kind");
        var verdict = OpenData.ComparisonColumns.ToList().IndexOf("verdict");
        Assert.Contains(before, r => r[kind] == "county" && r[verdict] is "similar" or "better" or "worse");
        Assert.Contains("Mitä luvut kertovat", page);
        Assert.Equal(before, after);
        Assert.NotEqual(Verdicts(liveBefore), Verdicts(liveAfter));
    }

    private static async Task<List<List<string>>> ComparisonsAsync(Browser resident, string query)
    {
        // A query of its own keeps the public output cache from answering with what it kept.
        var response = await resident.Client.GetAsync($"/fi{Published}/comparisons.csv?q={query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Security.SpreadsheetFormulaTests.Rows(await response.Content.ReadAsByteArrayAsync(), ',');
    }

    private static string Verdicts(string html) =>
        string.Join('|', System.Text.RegularExpressions.Regex.Matches(html, "<strong>((Better|Worse|Higher|Lower) than|Similar to|Not compared with) [^<]*</strong>")
            .Select(m => m.Value));
}
