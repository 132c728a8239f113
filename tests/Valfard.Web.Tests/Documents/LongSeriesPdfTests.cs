using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Documents;

/// <summary>
/// Issue 17 §5: a long indicator series stays inside the printed page. The demo's ten years (2015–2024) fit A4 even in
/// one table, so they cannot show that the splitting works; here every series runs 30 years (1995–2024), which as one
/// table of 31 columns runs far past the right margin.
/// </summary>
public sealed partial class LongSeriesPdfTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task Thirty_years_of_an_indicator_print_as_tables_of_at_most_eight_years_inside_the_page()
    {
        await _factory.QueryAsync(async db =>
        {
            // The demo's values once more for 2005–2014 and for 1995–2004: the same figures, twenty years earlier.
            var recent = await db.IndicatorValues.AsNoTracking().Where(v => v.Year >= 2015 && v.Year <= 2024).ToListAsync();
            db.IndicatorValues.AddRange(recent.Select(v => v with { Year = v.Year - 10 }));
            db.IndicatorValues.AddRange(recent.Select(v => v with { Year = v.Year - 20 }));
            return await db.SaveChangesAsync();
        });
        var report = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == "Laaja hyvinvointikertomus 2025–2029"));
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        using var pdf = PdfDocument.Open(await coordinator.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=fi"));

        // Chromium clips what overflows the page's content box, so a table too wide leaves no letter in the margin: its
        // last columns are simply missing. Every year must be printed, in header rows of at most eight years.
        var headers = HeaderRowYears(pdf);
        Assert.NotEmpty(headers);
        Assert.All(headers, years => Assert.InRange(years.Count, 1, 8));
        Assert.Equal(Enumerable.Range(1995, 30), headers.SelectMany(y => y).Distinct().Order());
        foreach (var page in pdf.GetPages())
        {
            // A4 is 595 pt wide with an 18 mm (51 pt) right margin: no letter may reach past it, or start left of the page.
            var outside = page.Letters.Where(l => l.BoundingBox.Right > page.Width - 45 || l.BoundingBox.Left < 0).ToList();
            Assert.True(outside.Count == 0, $"Page {page.Number}: {string.Concat(outside.Take(40).Select(l => l.Value))} runs past the margin");
        }
        var text = string.Concat(pdf.GetPages().Select(p => WhiteSpace().Replace(p.Text, string.Empty)));
        // Thirty years in four tables of eight, eight, eight and six, each naming its years.
        Assert.Contains("(%,1995–2002)", text, StringComparison.Ordinal);
        Assert.Contains("(%,2003–2010)", text, StringComparison.Ordinal);
        Assert.Contains("(%,2011–2018)", text, StringComparison.Ordinal);
        Assert.Contains("(%,2019–2024)", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The years in each indicator table's header row as printed: a line of words starting with the region column's
    /// heading ("Alue") followed by consecutive four-digit years.
    /// </summary>
    internal static List<List<int>> HeaderRowYears(PdfDocument pdf) =>
        pdf.GetPages().SelectMany(page => page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .Select(line => line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text).ToList()))
            .Where(words => words.Count > 1 && words[0] == "Alue" && words.Skip(1).All(w => Year().IsMatch(w)))
            .Select(words => words.Skip(1).Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList())
            // A chart's axis labels every other year; a table's header has them all, one after another.
            .Where(years => years.Zip(years.Skip(1)).All(pair => pair.Second == pair.First + 1))
            .ToList();

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(19|20)[0-9]{2}$")]
    private static partial Regex Year();
}
