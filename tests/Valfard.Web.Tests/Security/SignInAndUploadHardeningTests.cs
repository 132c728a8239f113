using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

[Collection(SharedAppCollection.Name)]
public sealed class SignInAndUploadHardeningTests(ValfardFactory factory)
{
    [Fact]
    public async Task Over_https_the_session_and_antiforgery_cookies_are_secure_http_only_and_same_site()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var form = await client.GetAsync("/account/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("valfard.af=", StringComparison.Ordinal));
        var token = Browser.TokenIn(await form.Content.ReadAsStringAsync());

        var signIn = await client.PostAsync("/account/login", Browser.Form(token, ("Email", "editor@demo.test"), ("Password", Browser.DemoPassword)));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("valfard.auth=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
        }
    }

    [Fact]
    public async Task The_password_reset_answers_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_known_one()
    {
        using var browser = Browser.Open(factory, "en");
        async Task<int> MailsTo(string address) =>
            (await factory.DeliveredMailAsync()).Count(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase));
        var before = await MailsTo("secretary@demo.test");

        var known = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "secretary@demo.test"));
        var unknown = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "nobody-here@demo.test"));

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownPage = Normalise(await known.Content.ReadAsStringAsync());
        var unknownPage = Normalise(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(knownPage, unknownPage);
        Assert.Equal(before + 1, await MailsTo("secretary@demo.test"));
        Assert.Equal(0, await MailsTo("nobody-here@demo.test"));
    }

    /// <summary>The pages differ only in their antiforgery tokens; anything else would tell an attacker the address exists.</summary>
    private static string Normalise(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ8[^\"]*\"", "value=\"token\"");

    [Fact]
    public void Every_action_that_takes_a_file_declares_its_own_request_size_limit()
    {
        var uploads = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(IFormFile) || p.ParameterType == typeof(IFormFileCollection)))
            .ToList();

        Assert.NotEmpty(uploads);
        Assert.All(uploads, action =>
        {
            var limit = action.GetCustomAttribute<RequestSizeLimitAttribute>();
            Assert.True(limit is not null, $"{action.DeclaringType!.Name}.{action.Name} takes a file but sets no [RequestSizeLimit]");
            var bytes = (long)typeof(RequestSizeLimitAttribute).GetField("_bytes", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(limit)!;
            // A whole Sotkanet data file is large (1,000,000 values is 83 MB of JSON); documents and images are small.
            var most = action.DeclaringType == typeof(Valfard.Web.Features.Indicators.IndicatorImportsController) ? 200L * 1024 * 1024 : 11L * 1024 * 1024;
            Assert.InRange(bytes, 1, most);
        });
    }

    /// <summary>Anonymous posts that need no limit: switching the language only sets a cookie for the sender.</summary>
    private static readonly string[] UnlimitedAnonymousPosts = ["LanguageController.Set"];

    [Fact]
    public void Every_anonymous_form_post_is_rate_limited_by_address()
    {
        var anonymousPosts = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract && t.Name != "ErrorController")
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Select(m => (Type: t, Method: m)))
            .Where(a => a.Method.GetCustomAttribute<HttpPostAttribute>() is not null)
            .Where(a => a.Method.GetCustomAttribute<Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute>() is not null
                        || a.Type.GetCustomAttribute<Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute>() is not null)
            .Select(a => (Name: $"{a.Type.Name}.{a.Method.Name}",
                Limited: a.Method.GetCustomAttribute<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is not null))
            .ToList();

        Assert.Contains(anonymousPosts, a => a.Name == "AccountController.Login");
        Assert.Contains(anonymousPosts, a => a.Name == "PublicController.Feedback");
        var unlimited = anonymousPosts.Where(a => !a.Limited).Select(a => a.Name).Order().ToList();
        Assert.Equal(UnlimitedAnonymousPosts, unlimited);
    }

    [Fact]
    public async Task A_linked_plan_over_ten_megabytes_gets_a_clear_message_and_nothing_is_saved()
    {
        var report = await factory.DemoReportAsync();
        using var editor = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var token = await editor.TokenFromAsync($"/reports/{report.Id}/plans");
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Safety"), "kind" },
            { new StringContent("Liian suuri suunnitelma"), "title" },
        };
        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "liian-suuri.pdf");

        var response = await editor.Client.PostAsync($"/reports/{report.Id}/plans/upload", content);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tiedosto on suurempi kuin 10 Mt.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Liian suuri suunnitelma</a>", page, StringComparison.Ordinal);
    }
}
