using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Documents;

/// <summary>The council document read page by page: the contents' page numbers, tables that fit the page, headings.</summary>
[Collection(SharedAppCollection.Name)]
public sealed partial class DocumentPagesTests(ValfardFactory factory)
{
    private async Task<PdfDocument> DraftAsync(string language)
    {
        var report = await factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == "Laaja hyvinvointikertomus 2025–2029"));
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        return PdfDocument.Open(await coordinator.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang={language}"));
    }

    /// <summary>Text without spaces: PDF text comes with or without the spaces between words, depending on the font.</summary>
    private static string Squash(string text) => WhiteSpace().Replace(text, string.Empty);

    /// <summary>The contents page's entries as (title, page), read from the lines of words ending in a number.</summary>
    private static List<(string Title, int Page)> ContentsOf(Page page)
    {
        var entries = new List<(string, int)>();
        // The running header and the footer ("Sivu 2 / 21") are in the page margins (24 mm top, 20 mm bottom): left out.
        var body = page.GetWords().Where(w => w.BoundingBox.Bottom > 57 && w.BoundingBox.Top < page.Height - 68);
        foreach (var line in body.GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key))
        {
            var words = line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text).ToList();
            if (words.Count >= 2 && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                entries.Add((string.Concat(words.Take(words.Count - 1)), number));
            }
        }
        return entries;
    }

    [Theory]
    [InlineData("fi", "Sisällys", "Nuoret", "Päätös")]
    [InlineData("sv", "Innehåll", "Unga", "Beslut")]
    public async Task The_contents_give_the_page_each_section_starts_on(string language, string contents, string youth, string decision)
    {
        using var pdf = await DraftAsync(language);
        var pages = pdf.GetPages().Select(p => Squash(p.Text)).ToList();
        var tocPage = pdf.GetPage(2);
        Assert.Contains(contents, tocPage.Text);

        var entries = ContentsOf(tocPage);

        // Every section, the plan and the decision page are listed with a number.
        Assert.True(entries.Count >= 12, $"Only {entries.Count} entries with page numbers: {string.Join(" | ", entries)}");
        Assert.Contains(entries, e => e.Title.EndsWith(youth, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Title.Contains(decision, StringComparison.Ordinal));
        var previous = 3;
        foreach (var (title, page) in entries)
        {
            // The page named is the one the heading is on (its footer says so too), and no page before it has the heading.
            Assert.InRange(page, previous, pdf.NumberOfPages);
            Assert.Contains(title, pages[page - 1], StringComparison.Ordinal);
            Assert.Contains($"{page}/{pdf.NumberOfPages}", pages[page - 1], StringComparison.Ordinal);
            // A numbered title ("3.2Nuoret") is the heading itself; an unnumbered one may also be a word in the text.
            for (var before = 3; char.IsAsciiDigit(title[0]) && before < page; before++)
            {
                Assert.DoesNotContain(title, pages[before - 1], StringComparison.Ordinal);
            }
            previous = page;
        }
    }

    [Fact]
    public async Task The_widest_indicator_table_is_printed_whole_inside_the_page()
    {
        using var pdf = await DraftAsync("fi");
        var text = string.Concat(pdf.GetPages().Select(p => Squash(p.Text)));

        // The demo's series run 2015–2024: ten years, printed as two tables of five with the regions repeated.
        Assert.Contains("(%,2015–2019)", text, StringComparison.Ordinal);
        Assert.Contains("(%,2020–2024)", text, StringComparison.Ordinal);
        // Letters past the content box are clipped, not printed in the margin (see LongSeriesPdfTests): every year is there.
        var headers = LongSeriesPdfTests.HeaderRowYears(pdf);
        Assert.All(headers, years => Assert.InRange(years.Count, 1, 8));
        Assert.Equal(Enumerable.Range(2015, 10), headers.SelectMany(y => y).Distinct().Order());
        foreach (var page in pdf.GetPages())
        {
            // A4 is 595 pt wide with an 18 mm (51 pt) right margin: no letter may reach past it.
            var outside = page.Letters.Where(l => l.BoundingBox.Right > page.Width - 45 || l.BoundingBox.Left < 0).ToList();
            Assert.True(outside.Count == 0, $"Page {page.Number}: {string.Concat(outside.Take(40).Select(l => l.Value))} runs past the margin");
        }
    }

    [Theory]
    [InlineData("<h2>Otsikko</h2><p>a</p><h3>Väliotsikko</h3><h4>Alempi</h4>", 2, "<h3>Otsikko</h3><p>a</p><h4>Väliotsikko</h4><h5>Alempi</h5>")]
    [InlineData("<h2>Otsikko</h2><h3>Väli</h3><h4>Alempi</h4>", 4, "<h5>Otsikko</h5><h6>Väli</h6><h6>Alempi</h6>")]
    [InlineData("<p>Ei otsikoita</p>", 3, "<p>Ei otsikoita</p>")]
    // A text that starts at the editor's "Subheading" does not skip a level under an h2 title.
    [InlineData("<p>a</p><h3>Väliotsikko</h3><h4>Alempi</h4>", 2, "<p>a</p><h3>Väliotsikko</h3><h4>Alempi</h4>")]
    [InlineData("<h4>Vain pienin</h4>", 3, "<h4>Vain pienin</h4>")]
    public void A_writers_highest_heading_goes_one_level_below_the_section_title(string stored, int sectionLevel, string printed) =>
        Assert.Equal(printed, WriterHeadings.Nest(stored, sectionLevel));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
