using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

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
        var html = await GetAsync(pageUrl);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                && (f.GetAttribute("action") ?? pageUrl).Split('?')[0].EndsWith(actionEnd, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"{pageUrl} has no form posting to …{actionEnd}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]);
                    }
                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }
        foreach (var name in fields.Select(f => f.Name).Distinct(StringComparer.Ordinal))
        {
            values.RemoveAll(v => string.Equals(v.Key, name, StringComparison.Ordinal));
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
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
            var errors = new HtmlParser().ParseDocument(body).QuerySelectorAll(".field-validation-error, .validation-summary-errors, .alert-danger, .invalid-feedback")
                .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0);
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
