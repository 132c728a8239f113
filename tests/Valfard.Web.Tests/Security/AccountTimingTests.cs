using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// Whether an address has an account must not show in how long the answer takes. Medians over many interleaved
/// tries, compared with a wide margin: the difference this guards against was about 25-fold (~150 ms against ~6 ms).
/// </summary>
public sealed class AccountTimingTests : IDisposable
{
    private const int Tries = 15;
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task Signing_in_takes_as_long_for_an_unknown_address_as_for_a_known_one_with_a_wrong_password()
    {
        using var browser = Browser.Open(_factory, "en");
        var token = await browser.TokenFromAsync("/account/login");
        async Task<TimeSpan> SignInAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await browser.Client.PostAsync("/account/login", Browser.Form(token, ("Email", email), ("Password", "Väärin-arvattu-2026")));
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Sign-in failed. Check your e-mail address and password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return watch.Elapsed;
        }
        await SignInAsync("warmup@demo.test");
        // A locked account: Identity answers it before it checks the password.
        await LockAsync("secretary@demo.test", DateTimeOffset.MaxValue);

        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        var locked = new List<TimeSpan>();
        for (var i = 0; i < Tries; i++)
        {
            // Five wrong passwords would lock it, so its count starts again before each try (outside the timing).
            await LockAsync("council@demo.test", null);
            known.Add(await SignInAsync("council@demo.test"));
            unknown.Add(await SignInAsync($"nobody-{i}@demo.test"));
            locked.Add(await SignInAsync("secretary@demo.test"));
        }

        AssertSimilar(known, unknown);
        AssertSimilar(known, locked);
    }

    [Fact]
    public async Task Asking_for_a_password_reset_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        using var browser = Browser.Open(_factory, "en");
        var token = await browser.TokenFromAsync("/account/forgot-password");
        async Task<TimeSpan> AskAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await browser.Client.PostAsync("/account/forgot-password", Browser.Form(token, ("Email", email)));
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return watch.Elapsed;
        }
        await AskAsync("warmup@demo.test");

        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < Tries; i++)
        {
            known.Add(await AskAsync("council@demo.test"));
            unknown.Add(await AskAsync($"nobody-{i}@demo.test"));
        }

        AssertSimilar(known, unknown);
        // The mail itself goes out from the queue, to the known address only.
        var delivered = await _factory.DeliveredMailAsync();
        Assert.Equal(Tries, delivered.Count(m => m.To == "council@demo.test"));
        Assert.DoesNotContain(delivered, m => m.To.StartsWith("nobody-", StringComparison.Ordinal));
    }

    private Task<int> LockAsync(string email, DateTimeOffset? until) => _factory.QueryAsync(async db =>
    {
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == email);
        user.AccessFailedCount = 0;
        user.LockoutEnd = until;
        return await db.SaveChangesAsync();
    });

    private static void AssertSimilar(List<TimeSpan> known, List<TimeSpan> unknown)
    {
        var knownMedian = Median(known);
        var unknownMedian = Median(unknown);
        var ratio = knownMedian / unknownMedian;
        Assert.True(ratio is > 0.5 and < 2.0,
            $"median for a known address {knownMedian.TotalMilliseconds:F1} ms, for an unknown one {unknownMedian.TotalMilliseconds:F1} ms");
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public void Dispose() => _factory.Dispose();
}
