using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Valfard.Domain.Reports;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.County;

/// <summary>
/// Issue 18 §3: the county's writers insert the block "Member municipalities compared" into a section of the regional
/// report; it names every member municipality, the county and the whole country with the verdicts in words, in the
/// section page, the reading view and the PDF. A municipality's report cannot take it.
/// </summary>
public sealed class MembersComparisonTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<ReportSection> RegionalSectionAsync() => _factory.QueryAsync(async db =>
    {
        var report = await db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.CountyId && r.Kind == ReportKind.Regional);
        return await db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ReportId == report.Id && s.Purpose == SectionPurpose.Text).OrderBy(s => s.ParentId != null).ThenBy(s => s.Position).FirstAsync();
    });

    /// <summary>An indicator of the county's own set that has a value for both members, the county and the country.</summary>
    private Task<int> ComparedIndicatorAsync() => _factory.QueryAsync(async db =>
    {
        var inSet = await db.IndicatorSets.IgnoreQueryFilters().AsNoTracking().Where(s => s.OrganisationId == DemoSeeder.CountyId)
            .SelectMany(s => s.Members.Select(m => m.IndicatorId)).ToListAsync();
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code == "995" || r.Code == "996" || r.Code == "99" || r.Category == "MAA")
            .Select(r => r.Id).ToListAsync();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => inSet.Contains(v.IndicatorId) && regions.Contains(v.RegionId) && v.Value != null)
            .Select(v => new { v.IndicatorId, v.RegionId }).ToListAsync();
        return values.GroupBy(v => v.IndicatorId).First(g => g.Select(v => v.RegionId).Distinct().Count() == regions.Count).Key;
    });

    [Fact]
    public async Task The_county_inserts_the_comparison_and_reads_it_in_the_section_page_the_reading_view_and_the_pdf()
    {
        var section = await RegionalSectionAsync();
        var indicatorId = await ComparedIndicatorAsync();
        var editUrl = $"/reports/{section.ReportId}/sections/{section.Id}";
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");

        var before = WebUtility.HtmlDecode(await county.GetHtmlAsync(editUrl));
        Assert.Contains("Jäsenkuntien vertailu", before);
        Assert.Contains($"<option value=\"{indicatorId}\"", before);

        var inserted = await county.PostFormAsync(editUrl, $"{editUrl}/members", ("indicatorId", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, inserted.StatusCode);
        Assert.Equal(indicatorId, await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().Where(s => s.Id == section.Id)
            .Select(s => s.MembersIndicatorId).SingleAsync()));

        var page = WebUtility.HtmlDecode(await county.GetHtmlAsync(editUrl));
        AssertComparison(page);
        Assert.Contains("Jäsenkuntien vertailu on lisätty lukuun.", page);

        var reading = WebUtility.HtmlDecode(await county.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi"));
        AssertComparison(reading);
        Assert.Contains("<svg", reading.Split("doc-members")[1]);

        using var swedish = await Browser.SignedInAsync(_factory, "county@demo.test", "sv");
        var svReading = WebUtility.HtmlDecode(await swedish.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=sv"));
        Assert.Contains("Jämfört med välfärdsområdet", svReading);
        Assert.Contains("Demokommun", svReading);

        var pdf = await county.Client.GetAsync($"/reports/{section.ReportId}/pdf?lang=fi");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        // PdfPig joins the words of a line without spaces, and table headers wrap: compared without whitespace.
        var text = string.Concat(string.Join(string.Empty, document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Jäsenkuntienvertailu", text);
        Assert.Contains("Esimerkkilä", text);
        Assert.Contains("Verrattunakokomaahan", text);

        // Removed again: the section page offers to insert it.
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostFormAsync(editUrl, $"{editUrl}/members")).StatusCode);
        Assert.Null(await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().Where(s => s.Id == section.Id)
            .Select(s => s.MembersIndicatorId).SingleAsync()));
    }

    /// <summary>Both members, the county and the country are rows, each member with a verdict in words against each.</summary>
    private static void AssertComparison(string html)
    {
        var block = html.Split("doc-members-table")[1].Split("</table>")[0];
        Assert.Contains("Verrattuna hyvinvointialueeseen", block);
        Assert.Contains("Verrattuna koko maahan", block);
        string[] verdicts = ["Parempi", "Huonompi", "Samaa tasoa", "Korkeampi", "Matalampi", "Ei verrattu"];
        foreach (var member in new[] { "Demokunta", "Esimerkkilä" })
        {
            var row = block.Split(member)[1].Split("</tr>")[0];
            Assert.Equal(2, verdicts.Sum(v => row.Split(v).Length - 1));
        }
        Assert.Contains("Demoalueen hyvinvointialue", block);
        Assert.Contains("Koko maa", block);
    }

    [Fact]
    public async Task A_municipality_report_cannot_take_the_comparison()
    {
        var section = await _factory.DemoSectionAsync("Nuoret");
        var indicatorId = await ComparedIndicatorAsync();
        var editUrl = $"/reports/{section.ReportId}/sections/{section.Id}";
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        Assert.DoesNotContain("Jäsenkuntien vertailu", WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(editUrl)));

        await coordinator.PostFormAsync(editUrl, $"{editUrl}/members", ("indicatorId", indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Null(await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().Where(s => s.Id == section.Id)
            .Select(s => s.MembersIndicatorId).SingleAsync()));
        Assert.Contains("Jäsenkuntia voi vertailla vain hyvinvointialueen alueellisessa hyvinvointikertomuksessa.",
            WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(editUrl)));
    }
}
