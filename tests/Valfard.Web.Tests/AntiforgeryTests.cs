using System.Net;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests;

[Collection(SharedAppCollection.Name)]
public sealed class AntiforgeryTests(ValfardFactory factory)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/language")]
    public async Task Anonymous_forms_refuse_a_post_without_a_token(string url)
    {
        using var browser = Browser.Open(factory, "en");

        var response = await browser.Client.PostAsync(url, Browser.Form(null, ("Email", "editor@demo.test"), ("Password", Browser.DemoPassword)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be sent", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/organisations/new")]
    [InlineData("/account/change-password")]
    [InlineData("/account/logout")]
    public async Task Signed_in_forms_refuse_a_post_without_a_token(string url)
    {
        using var browser = await Browser.SignedInAsync(factory, "admin@demo.test", "en");

        var response = await browser.Client.PostAsync(url, Browser.Form(null, ("DisplayName", "Forged"), ("Email", "forged@demo.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        using var attacker = Browser.Open(factory);
        var foreignToken = await attacker.TokenFromAsync("/account/login");
        using var victim = await Browser.SignedInAsync(factory, "admin@demo.test", "en");

        var response = await victim.Client.PostAsync("/admin/users/new",
            Browser.Form(foreignToken, ("DisplayName", "Forged"), ("Email", "forged@demo.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
