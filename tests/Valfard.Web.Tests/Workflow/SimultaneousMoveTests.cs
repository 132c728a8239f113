using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Workflow;

/// <summary>
/// Two people approving or publishing one report at the same moment: the one who comes second gets the conflict
/// answer every other conflict gets ("someone else just did this, reload"), never a server error, and the data stays
/// one version and one archived document per language.
/// </summary>
public sealed class SimultaneousMoveTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<WelfareReport> ReportAsync() => _factory.DemoReportAsync();

    private async Task<WelfareReport> InCouncilAsync()
    {
        var report = await ReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview)).StatusCode);
        await ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, report.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil)).StatusCode);
        return await ReportAsync();
    }

    [Fact]
    public async Task An_approval_that_loses_the_race_for_its_version_number_gets_the_conflict_answer_and_changes_nothing()
    {
        var report = await InCouncilAsync();
        // The row the winner of the race wrote a moment earlier: version number N of this report, taken by someone else.
        await TestData.SqliteScalarAsync(_factory.DatabasePath, CopyOfAnyVersionAs(report.Id, report.VersionNumber));
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");

        var response = await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else saved a change while you were editing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.SentToCouncil, (await ReportAsync()).Status);
        Assert.Equal(1, await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().CountAsync(v => v.ReportId == report.Id)));
    }

    [Fact]
    public async Task Simultaneous_approvals_and_then_publishes_make_one_version_one_archive_and_no_server_error()
    {
        var report = await InCouncilAsync();
        var secretaries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Browser.SignedInAsync(_factory, "secretary@demo.test", "en")));
        // Each opens the confirmation page first, so all post the same expected version.
        var approvals = await Task.WhenAll(secretaries.Select(async s =>
        {
            var url = $"/reports/{report.Id}/workflow/Approve";
            var html = await s.GetHtmlAsync(url);
            return (s, url, html);
        }));
        var approved = await Task.WhenAll(approvals.Select(a => a.s.Client.PostAsync(a.url, Browser.Form(Browser.TokenIn(a.html),
            [("ExpectedVersion", report.Version.ToString()), .. ApprovalWorkflowTests.Decision]))));

        Assert.All(approved, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"approval answered {(int)r.StatusCode}"));
        Assert.Single(approved, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().CountAsync(v => v.ReportId == report.Id)));

        using var coordinators = new Disposables(await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Browser.SignedInAsync(_factory, "coordinator@demo.test", "en"))));
        var current = await ReportAsync();
        var publishes = await Task.WhenAll(coordinators.Items.Select(async c =>
        {
            var url = $"/reports/{report.Id}/workflow/Publish";
            var html = await c.GetHtmlAsync(url);
            return await c.Client.PostAsync(url, Browser.Form(Browser.TokenIn(html), ("ExpectedVersion", current.Version.ToString()), ("WarningsConfirmed", "true")));
        }));

        Assert.All(publishes, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"publish answered {(int)r.StatusCode}"));
        Assert.Equal(ReportStatus.Published, (await ReportAsync()).Status);
        var archived = await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters()
            .Where(d => db.ReportVersions.IgnoreQueryFilters().Any(v => v.Id == d.ReportVersionId && v.ReportId == report.Id))
            .Select(d => d.Language).ToListAsync());
        Assert.Equal(archived.Distinct().Count(), archived.Count);
        Assert.NotEmpty(archived);
        foreach (var secretary in secretaries)
        {
            secretary.Dispose();
        }
    }

    /// <summary>An INSERT copying another report's approved version row as version <paramref name="number"/> of this report.</summary>
    private static string CopyOfAnyVersionAs(Guid reportId, int number)
    {
        var id = Guid.NewGuid().ToString().ToUpperInvariant();
        var report = reportId.ToString().ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"""
            CREATE TEMP TABLE copy AS SELECT * FROM ReportVersions LIMIT 1;
            UPDATE copy SET Id = '{id}', ReportId = '{report}', Number = {number};
            INSERT INTO ReportVersions SELECT * FROM copy;
            SELECT changes();
            """);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class Disposables(Browser[] items) : IDisposable
    {
        public Browser[] Items { get; } = items;

        public void Dispose()
        {
            foreach (var item in Items)
            {
                item.Dispose();
            }
        }
    }
}
