using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>A resident on the public site: no axe violation on any page in Finnish or Swedish, and the keyboard alone reaches the PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicSiteJourneyTests(AppFixture app)
{
    private const string Report = "/demo/hyvinvointikertomus-2021-2025";

    /// <summary>The Swedish pages link the report's Swedish address (language review #50).</summary>
    private const string SvReport = "/demo/valfardsberattelse-2021-2025";

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Public_pages_have_no_wcag_a_or_aa_violations(string language)
    {
        var page = await app.NewPageAsync(language == "sv" ? "sv-FI" : "fi-FI");
        var problems = new List<string>();
        foreach (var url in new[] { $"/{language}", $"/{language}?q=demo", $"/{language}?q=zzz", $"/{language}/demo", $"/{language}{Report}", $"/{language}/accessibility", $"/{language}/accessibility/feedback", $"/{language}{Report}/feedback" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await AuthoringAccessibilityTests.ViolationsAsync(page, url));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var (url, name) in new[] { ($"/{language}", "front"), ($"/{language}/demo", "organisation"), ($"/{language}{Report}", "report") })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"public-{name}-{language}.png"), FullPage = name != "report" });
        }
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.GotoAsync($"/{language}{Report}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, $"public-report-print-{language}.png") });
    }

    [Fact]
    public async Task A_resident_goes_from_the_front_page_to_the_pdf_by_keyboard_alone()
    {
        var page = await app.NewPageAsync("sv-FI");
        await page.GotoAsync("/sv");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", await FocusedHrefAsync(page));

        await TabToAsync(page, "/sv/demo");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sv/demo$"));

        await TabToAsync(page, $"/sv{SvReport}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/sv{SvReport}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Omfattande välfärdsberättelse 2021–2025");

        await TabToAsync(page, $"/sv{SvReport}/pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var path = await download.PathAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path)));
        await Assertions.Expect(page.Locator(".public-downloads")).ToContainTextAsync(hash);
        Assert.EndsWith("-sv.pdf", download.SuggestedFilename, StringComparison.Ordinal);

        // Then feedback on the report, still by keyboard: to the form, into the text box, type, Tab to the button, Enter.
        await TabToAsync(page, $"/sv{SvReport}/feedback");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/sv{SvReport}/feedback$"));
        await TabToAsync(page, null, "FeedbackForm_Message");
        await page.Keyboard.TypeAsync("Tack, lätt att läsa med tangentbordet.");
        await TabToAsync(page, null, "feedback-send");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Tack!");
    }

    private static Task<string?> FocusedHrefAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.getAttribute('href')");

    private static async Task TabToAsync(IPage page, string? href, string? id = null)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = id is null ? await FocusedHrefAsync(page)
                : await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
            if (focused == (href ?? id))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {href ?? id} on {page.Url}");
    }
}
