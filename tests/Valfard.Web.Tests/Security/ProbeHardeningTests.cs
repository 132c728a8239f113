using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Web.Startup;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Startup;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// The holes an outside probe of the landed app found in its start-up and pipeline: links that followed the Host
/// header, forwarded headers trusted from anyone, a public cache keyed on any query string, demo mode outside
/// Development, the Server header, and anonymous bodies re-encoded before routing.
/// </summary>
public sealed partial class ProbeHardeningTests
{
    [Fact]
    public async Task A_reset_link_points_at_the_configured_address_even_when_every_host_is_allowed_and_the_host_is_forged()
    {
        // The operator allowed any host, so only the link builder stands between a forged Host and a stolen token.
        using var factory = new SettingsFactory(("AllowedHosts", "*"));
        using var browser = Browser.Open(factory, "fi");
        var token = await browser.TokenFromAsync("/account/forgot-password");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = Browser.Form(token, ("Email", "secretary@demo.test")),
        };
        request.Headers.Host = "attacker.example";

        var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = Assert.Single(await factory.DeliveredMailAsync());
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        Assert.Equal("https://hyvinvointi.example.fi/account/reset-password", link.GetLeftPart(UriPartial.Path));
        Assert.DoesNotContain("attacker.example", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_the_app_answers_only_to_its_public_host_and_loopback()
    {
        using var factory = new ValfardFactory();
        using var browser = Browser.Open(factory, "fi");

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "attacker.example";
        using var own = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        own.Headers.Host = "hyvinvointi.example.fi";

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/health")).StatusCode);
        Assert.Empty(await factory.DeliveredMailAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://hyvinvointi.example.fi")]
    [InlineData("https://hyvinvointi.example.fi/valfard?x=1")]
    public void The_app_refuses_to_start_without_a_usable_public_address(string address)
    {
        using var factory = new SettingsFactory(("Valfard:PublicBaseUrl", address));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Valfard:PublicBaseUrl", StartupTests.Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Demo_mode_with_its_published_password_runs_only_in_Development(string environment)
    {
        using var app = new ValfardFactory();
        using var factory = app.WithWebHostBuilder(b => b.UseEnvironment(environment));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"Valfard:Demo is true in the {environment} environment", StartupTests.Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_sends_no_Server_header()
    {
        using var factory = new SettingsFactory();
        using var client = new HttpClient { BaseAddress = StartOnKestrel(factory) };

        var response = await client.GetAsync("/fi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("10.9.9.9, 192.168.0.0/16", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.0/8", true)]
    public async Task Forwarded_headers_count_only_from_a_configured_proxy(string? knownProxies, bool trusted)
    {
        // The test connects from 127.0.0.1. With no list, the loopback default applies; with a list, only the list.
        var settings = new List<(string, string)> { ("Valfard:BehindProxy", "true") };
        if (knownProxies is not null)
        {
            settings.Add(("Valfard:KnownProxies", knownProxies));
        }
        using var factory = new SettingsFactory([.. settings]);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = StartOnKestrel(factory) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        // The antiforgery cookie is Secure exactly when the request counts as HTTPS.
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("valfard.af=", StringComparison.Ordinal));
        Assert.Equal(trusted || knownProxies is null, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_known_proxy_list_replaces_the_loopback_default_and_a_bad_entry_names_itself()
    {
        var options = TrustedProxies.OptionsFrom(Configuration(("Valfard:KnownProxies", "10.0.0.5; 172.18.0.0/16")));
        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.18.0.0/16")], options.KnownIPNetworks);

        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.OptionsFrom(Configuration(("Valfard:KnownProxies", "proxy.local"))));
        Assert.Contains("'proxy.local'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_cache_ignores_query_keys_the_pages_do_not_read()
    {
        using var factory = new ValfardFactory();
        using var browser = Browser.Open(factory, "fi");

        var first = await browser.Client.GetAsync($"/fi?x={Guid.NewGuid():N}");
        var second = await browser.Client.GetAsync($"/fi?x={Guid.NewGuid():N}");
        var search = await browser.Client.GetAsync("/fi?q=Demokunta");

        Assert.Null(first.Headers.Age);
        // Served from the entry the first request made: the random key did not force a render.
        Assert.NotNull(second.Headers.Age);
        // The search is a page of its own.
        Assert.Null(search.Headers.Age);
    }

    [Fact]
    public async Task An_anonymous_non_UTF8_form_is_bounded_and_never_read_for_a_page_it_cannot_reach()
    {
        using var factory = new ValfardFactory();
        using var browser = Browser.Open(factory, "fi");

        // To a public form: 64 KB is plenty for feedback; more is refused before anything is decoded.
        var tooLarge = await PostLatin1Async(browser, "/fi/accessibility/feedback", 70 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        // To a signed-in page: the sender is sent to sign in and the 5 MB body is never read or re-encoded.
        var report = await factory.DemoReportAsync();
        var section = await factory.DemoSectionAsync("Tiivistelmä");
        var signedInOnly = await PostLatin1Async(browser, $"/reports/{report.Id}/sections/{section.Id}/comments", 5 * 1024 * 1024);
        Assert.Equal(HttpStatusCode.Redirect, signedInOnly.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=", signedInOnly.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latin1_form_is_rewritten_as_UTF8_pair_by_pair()
    {
        var latin1 = Encoding.Latin1;
        var body = Encoding.ASCII.GetBytes("text=P%E4iv%E4koti+%26+muut&empty=&flag&bad=100%+%zz&%C5=%F6");

        var utf8 = FormCharset.ToUtf8Form(body, latin1);

        Assert.Equal("text=P%C3%A4iv%C3%A4koti%20%26%20muut&empty=&flag&bad=100%25%20%25zz&%C3%85=%C3%B6", utf8);
    }

    private static async Task<HttpResponseMessage> PostLatin1Async(Browser browser, string url, int bytes)
    {
        var body = new StringBuilder("text=").Append('a', bytes).ToString();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=iso-8859-1");
        return await browser.Client.PostAsync(url, content);
    }

    private static Uri StartOnKestrel(ValfardFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    /// <summary>The test app with a few settings of its own on top of the usual ones.</summary>
    private sealed class SettingsFactory(params (string Key, string Value)[] settings) : ValfardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
