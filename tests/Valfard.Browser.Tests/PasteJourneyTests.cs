using Microsoft.Playwright;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>
/// A writer pastes a text written in Word, LibreOffice or Google Docs into a section: the clipboard HTML those programs
/// really put on the clipboard (saved under Fixtures/Paste) arrives as a paste event, and what the server stores keeps
/// the structure and drops the programs' own styling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasteJourneyTests(AppFixture app)
{
    [Theory]
    [InlineData("word.html")]
    [InlineData("libreoffice.html")]
    [InlineData("googledocs.html")]
    public async Task Pasting_an_office_document_keeps_headings_nested_lists_a_table_and_emphasis_without_foreign_styles(string fixture)
    {
        var clipboard = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Paste", fixture));
        var section = await app.Factory.DemoSectionAsync("Tausta, tarkoitus ja tavoitteet");
        var page = await app.SignInAsync("coordinator@demo.test", "fi");
        await page.GotoAsync($"/reports/{section.ReportId}/sections/{section.Id}");

        var pane = page.Locator("#pane-fi");
        var editor = pane.Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        // The same event a browser fires on Ctrl+V, with the HTML the program put on the clipboard.
        await editor.EvaluateAsync(@"(root, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'Lasten ja nuorten hyvinvointi');
            root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", clipboard);
        await Assertions.Expect(pane.Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });

        var stored = (await app.Factory.DemoSectionAsync("Tausta, tarkoitus ja tavoitteet")).TextIn("fi")!.Html;
        await File.WriteAllTextAsync(Path.Combine(AppFixture.ScreenshotDirectory, $"paste-{Path.GetFileNameWithoutExtension(fixture)}.html"), stored);

        // Heading 1 and 2 sit under the section title: the editor's first and second levels.
        Assert.Contains("<h2>Lasten ja nuorten hyvinvointi</h2>", stored, StringComparison.Ordinal);
        Assert.Contains("<h3>Harrastukset</h3>", stored, StringComparison.Ordinal);
        // The bullets stay bullets, with the second level nested inside its item; the numbered list stays numbered.
        Assert.Contains("<ul><li>Liikuntaseurat<ul><li>Salibandy ja jalkapallo</li></ul></li><li>Kulttuurikerhot</li></ul>", stored, StringComparison.Ordinal);
        Assert.Contains("<ol><li>Kartoitetaan toiveet</li><li>Avataan uudet ryhmät</li></ol>", stored, StringComparison.Ordinal);
        Assert.Contains("<table><tbody><tr><td><strong>Ryhmä</strong></td><td><strong>Osallistujia</strong></td></tr><tr><td>Taidekerho</td><td>48</td></tr></tbody></table>", stored, StringComparison.Ordinal);
        Assert.Contains("<strong>harrastustakuu</strong>", stored, StringComparison.Ordinal);
        Assert.Contains("<em>kaikissa kouluissa</em>", stored, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://thl.fi/hyvinvointikertomus\" rel=\"noopener noreferrer\">THL:n sivuilla</a>", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mso", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("·", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", stored, StringComparison.Ordinal);

        // Opened again, the editor shows the nesting it saved.
        await page.ReloadAsync();
        await Assertions.Expect(pane.Locator(".ql-editor li.ql-indent-1")).ToHaveTextAsync("Salibandy ja jalkapallo");
        // The stored headings load at their own level: only a document from an office program is moved down. (The
        // line the paste went into keeps the block format it had, which may leave an empty heading after the text.)
        await Assertions.Expect(pane.Locator(".ql-editor h2").First).ToHaveTextAsync("Lasten ja nuorten hyvinvointi");
        await Assertions.Expect(pane.Locator(".ql-editor h3").First).ToHaveTextAsync("Harrastukset");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"paste-{Path.GetFileNameWithoutExtension(fixture)}-fi.png"), FullPage = true });
    }

    /// <summary>
    /// Issue 17 §6: Word's table whose "Ylipainoisten osuus (%)" header is merged over the two year columns and whose
    /// "Alue" is merged over two rows. The editor holds the spans (no cell is added to make the rows look even), the
    /// server stores them, the text keeps no empty line after the table, and the reading view shows the merged header.
    /// </summary>
    [Fact]
    public async Task Pasting_a_word_table_with_merged_cells_keeps_the_spans_in_the_editor_the_stored_text_and_the_reading_view()
    {
        var clipboard = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Paste", "word-merged-table.html"));
        var section = await app.Factory.DemoSectionAsync("Lapset ja lapsiperheet");
        var page = await app.SignInAsync("coordinator@demo.test", "fi");
        await page.GotoAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        var pane = page.Locator("#pane-fi");
        var editor = pane.Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");

        await editor.EvaluateAsync(@"(root, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'Ylipaino');
            root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", clipboard);
        await Assertions.Expect(pane.Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });

        var stored = (await app.Factory.DemoSectionAsync("Lapset ja lapsiperheet")).TextIn("fi")!.Html;
        await File.WriteAllTextAsync(Path.Combine(AppFixture.ScreenshotDirectory, "paste-word-merged-table.html"), stored);
        Assert.Equal(
            "<h2>Ylipaino</h2><table><tbody>" +
            "<tr><td rowspan=\"2\"><strong>Alue</strong></td><td colspan=\"2\"><strong>Ylipainoisten osuus (%)</strong></td></tr>" +
            "<tr><td><strong>2023</strong></td><td><strong>2024</strong></td></tr>" +
            "<tr><td>Demokunta</td><td>21,4</td><td>22,0</td></tr>" +
            "<tr><td>Koko maa</td><td>19,8</td><td>20,1</td></tr></tbody></table>", stored);

        // Opened again, the editor shows three columns under the merged header, not a fourth empty one.
        await page.ReloadAsync();
        await Assertions.Expect(pane.Locator(".ql-editor td[colspan='2']")).ToHaveTextAsync("Ylipainoisten osuus (%)");
        await Assertions.Expect(pane.Locator(".ql-editor td[rowspan='2']")).ToHaveTextAsync("Alue");
        await Assertions.Expect(pane.Locator(".ql-editor tr").Nth(1).Locator("td")).ToHaveCountAsync(2);
        await Assertions.Expect(pane.Locator(".ql-editor tr").Nth(2).Locator("td")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "paste-word-merged-table-fi.png"), FullPage = true });

        await page.GotoAsync($"/reports/{section.ReportId}/read?lang=fi");
        var table = page.Locator(".doc-text table:has(td[colspan='2'])");
        var header = table.Locator("td[colspan='2']");
        await Assertions.Expect(header).ToHaveTextAsync("Ylipainoisten osuus (%)");
        // The merged header reaches from the left edge of the first year under it to the right edge of the second.
        var merged = await header.BoundingBoxAsync();
        var years = table.Locator("tr").Nth(1).Locator("td");
        var first = await years.Nth(0).BoundingBoxAsync();
        var second = await years.Nth(1).BoundingBoxAsync();
        Assert.InRange(merged!.X, first!.X - 1.5, first.X + 1.5);
        Assert.InRange(merged.X + merged.Width, second!.X + second.Width - 1.5, second.X + second.Width + 1.5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "read-merged-table-fi.png"), FullPage = true });
    }
}
