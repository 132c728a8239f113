using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests;

/// <summary>Bad input of every kind gets a clear answer in the user's language, never a 500, and saved data stays.</summary>
public sealed partial class BadInputTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task Each_payload_saves_as_section_text_without_a_server_error()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var report = await _factory.DemoReportAsync();
        var section = await _factory.DemoSectionAsync("Nuoret");
        var failures = new List<string>();
        foreach (var payload in XssPayloads.All)
        {
            var page = await coordinator.GetHtmlAsync($"/reports/{report.Id}/sections/{section.Id}");
            var version = VersionFi().Match(page).Groups[1].Value;
            var response = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/text/fi",
                Browser.Form(Browser.TokenIn(page), ("html", $"<p>{payload}</p>"), ("version", version)));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{payload[..3]}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(", ", failures));
    }

    [GeneratedRegex("data-language=\"fi\"\\s+data-version=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionFi();

    public void Dispose() => _factory.Dispose();
}
