using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

[Collection(SharedAppCollection.Name)]
public sealed class OverviewTests(ValfardFactory factory)
{
    [Fact]
    public async Task The_overview_shows_every_indicator_of_the_set_with_verdicts_trend_and_a_spine()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var set = await DemoSetAsync();

        var html = await editor.GetHtmlAsync($"/indicators/overview?set={set.Id}");

        Assert.Contains("Indikaattorikatsaus", html);
        foreach (var member in set.Members)
        {
            Assert.Contains($"/indicators/{member.IndicatorId}\"", html);
        }
        Assert.Matches("<span>(Parempi|Huonompi|Samaa tasoa)</span>", html);
        Assert.Matches("<span>(Nouseva|Laskeva|Ei selvää muutosta|Ei laskettu)", html);
        Assert.Contains("<svg class=\"spine\"", html);
        Assert.Contains("Huonompi pää on vasemmalla.", html);
        Assert.DoesNotContain("{0}", html);
    }

    [Fact]
    public async Task Sorting_by_a_verdict_puts_the_worse_first_and_marks_the_column()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "en");
        var set = await DemoSetAsync();

        var html = await editor.GetHtmlAsync($"/indicators/overview?set={set.Id}&sort=country");

        Assert.Contains("aria-sort=\"ascending\"><a href=\"/indicators/overview?set=", html);
        var verdicts = System.Text.RegularExpressions.Regex.Matches(html, "verdict-cell verdict-([a-z]+)").Select(m => m.Groups[1].Value).ToList();
        // Three verdict cells per row; the country is the second. Worse ones come before the others.
        var country = verdicts.Where((_, i) => i % 3 == 1).ToList();
        var firstOther = country.FindIndex(v => v != "worse");
        Assert.True(firstOther < 0 || country.Skip(firstOther).All(v => v != "worse"), string.Join(",", country));
    }

    [Fact]
    public async Task The_overview_downloads_as_csv_and_xlsx_with_the_same_rows()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var set = await DemoSetAsync();

        var csv = Encoding.UTF8.GetString(await editor.Client.GetByteArrayAsync($"/indicators/overview/csv?set={set.Id}")).TrimStart('\uFEFF');
        var xlsx = await editor.Client.GetAsync($"/indicators/overview/xlsx?set={set.Id}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', OverviewService.ExportColumns), lines[0]);
        Assert.Equal(set.Members.Count + 1, lines.Length);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(set.Members.Count + 1, workbook.Worksheets.First().RowsUsed().Count());
    }

    [Fact]
    public async Task Another_organisations_set_is_not_found()
    {
        using var other = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");
        var set = await DemoSetAsync();

        var response = await other.Client.GetAsync($"/indicators/overview?set={set.Id}");
        var csv = await other.Client.GetAsync($"/indicators/overview/csv?set={set.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    private Task<Valfard.Domain.Indicators.IndicatorSet> DemoSetAsync() =>
        factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members).AsNoTracking()
            .Where(s => s.OrganisationId == DemoSeeder.DemokommunId && s.Members.Count > 3).OrderBy(s => s.Name).FirstAsync());
}
