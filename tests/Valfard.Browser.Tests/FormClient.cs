using System.Net;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Browser.Tests;

/// <summary>
/// A cookie-keeping HTTP client against the running app that fills in the app's own forms the way a browser
/// would: every field the form carries (hidden versions, antiforgery token, checked boxes, selected options) is
/// posted, with the given fields changed.
/// </summary>
public sealed class FormClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    private FormClient(Uri baseAddress, string language)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Client = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public HttpClient Client { get; }

    public static FormClient Anonymous(Uri baseAddress, string language = "fi") => new(baseAddress, language);

    public static async Task<FormClient> SignedInAsync(Uri baseAddress, string email, string language = "fi")
    {
        var client = new FormClient(baseAddress, language);
        var response = await client.SubmitAsync("/account/login", "/account/login", ("Email", email), ("Password", AppFixture.DemoPassword));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    public async Task<string> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, takes the first POST form whose action ends with <paramref name="actionEnd"/>,
    /// sets the given fields (replacing what the form had under those names) and posts it. Never accepts a 500.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string actionEnd, params (string Name, string Value)[] fields)
    {
        var (action, values) = FormFields.Fill(await GetAsync(pageUrl), pageUrl, actionEnd, fields);
        var response = await Client.PostAsync(action, new FormUrlEncodedContent(values));
        Assert.True((int)response.StatusCode < 500, $"POST {action} answered {(int)response.StatusCode}");
        return response;
    }

    /// <summary>Like <see cref="SubmitAsync"/>, and the form must be accepted (a redirect after the post).</summary>
    public async Task<HttpResponseMessage> SubmitAcceptedAsync(string pageUrl, string actionEnd, params (string Name, string Value)[] fields)
    {
        var response = await SubmitAsync(pageUrl, actionEnd, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            var errors = FormFields.Messages(body);
            Assert.Fail($"POST …{actionEnd} from {pageUrl} was not accepted ({(int)response.StatusCode}): {string.Join(" / ", errors)}");
        }
        return response;
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
