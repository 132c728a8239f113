using System.Net;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Admin;

[Collection(SharedAppCollection.Name)]
public sealed class RoleTests(ValfardFactory factory)
{
    [Theory]
    [InlineData("admin@demo.test", "/admin/users", HttpStatusCode.OK)]
    [InlineData("admin@demo.test", "/admin/organisations", HttpStatusCode.OK)]
    [InlineData("coordinator@demo.test", "/admin/users", HttpStatusCode.Redirect)]
    [InlineData("coordinator@demo.test", "/admin/organisations", HttpStatusCode.Redirect)]
    [InlineData("editor@demo.test", "/admin/users", HttpStatusCode.Redirect)]
    [InlineData("council@demo.test", "/admin/users", HttpStatusCode.Redirect)]
    [InlineData("secretary@demo.test", "/admin/organisations", HttpStatusCode.Redirect)]
    [InlineData("editor@esimerkkila.test", "/admin/users", HttpStatusCode.Redirect)]
    public async Task Admin_pages_open_only_for_their_roles(string email, string url, HttpStatusCode expected)
    {
        using var browser = await Browser.SignedInAsync(factory, email);

        var response = await browser.Client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_in_the_users_language()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@demo.test", "sv");

        var response = await browser.Client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Ingen åtkomst", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_start_page_lists_the_users_roles_and_sectors()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@demo.test", "en");

        var html = await browser.GetHtmlAsync("/");

        Assert.Contains("Editor", html);
        Assert.Contains("Your sectors", html);
        Assert.Contains("<li>Education</li>", html);
    }
}
