using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Valfard.Web.Localization;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Startup;

[Collection(SharedAppCollection.Name)]
public sealed class LocalizationTests(ValfardFactory factory)
{
    [Theory]
    [InlineData(null, "fi", "Kirjaudu Valfardiin")]
    [InlineData("sv-FI,sv;q=0.9", "sv", "Logga in i Valfard")]
    [InlineData("en-GB", "en", "Sign in to Valfard")]
    [InlineData("de-DE", "fi", "Kirjaudu Valfardiin")]
    public async Task The_browsers_language_chooses_the_ui_language_with_finnish_as_default(string? acceptLanguage, string lang, string heading)
    {
        using var browser = Browser.Open(factory, acceptLanguage);

        var html = await browser.GetHtmlAsync("/account/login");

        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task The_language_switcher_keeps_the_user_on_the_same_page_and_remembers_the_choice()
    {
        using var browser = Browser.Open(factory, "fi");
        var token = await browser.TokenFromAsync("/account/forgot-password");

        var response = await browser.Client.PostAsync("/language",
            Browser.Form(token, ("language", "sv"), ("returnUrl", "/account/forgot-password?culture=fi")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/forgot-password", response.Headers.Location!.OriginalString);
        var html = await browser.GetHtmlAsync("/account/forgot-password");
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Återställ lösenordet", html);
    }

    [Fact]
    public async Task The_language_switcher_never_redirects_off_site()
    {
        using var browser = Browser.Open(factory);
        var token = await browser.TokenFromAsync("/account/login");

        var response = await browser.Client.PostAsync("/language", Browser.Form(token, ("language", "en"), ("returnUrl", "//evil.example/")));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("fi", "1.6.2025", "31.5.2029")]
    [InlineData("sv", "1.6.2025", "31.5.2029")]
    [InlineData("en", "01/06/2025", "31/05/2029")]
    public async Task Dates_follow_the_conventions_of_the_language(string language, string start, string end)
    {
        using var browser = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var token = Browser.TokenIn(await browser.GetHtmlAsync("/"));
        await browser.Client.PostAsync("/language", Browser.Form(token, ("language", language), ("returnUrl", "/")));

        var html = await browser.GetHtmlAsync("/");

        Assert.Contains(start, html);
        Assert.Contains(end, html);
    }

    /// <summary>
    /// Issue 17 §12: a browser that asks for American English or Sweden's Swedish still gets British or Finland-Swedish
    /// dates. Run through the app's own localization options, because a signed-in user's remembered language would
    /// hide the browser's.
    /// </summary>
    [Theory]
    [InlineData("en-US,en;q=0.9", null, "en", "en-GB", "01/06/2025")]
    [InlineData("en", null, "en", "en-GB", "01/06/2025")]
    [InlineData("sv-SE,sv;q=0.8", null, "sv", "sv-FI", "1.6.2025")]
    [InlineData("de-DE,en-US;q=0.7", null, "en", "en-GB", "01/06/2025")]
    [InlineData("de-DE", null, "fi", "fi-FI", "1.6.2025")]
    [InlineData("fi", "culture=en", "en", "en-GB", "01/06/2025")]
    [InlineData("fi", "culture=sv", "sv", "sv-FI", "1.6.2025")]
    public async Task Dates_follow_the_language_whatever_region_the_browser_names(string acceptLanguage, string? query, string language,
        string formatting, string firstDayOfTerm)
    {
        var options = new RequestLocalizationOptions();
        Cultures.Configure(options);
        (string Ui, string Formatting, string Date) seen = default;
        var middleware = new RequestLocalizationMiddleware(_ =>
        {
            seen = (CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, new DateOnly(2025, 6, 1).ToString(CultureInfo.CurrentCulture));
            return Task.CompletedTask;
        }, Options.Create(options), NullLoggerFactory.Instance);
        var context = new DefaultHttpContext();
        context.Request.Path = "/";
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString("?" + query);
        context.Request.Headers.AcceptLanguage = acceptLanguage;

        await middleware.Invoke(context);

        Assert.Equal((language, formatting, firstDayOfTerm), seen);
    }
}
