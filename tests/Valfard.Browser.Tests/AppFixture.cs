using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>
/// The app on a real Kestrel port with its own demo database, and one headless system Chromium for all tests.
/// Playwright is never allowed to download a browser: the Debian package at /usr/bin/chromium is used.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ValfardFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's factory, to read the database and use its services in checks.</summary>
    public ValfardFactory Factory => _factory;
    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("VALFARD_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with: apt-get update && apt-get install -y chromium");
        }
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task<IPage> NewPageAsync(string locale = "fi-FI")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // CI machines have two cores shared with the web tests; allow for a slow moment instead of failing on it.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public const string DemoPassword = "Valfard-demo-2026!";

    /// <summary>
    /// Signs a demo user in through the login form and sets the interface language with the switcher, because other
    /// journeys may have left a different preferred language on the same user.
    /// </summary>
    public async Task<IPage> SignInAsync(string email, string language)
    {
        var (locale, button) = language switch
        {
            "sv" => ("sv-FI", "Svenska"),
            "en" => ("en-GB", "English"),
            _ => ("fi-FI", "Suomi"),
        };
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(DemoPassword);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Uri(BaseAddress, "/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "browser";
}
