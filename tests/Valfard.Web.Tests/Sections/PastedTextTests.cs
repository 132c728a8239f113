using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Text;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Sections;

/// <summary>
/// Issue 17 §6: what the editor saves after a paste from an office program. The line a paste ends in keeps its block
/// format, so an empty heading, list item or paragraph can come with the text; merged table cells keep their spans.
/// </summary>
public sealed class PastedTextTests : IDisposable
{
    private readonly ValfardFactory _factory = new();
    private static readonly RichTextSanitizer Sanitizer = new();

    [Theory]
    // An empty heading after the pasted text (Enter at the end of a pasted Heading) and one before it.
    [InlineData("<h2>Tavoitteet</h2><p>Teksti.</p><h2><br></h2>", "<h2>Tavoitteet</h2><p>Teksti.</p>")]
    [InlineData("<h3> </h3><h3>Nuoret</h3><h4>&nbsp;</h4><p>a</p>", "<h3>Nuoret</h3><p>a</p>")]
    // Empty paragraphs at the start and the end go, however many; the writer's blank line between paragraphs stays.
    [InlineData("<p><br></p><p></p><p>Yksi.</p><p><br></p><p>Kaksi.</p><p>&nbsp;</p><p><br></p>", "<p>Yksi.</p><p><br></p><p>Kaksi.</p>")]
    // An empty item goes; a list left without items goes with it; an item holding only a nested list stays.
    [InlineData("<ul><li>Yksi</li><li><br></li><li>Kaksi</li></ul>", "<ul><li>Yksi</li><li>Kaksi</li></ul>")]
    [InlineData("<ol><li></li><li> </li></ol><p>Teksti.</p>", "<p>Teksti.</p>")]
    [InlineData("<ul><li><ul><li>Sisempi</li></ul></li></ul>", "<ul><li><ul><li>Sisempi</li></ul></li></ul>")]
    // A table's empty cells are the table's shape, not leftovers.
    [InlineData("<table><tbody><tr><td></td><td>1</td></tr></tbody></table>", "<table><tbody><tr><td></td><td>1</td></tr></tbody></table>")]
    public void Empty_blocks_a_paste_leaves_are_dropped(string saved, string stored) =>
        Assert.Equal(stored, Sanitizer.Sanitize(saved));

    [Theory]
    [InlineData("<td colspan=\"2\">2023–2024</td>", "<td colspan=\"2\">2023–2024</td>")]
    [InlineData("<td rowspan=\"50\" colspan=\"1\">a</td>", "<td rowspan=\"50\" colspan=\"1\">a</td>")]
    [InlineData("<td colspan=\" 3 \">a</td>", "<td colspan=\"3\">a</td>")]
    [InlineData("<th scope=\"col\" colspan=\"3\">a</th>", "<th scope=\"col\" colspan=\"3\">a</th>")]
    [InlineData("<td colspan=\"0\">a</td>", "<td>a</td>")]
    [InlineData("<td colspan=\"51\" rowspan=\"-1\">a</td>", "<td>a</td>")]
    [InlineData("<td colspan=\"2x\" rowspan=\"1e3\">a</td>", "<td>a</td>")]
    [InlineData("<td rowspan=\"99999999999\">a</td>", "<td>a</td>")]
    public void A_merged_cell_keeps_spans_from_1_to_50_and_nothing_else(string cell, string kept) =>
        Assert.Equal($"<table><tbody><tr>{kept}</tr></tbody></table>", Sanitizer.Sanitize($"<table><tbody><tr>{cell}</tr></tbody></table>"));

    [Fact]
    public void Spans_are_kept_on_cells_only() =>
        Assert.Equal("<p>a</p><ul><li>b</li></ul>", Sanitizer.Sanitize("<p colspan=\"2\" scope=\"row\">a</p><ul><li rowspan=\"3\">b</li></ul>"));

    /// <summary>
    /// What the editor sends after pasting a Word table whose header cell "2023–2024" was merged over two columns, with
    /// an empty heading after it: the stored text keeps the merged cell and drops the heading, and the reading view (the
    /// same markup the PDF is printed from) shows the table with its merged header.
    /// </summary>
    [Fact]
    public async Task A_pasted_table_with_a_merged_header_is_stored_and_read_with_its_span()
    {
        var section = await _factory.DemoSectionAsync("Työikäiset");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        const string Pasted =
            "<p><br></p><table><tbody>" +
            "<tr><td data-row=\"row-a\" rowspan=\"2\">Alue</td><td data-row=\"row-a\" colspan=\"2\">2023–2024</td></tr>" +
            "<tr><td data-row=\"row-b\">2023</td><td data-row=\"row-b\">2024</td></tr>" +
            "<tr><td data-row=\"row-c\">Demokunta</td><td data-row=\"row-c\">12,5</td><td data-row=\"row-c\">13,1</td></tr>" +
            "</tbody></table><h2><br></h2>";
        var version = section.Texts.Single(t => t.Language == "fi").Version;

        var saved = await coordinator.SaveSectionTextAsync(section.ReportId, section.Id, "fi", Pasted, version);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await _factory.QueryAsync(db => db.SectionTexts.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(t => t.SectionId == section.Id && t.Language == "fi"));
        Assert.Equal(
            "<table><tbody><tr><td rowspan=\"2\">Alue</td><td colspan=\"2\">2023–2024</td></tr><tr><td>2023</td><td>2024</td></tr>" +
            "<tr><td>Demokunta</td><td>12,5</td><td>13,1</td></tr></tbody></table>", stored.Html);
        var read = await coordinator.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi");
        Assert.Contains("<td rowspan=\"2\">Alue</td><td colspan=\"2\">2023–2024</td>", read, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
