using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Valfard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// Every state-changing endpoint refuses a form without the antiforgery token, proved action by action; no action opts
/// out except the declared ones; every post form the roles can reach carries the token.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed partial class AntiforgeryTests(MatrixFixture fixture, ITestOutputHelper output)
{
    private MatrixFactory Factory => fixture.Factory;

    /// <summary>
    /// Controllers or actions allowed to skip the token check, each with its reason. The error pages are re-executed for
    /// the failed request's method, which may be a POST that just failed the antiforgery check; they change nothing.
    /// </summary>
    private static readonly Dictionary<string, string> DeclaredExceptions = new(StringComparer.Ordinal)
    {
        ["ErrorController"] = "re-executed error pages; read-only",
    };

    /// <summary>
    /// The second sign-in step lets in only a browser half-way through signing in, which the matrix has none of; a
    /// visitor posts it instead: the token check comes before the action, so it must still refuse.
    /// </summary>
    private static readonly HashSet<string> MidSignInActions = new(StringComparer.Ordinal)
    {
        "POST Account.LoginWithTwoFactor",
        "POST Account.LoginWithRecoveryCode",
    };

    [Fact]
    public void The_global_antiforgery_filter_is_registered()
    {
        var mvc = Factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value;

        Assert.Contains(mvc.Filters, f => f is AutoValidateAntiforgeryTokenAttribute);
    }

    [Fact]
    public void No_controller_or_action_skips_the_token_check_except_the_declared_ones()
    {
        var skipping = new List<string>();
        foreach (var action in MatrixFixture.AllActions())
        {
            if (action.Controller.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>(inherit: true) is not null
                && !DeclaredExceptions.ContainsKey(action.Controller.Name))
            {
                skipping.Add(action.Controller.Name);
            }
            if (action.Method.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>(inherit: true) is not null
                && !DeclaredExceptions.ContainsKey($"{action.Controller.Name}.{action.Method.Name}"))
            {
                skipping.Add(action.Key);
            }
        }

        Assert.True(skipping.Count == 0, "Skips antiforgery without a declared reason: " + string.Join(", ", skipping.Distinct()));
        // The declared list must not outlive its controllers either.
        var controllers = MatrixFixture.AllActions().Select(a => a.Controller.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(DeclaredExceptions.Keys, k => Assert.Contains(k.Split('.')[0], controllers));
    }

    [Fact]
    public async Task Every_state_changing_action_refuses_a_post_without_a_token_and_changes_nothing()
    {
        var before = await CountsAsync();
        var actions = MatrixFixture.AllActions()
            .Where(a => a.ChangesState && !DeclaredExceptions.ContainsKey(a.Controller.Name))
            .ToList();
        var failures = new List<string>();
        foreach (var action in actions)
        {
            // The request comes from someone the action lets in, so that only the token can stop it.
            var rule = AuthorizationPolicyTable.Rules[action.Key];
            // An action only another kind of organisation may take (a county's move on a negotiation) gets a role its
            // attribute admits in Demokommun: the token check comes before the action's own 404.
            var client = fixture.Clients.FirstOrDefault(c => rule.Expected(c.Role, c.Tenant) == Outcome.Allowed)
                ?? fixture.Clients.FirstOrDefault(c => c.Tenant == Tenant.Own && c.Role is { } role && rule.AllowedRoles.Contains(role))
                ?? (MidSignInActions.Contains(action.Key) ? fixture.Clients.First(c => c.Role is null) : null);
            if (client is null)
            {
                failures.Add($"{action.Key}: no role may post it");
                continue;
            }
            var (outcome, response, _) = await fixture.SendAsync(action, client, withToken: false);
            if (outcome != Outcome.BadRequest || response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{action.Key} as {client}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        output.WriteLine($"{actions.Count} state-changing actions posted without a token");

        Assert.True(failures.Count == 0, "Accepted without an antiforgery token:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
        Assert.True(actions.Count > 60, $"only {actions.Count} state-changing actions found");
        Assert.Equal(before, await CountsAsync());
        // Signing out without a token did not end anyone's session.
        foreach (var client in fixture.Clients.Where(c => c.Role is not null))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Browser.Client.GetAsync("/account/change-password")).StatusCode);
        }
    }

    [Fact]
    public async Task Every_post_form_on_the_pages_each_role_can_open_carries_the_token()
    {
        var forms = 0;
        var pages = 0;
        var missing = new List<string>();
        var gets = MatrixFixture.AllActions().Where(a => a.Verb == "GET").ToList();
        foreach (var client in fixture.Clients.Where(c => c.Tenant == Tenant.Own))
        {
            foreach (var action in gets.Where(a => AuthorizationPolicyTable.Rules[a.Key].Expected(client.Role, client.Tenant) == Outcome.Allowed))
            {
                var url = await fixture.UrlAsync(action, client, freshTargets: false);
                var response = await client.Browser.Client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                pages++;
                foreach (Match form in FormPattern().Matches(await response.Content.ReadAsStringAsync()))
                {
                    if (!PostMethod().IsMatch(form.Groups["tag"].Value))
                    {
                        continue;
                    }
                    forms++;
                    if (!form.Groups["body"].Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                    {
                        missing.Add($"{url} as {client}: {form.Groups["tag"].Value}");
                    }
                }
            }
        }
        output.WriteLine($"{forms} post forms on {pages} pages");

        Assert.True(missing.Count == 0, "Post forms without a token:" + Environment.NewLine + string.Join(Environment.NewLine, missing.Distinct()));
        Assert.True(forms > 100, $"only {forms} post forms found");
    }

    // ---- the earlier, hand-picked cases

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/language")]
    public async Task Anonymous_forms_refuse_a_post_without_a_token(string url)
    {
        using var browser = Browser.Open(Factory, "en");

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
        using var browser = await Browser.SignedInAsync(Factory, "admin@demo.test", "en");

        var response = await browser.Client.PostAsync(url, Browser.Form(null, ("DisplayName", "Forged"), ("Email", "forged@demo.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        using var attacker = Browser.Open(Factory);
        var foreignToken = await attacker.TokenFromAsync("/account/login");
        using var victim = await Browser.SignedInAsync(Factory, "admin@demo.test", "en");

        var response = await victim.Client.PostAsync("/admin/users/new",
            Browser.Form(foreignToken, ("DisplayName", "Forged"), ("Email", "forged@demo.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Rows a forged post would add, remove or change: the audit trail and the entities the removals target.</summary>
    private Task<string> CountsAsync() => Factory.QueryAsync(async db => string.Join(", ",
        $"audit {await db.AuditEntries.IgnoreQueryFilters().CountAsync()}",
        $"observations {await db.Observations.IgnoreQueryFilters().CountAsync()}",
        $"linked plans {await db.LinkedPlans.IgnoreQueryFilters().CountAsync()}",
        $"goals {await db.Goals.IgnoreQueryFilters().CountAsync()}",
        $"measures {await db.Measures.IgnoreQueryFilters().CountAsync()}",
        $"plan indicators {await db.PlanIndicators.IgnoreQueryFilters().CountAsync()}",
        $"reports {await db.Reports.IgnoreQueryFilters().CountAsync()}",
        $"comments {await db.SectionComments.IgnoreQueryFilters().CountAsync()}",
        $"feedback {await db.ResidentFeedback.IgnoreQueryFilters().CountAsync()}",
        $"active users {await db.Users.IgnoreQueryFilters().CountAsync(u => u.IsActive)}",
        $"logos {await db.OrganisationLogos.IgnoreQueryFilters().CountAsync()}",
        $"unread {await db.Notifications.IgnoreQueryFilters().CountAsync(n => n.ReadAt == null)}",
        $"section statuses {string.Join("", await db.ReportSections.IgnoreQueryFilters().OrderBy(s => s.Id).Select(s => (int)s.Status).ToListAsync())}"));

    [GeneratedRegex("<form\\b(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("method\\s*=\\s*\"?post", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();
}
