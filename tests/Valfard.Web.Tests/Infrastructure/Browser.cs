using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>An HttpClient that keeps cookies and reads antiforgery tokens from forms, like a person's browser.</summary>
public sealed partial class Browser : IDisposable
{
    public const string DemoPassword = "Valfard-demo-2026!";

    private Browser(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static Browser Open(WebApplicationFactory<Program> factory, string? acceptLanguage = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return new Browser(client);
    }

    public static async Task<Browser> SignedInAsync(WebApplicationFactory<Program> factory, string email, string? acceptLanguage = "fi")
    {
        var browser = Open(factory, acceptLanguage);
        var response = await browser.LoginAsync(email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        var token = await TokenFromAsync("/account/login");
        return await Client.PostAsync("/account/login", Form(token, ("Email", email), ("Password", password)));
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> TokenFromAsync(string url) => TokenIn(await GetHtmlAsync(url));

    /// <summary>GETs the page with the form, then posts the fields with the form's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formUrl, string postUrl, params (string Name, string Value)[] fields) =>
        await Client.PostAsync(postUrl, Form(await TokenFromAsync(formUrl), fields));

    /// <summary>Saves one language of a section as the editor's autosave does: the form post with the token in a header.</summary>
    public async Task<HttpResponseMessage> SaveSectionTextAsync(Guid reportId, Guid sectionId, string language, string html, Guid version)
    {
        var token = await TokenFromAsync($"/reports/{reportId}/sections/{sectionId}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reports/{reportId}/sections/{sectionId}/text/{language}")
        {
            Content = Form(null, ("html", html), ("version", version.ToString())),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Accept.ParseAdd("application/json");
        return await Client.SendAsync(request);
    }

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            pairs.Add(new("__RequestVerificationToken", token));
        }
        return new FormUrlEncodedContent(pairs);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();
}
