using System.Net;
using System.Text.RegularExpressions;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Sections;

/// <summary>The section editor offers exactly the status moves of the section's table, and the status post obeys it.</summary>
public sealed partial class SectionStatusTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static List<string> StatusButtons(string html) =>
        StatusButtonPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_editor_shows_the_moves_of_the_table_and_refuses_the_others()
    {
        var section = await _factory.DemoSectionAsync("Nuoret");
        Assert.Equal(SectionStatus.InProgress, section.Status);
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        async Task<SectionStatus> StatusAsync() => (await _factory.DemoSectionAsync("Nuoret")).Status;

        var page = await editor.GetHtmlAsync(url);
        Assert.Equal(["ReadyForReview"], StatusButtons(page));
        Assert.Contains(">Mark ready for review</button>", page, StringComparison.Ordinal);

        await editor.PostFormAsync(url, $"{url}/status", ("status", "ReadyForReview"));
        Assert.Equal(SectionStatus.ReadyForReview, await StatusAsync());
        Assert.Equal(["InProgress"], StatusButtons(await editor.GetHtmlAsync(url)));
        page = await coordinator.GetHtmlAsync(url);
        Assert.Equal(["InProgress", "Done"], StatusButtons(page));
        Assert.Contains(">Back to in progress</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Mark done</button>", page, StringComparison.Ordinal);

        await coordinator.PostFormAsync(url, $"{url}/status", ("status", "Done"));
        Assert.Equal(SectionStatus.Done, await StatusAsync());
        page = await editor.GetHtmlAsync(url);
        Assert.Empty(StatusButtons(page));
        Assert.DoesNotContain("status-form", page, StringComparison.Ordinal);

        // A hand-made post of a move the table does not give writers: the accepted section stays done.
        var refused = await editor.PostFormAsync(url, $"{url}/status", ("status", "InProgress"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(SectionStatus.Done, await StatusAsync());
        Assert.Contains("alert-danger\" role=\"status\">You cannot change this section's status.</div>", await editor.GetHtmlAsync(url), StringComparison.Ordinal);

        page = await coordinator.GetHtmlAsync(url);
        Assert.Equal(["InProgress"], StatusButtons(page));
        Assert.Contains(">Reopen</button>", page, StringComparison.Ordinal);
        await coordinator.PostFormAsync(url, $"{url}/status", ("status", "InProgress"));
        Assert.Equal(SectionStatus.InProgress, await StatusAsync());
    }

    [Fact]
    public async Task The_reopen_button_is_named_in_finnish_and_swedish()
    {
        var section = await _factory.DemoSectionAsync("Nuoret");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        await coordinator.PostFormAsync(url, $"{url}/status", ("status", "ReadyForReview"));
        await coordinator.PostFormAsync(url, $"{url}/status", ("status", "Done"));
        using var swedish = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");

        Assert.Contains(">Avaa uudelleen</button>", await coordinator.GetHtmlAsync(url), StringComparison.Ordinal);
        Assert.Contains(">Öppna igen</button>", await swedish.GetHtmlAsync(url), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<button type="submit" name="status" value="(\w+)" """)]
    private static partial Regex StatusButtonPattern();

    public void Dispose() => _factory.Dispose();
}
