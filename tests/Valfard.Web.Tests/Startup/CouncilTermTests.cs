using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Startup;

/// <summary>The start page takes "today" from the clock, so the current term changes with the date.</summary>
public sealed class CouncilTermTests : IDisposable
{
    private readonly AutumnOf2021 _factory = new();

    [Fact]
    public async Task In_autumn_2021_the_start_page_shows_the_2021_term()
    {
        using var browser = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var html = await browser.GetHtmlAsync("/");

        Assert.Contains("2021\u20132025", html);
        Assert.Contains("1.8.2021", html);
        Assert.Contains("display-6 mb-1\">2021\u20132025<", html);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class AutumnOf2021 : ValfardFactory
    {
        protected override DateTimeOffset StartDate => new(2021, 9, 1, 9, 0, 0, TimeSpan.Zero);
    }
}
