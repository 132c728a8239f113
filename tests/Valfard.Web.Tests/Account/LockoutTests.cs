using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Account;

/// <summary>Own app per test class: these tests lock accounts.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_fails()
    {
        using var browser = Browser.Open(_factory, "en");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await browser.LoginAsync("council@demo.test", "Wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var withRightPassword = await browser.LoginAsync("council@demo.test", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("Sign-in failed", await withRightPassword.Content.ReadAsStringAsync());
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("council@demo.test");
        Assert.True(await users.IsLockedOutAsync(user!));
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_account()
    {
        using var browser = Browser.Open(_factory, "en");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await browser.LoginAsync("secretary@demo.test", "Wrong-password-123");
        }

        var response = await browser.LoginAsync("secretary@demo.test", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync("editor@esimerkkila.test");
            user!.IsActive = false;
            await users.UpdateAsync(user);
        }
        using var browser = Browser.Open(_factory, "en");

        var response = await browser.LoginAsync("editor@esimerkkila.test", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign-in failed", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}

public sealed class RateLimitTests : IDisposable
{
    private readonly LowLimitFactory _factory = new();

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_are_refused_with_a_friendly_page()
    {
        using var browser = Browser.Open(_factory, "en");
        var token = await browser.TokenFromAsync("/account/login");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await browser.Client.PostAsync("/account/login",
                Browser.Form(token, ("Email", "nobody@demo.test"), ("Password", "Wrong-password-123")));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class LowLimitFactory : ValfardFactory
    {
        protected override int LoginPermitsPerMinute => 3;
    }
}
