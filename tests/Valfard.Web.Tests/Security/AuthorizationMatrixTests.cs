using System.Diagnostics;
using Valfard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// Every controller action, asked by anonymous and by each role alone in its own organisation and in another one,
/// answers what <see cref="AuthorizationPolicyTable"/> declares.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class AuthorizationMatrixTests(MatrixFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Every_action_is_declared_in_the_policy_table()
    {
        var missing = MatrixFixture.AllActions().Select(a => a.Key).Where(k => !AuthorizationPolicyTable.Rules.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, "Actions without a line in AuthorizationPolicyTable: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_entry_of_the_policy_table_names_an_existing_action()
    {
        var actions = MatrixFixture.AllActions().Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var stale = AuthorizationPolicyTable.Rules.Keys.Where(k => !actions.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Policy table lines for actions that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_reflection_finds_the_known_actions_including_the_admin_area()
    {
        var keys = MatrixFixture.AllActions().Select(a => a.Key).ToList();

        Assert.Contains("GET Sections.Edit", keys);
        Assert.Contains("POST Admin.Users.Deactivate", keys);
        Assert.Contains("ANY Error.Status", keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.True(keys.Count > 100, $"only {keys.Count} actions found");
    }

    [Fact]
    public async Task Every_action_answers_every_role_in_both_organisations_as_the_table_declares()
    {
        var watch = Stopwatch.StartNew();
        var actions = MatrixFixture.AllActions()
            .Where(a => AuthorizationPolicyTable.Rules.ContainsKey(a.Key))
            .OrderBy(a => Order(a.Key))
            .ToList();
        var failures = new List<string>();
        var cases = 0;
        foreach (var action in actions)
        {
            var rule = AuthorizationPolicyTable.Rules[action.Key];
            foreach (var client in fixture.Clients)
            {
                var expected = rule.Expected(client.Role, client.Tenant);
                // Signing out would end the session the other rows use: it gets a session of its own.
                var ending = action.Key == "POST Account.Logout" ? await fixture.SeparateSessionAsync(client) : null;
                var (actual, response, body) = await fixture.SendAsync(action, ending ?? client);
                ending?.Browser.Dispose();
                cases++;
                if (actual != expected)
                {
                    failures.Add($"{action.Key} as {client}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})"
                        + $" {response.RequestMessage?.RequestUri?.PathAndQuery}");
                }
                else if (client.Tenant == Tenant.Other && actual == Outcome.Allowed && !rule.WholeInstallation && LeakMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } leaked)
                {
                    failures.Add($"{action.Key} as {client}: shows Demokommun's \"{leaked}\" to another organisation");
                }
            }
        }
        output.WriteLine($"{actions.Count} actions, {fixture.Clients.Count} clients, {cases} cases in {watch.Elapsed.TotalSeconds:F1} s");

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases differ from the policy table:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures));
    }

    /// <summary>Texts only Demokommun's signed-in pages show: its people's names and its report's section texts.</summary>
    private static readonly string[] LeakMarkers = ["Kaisa Koordinaattori", "Erik Editor", "Sanna Sihteeri", "Matrix set", "Matrix plan", "Matrix feedback"];

    /// <summary>The table's order, so that e.g. closing a follow-up round is followed by reopening it.</summary>
    private static int Order(string key) => AuthorizationPolicyTable.Rules.Keys.ToList().IndexOf(key);
}
