using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests;

[Collection(SharedAppCollection.Name)]
public sealed class ErrorPageAndHeaderTests(ValfardFactory factory)
{
    [Theory]
    [InlineData("fi", "Sivua ei löydy")]
    [InlineData("sv", "Sidan hittades inte")]
    [InlineData("en", "Page not found")]
    public async Task An_unknown_address_gets_a_friendly_404_in_the_users_language(string language, string title)
    {
        using var browser = Browser.Open(factory, language);

        var response = await browser.Client.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(title, html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task The_health_check_reports_the_database_healthy_to_anyone()
    {
        using var browser = Browser.Open(factory);

        var response = await browser.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_a_csp_without_inline_script()
    {
        using var browser = Browser.Open(factory);

        var response = await browser.Client.GetAsync("/account/login");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>(?!</script>)", html);
    }

    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_http_only()
    {
        using var browser = Browser.Open(factory);
        var token = await browser.TokenFromAsync("/account/login");
        var response = await browser.Client.PostAsync("/account/login",
            Browser.Form(token, ("Email", "editor@demo.test"), ("Password", Browser.DemoPassword)));

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("valfard.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>An unexpected exception becomes a friendly 500 page with a reference, and the details go only to the log.</summary>
public sealed class ServerErrorTests : IDisposable
{
    private readonly ThrowingFactory _factory = new();

    [Fact]
    public async Task An_unhandled_error_shows_a_friendly_page_without_the_stack_trace()
    {
        using var browser = Browser.Open(_factory, "sv");

        var response = await browser.Client.GetAsync("/test-only/throw");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Något gick fel", html);
        Assert.Contains("Referens för supporten", html);
        Assert.DoesNotContain("Kaboom", html);
        Assert.DoesNotContain("at Valfard", html);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class ThrowingFactory : ValfardFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpoint>());
        }
    }

    private sealed class ThrowingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-only/throw", b => b.Run(_ => throw new InvalidOperationException("Kaboom")));
        };
    }
}
