using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Workflow;

/// <summary>Draft → review → council → approved → published over HTTP, as the coordinator, a council member and the secretary.</summary>
public sealed partial class ApprovalWorkflowTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private Task<WelfareReport> CurrentReportAsync() => _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
        .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == "Laaja hyvinvointikertomus 2025–2029"));

    [GeneratedRegex("name=\"ExpectedVersion\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ExpectedVersion();

    /// <summary>
    /// Opens the confirmation page of a move and sends it, as a person would who has read the checklist's warnings and
    /// ticked "I have checked these" (the checklist's own tests post without it).
    /// </summary>
    internal static async Task<HttpResponseMessage> MoveAsync(Browser browser, Guid reportId, WorkflowAction action, params (string Name, string Value)[] fields)
    {
        var url = $"/reports/{reportId}/workflow/{action}";
        var html = await browser.GetHtmlAsync(url);
        var version = ExpectedVersion().Match(html).Groups[1].Value;
        return await browser.Client.PostAsync(url, Browser.Form(Browser.TokenIn(html), [("ExpectedVersion", version), ("WarningsConfirmed", "true"), .. fields]));
    }

    internal static readonly (string, string)[] BoardDecisionFields =
    [
        ("Body", "Kunnanhallitus"), ("MeetingDate", "2026-11-02"), ("Paragraph", "201"),
        ("Proposal", "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen."),
    ];

    /// <summary>
    /// The board's step of a reviewed report: the coordinator sends it to the board and the secretary records the board's
    /// decision; the report is then ready to be sent to the council.
    /// </summary>
    internal static async Task ThroughBoardAsync(ValfardFactory factory, Browser coordinator, Guid reportId)
    {
        using var secretary = await Browser.SignedInAsync(factory, "secretary@demo.test", "en");
        await factory.LeaveEmptySectionsAsync(reportId);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, reportId, WorkflowAction.SendToBoard)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(secretary, reportId, WorkflowAction.RecordBoardDecision, BoardDecisionFields)).StatusCode);
    }

    /// <summary>Takes the report through review, the board and the council to an approved version, each move by its own role.</summary>
    private async Task ApproveAsync(Browser coordinator, Guid reportId)
    {
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        await MoveAsync(coordinator, reportId, WorkflowAction.SubmitForReview);
        await ThroughBoardAsync(_factory, coordinator, reportId);
        await MoveAsync(coordinator, reportId, WorkflowAction.SendToCouncil);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(secretary, reportId, WorkflowAction.Approve, Decision)).StatusCode);
    }

    internal static readonly (string, string)[] Decision =
        [("Body", "Kunnanvaltuusto"), ("MeetingDate", "2026-11-16"), ("Paragraph", "112"), ("MinutesUrl", "https://demo.example/minutes/2026-11-16")];

    [Fact]
    public async Task From_draft_to_published_each_role_does_its_part_and_the_archived_pdf_is_served_byte_identical()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        var councilMember = await _factory.UserAsync("council@demo.test");

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview)).StatusCode);
        await ThroughBoardAsync(_factory, coordinator, report.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil)).StatusCode);
        Assert.True(await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters()
            .AnyAsync(n => n.UserId == councilMember.Id && n.Kind == "Notification.Workflow.SendToCouncil")));

        // The council member reads the report made for them and comments beside a section.
        var reading = await council.GetHtmlAsync($"/reports/{report.Id}/read");
        Assert.Contains("The report is with the council", reading);
        var section = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(s => s.ReportId == report.Id && s.TitleFi == "Nuoret"));
        var commented = await council.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/comments",
            Browser.Form(Browser.TokenIn(reading), ("text", "Miten etsivä nuorisotyö resursoidaan?"), ("back", "read")));
        Assert.Equal($"/reports/{report.Id}/read#s-{section.Id}", commented.Headers.Location?.OriginalString);
        Assert.Contains("Miten etsivä nuorisotyö resursoidaan?", await council.GetHtmlAsync($"/reports/{report.Id}/read"));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(secretary, report.Id, WorkflowAction.Approve, Decision)).StatusCode);
        var version = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == report.Id));
        Assert.Equal(1, version.Number);
        Assert.Equal("112", version.Decision.Paragraph);
        Assert.Contains("Barn och barnfamiljer", version.SnapshotJson);
        Assert.Contains("Lapset ja lapsiperheet", version.SnapshotJson);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);
        var archived = await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ReportVersionId == version.Id).OrderBy(d => d.Language).ToListAsync());
        Assert.Equal(["fi", "sv"], archived.Select(d => d.Language));

        var first = await council.Client.GetAsync($"/reports/{report.Id}/pdf?lang=sv");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var secondBytes = await council.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=sv");
        var hash = Convert.ToHexStringLower(SHA256.HashData(firstBytes));
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(firstBytes, secondBytes);
        Assert.Equal(archived[1].Sha256, hash);
        Assert.Equal($"\"{hash}\"", first.Headers.ETag?.Tag);
        Assert.Contains(hash, await council.GetHtmlAsync($"/reports/{report.Id}/read"));

        var audit = await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ReportId == report.Id && a.Action.StartsWith("Workflow.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Workflow.Approve", "Workflow.Publish", "Workflow.RecordBoardDecision", "Workflow.SendToBoard", "Workflow.SendToCouncil",
            "Workflow.SubmitForReview"], audit.Order());
        Assert.Equal(ReportStatus.Published, (await CurrentReportAsync()).Status);
    }

    [Fact]
    public async Task What_the_council_approved_never_changes_later_text_and_new_indicator_values_go_to_the_next_version()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        await ApproveAsync(coordinator, report.Id);
        var frozen = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == report.Id));
        var section = await _factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().Include(s => s.Texts).AsNoTracking()
            .SingleAsync(s => s.ReportId == report.Id && s.TitleFi == "Lapset ja lapsiperheet"));
        var text = section.TextIn("fi")!;

        // While approved, nobody can write.
        var refused = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/text/fi",
            Browser.Form(Browser.TokenIn(await coordinator.GetHtmlAsync($"/reports/{report.Id}/read")),
                ("html", "<p>Muutos hyväksynnän jälkeen.</p>"), ("version", text.Version.ToString())));
        Assert.False(refused.IsSuccessStatusCode);

        await MoveAsync(coordinator, report.Id, WorkflowAction.Publish);
        await MoveAsync(coordinator, report.Id, WorkflowAction.StartNewVersion);
        Assert.Equal(2, (await CurrentReportAsync()).VersionNumber);

        // The next version is written, and Sotkanet brings new numbers.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var stored = await db.SectionTexts.IgnoreQueryFilters().SingleAsync(t => t.Id == text.Id);
            var owner = await db.ReportSections.IgnoreQueryFilters().SingleAsync(s => s.Id == section.Id);
            stored.Write("<p>Versio 2: uusi teksti lapsiperheistä.</p>", stored.Version, report.CreatedById, ValfardFactory.Today, owner);
            await db.Database.ExecuteSqlRawAsync("UPDATE IndicatorValues SET Value = 12345.6 WHERE IndicatorId = 90012");
            await db.SaveChangesAsync();
        }

        var after = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Id == frozen.Id));
        Assert.Equal(frozen.SnapshotJson, after.SnapshotJson);
        Assert.Equal(frozen.SnapshotSha256, after.SnapshotSha256);
        var approvedPage = await coordinator.GetHtmlAsync($"/reports/{report.Id}/read?version=1&lang=fi");
        Assert.DoesNotContain("Versio 2: uusi teksti", approvedPage);
        // The Finnish document writes its numbers the Finnish way (12 345,6) whatever the reader's own language.
        Assert.DoesNotContain("345,6", approvedPage);
        var livePage = await coordinator.GetHtmlAsync($"/reports/{report.Id}/read?lang=fi");
        Assert.Contains("Versio 2: uusi teksti", livePage);
        Assert.Contains("345,6", livePage);
    }

    [Fact]
    public async Task An_approved_version_cannot_be_changed_even_by_code_that_bypasses_the_domain()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        await ApproveAsync(coordinator, report.Id);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var version = await db.ReportVersions.IgnoreQueryFilters().SingleAsync(v => v.ReportId == report.Id);
        db.Entry(version).Property(v => v.SnapshotJson).CurrentValue = "{}";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.ReportVersions.Remove(await db.ReportVersions.IgnoreQueryFilters().SingleAsync(v => v.ReportId == report.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task An_illegal_move_says_what_it_needs_and_changes_nothing()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var token = Browser.TokenIn(await coordinator.GetHtmlAsync($"/reports/{report.Id}/read"));

        var response = await coordinator.Client.PostAsync($"/reports/{report.Id}/workflow/Publish",
            Browser.Form(token, ("ExpectedVersion", report.Version.ToString())));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a report the council has approved can be published.", html);
        Assert.Equal(ReportStatus.Draft, (await CurrentReportAsync()).Status);
        // The confirmation page of an illegal move sends the user back with the same message.
        var page = await coordinator.Client.GetAsync($"/reports/{report.Id}/workflow/StartNewVersion");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("A new version can be started only after the approved version is published.",
            await coordinator.GetHtmlAsync(page.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Each_move_belongs_to_its_roles_only()
    {
        var report = await CurrentReportAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        AssertDenied(await editor.Client.GetAsync($"/reports/{report.Id}/workflow/SubmitForReview"));
        var token = Browser.TokenIn(await editor.GetHtmlAsync($"/reports/{report.Id}/read"));
        AssertDenied(await editor.Client.PostAsync($"/reports/{report.Id}/workflow/SubmitForReview",
            Browser.Form(token, ("ExpectedVersion", report.Version.ToString()))));
        AssertDenied(await secretary.Client.GetAsync($"/reports/{report.Id}/workflow/SendToCouncil"));
        await MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ThroughBoardAsync(_factory, coordinator, report.Id);
        await MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);
        AssertDenied(await council.Client.GetAsync($"/reports/{report.Id}/workflow/Approve"));
        AssertDenied(await coordinator.Client.GetAsync($"/reports/{report.Id}/workflow/Approve"));
        Assert.Equal(ReportStatus.SentToCouncil, (await CurrentReportAsync()).Status);
        // The welfare group cannot comment while the council has the report; council members can.
        Assert.DoesNotContain("name=\"text\"", await editor.GetHtmlAsync($"/reports/{report.Id}/read"));
        Assert.Contains("name=\"text\"", await council.GetHtmlAsync($"/reports/{report.Id}/read"));
    }

    [Fact]
    public async Task A_bad_decision_is_refused_field_by_field_and_a_return_needs_its_reason()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "sv");
        await MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ThroughBoardAsync(_factory, coordinator, report.Id);
        await MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);

        var future = await MoveAsync(secretary, report.Id, WorkflowAction.Approve,
            ("Body", "Kommunfullmäktige"), ("MeetingDate", "2026-12-24"), ("Paragraph", "12"));
        Assert.Contains("Sammanträdesdatumet kan inte ligga i framtiden", await future.Content.ReadAsStringAsync());
        var noParagraph = await MoveAsync(secretary, report.Id, WorkflowAction.Approve,
            ("Body", "Kommunfullmäktige"), ("MeetingDate", "2026-11-16"), ("Paragraph", ""));
        var html = await noParagraph.Content.ReadAsStringAsync();
        Assert.Contains("Ange protokollets paragraf (§).", html);
        Assert.Contains("value=\"Kommunfullmäktige\"", html);
        Assert.Equal(ReportStatus.SentToCouncil, (await CurrentReportAsync()).Status);

        var noReason = await MoveAsync(coordinator, report.Id, WorkflowAction.ReturnToDraft, ("Reason", " "));
        Assert.Contains("Kerro, miksi kertomus palautetaan luonnokseksi.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, report.Id, WorkflowAction.ReturnToDraft, ("Reason", "Nuorten luku on kesken."))).StatusCode);
        var returned = await CurrentReportAsync();
        Assert.Equal(ReportStatus.Draft, returned.Status);
        Assert.Equal("Nuorten luku on kesken.", returned.ReturnReason);
        Assert.Contains("Nuorten luku on kesken.", await coordinator.GetHtmlAsync($"/reports/{report.Id}/read"));
    }

    [Fact]
    public async Task A_move_sent_from_an_outdated_page_is_refused()
    {
        var report = await CurrentReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var token = Browser.TokenIn(await coordinator.GetHtmlAsync($"/reports/{report.Id}/read"));
        await MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);

        var stale = await coordinator.Client.PostAsync($"/reports/{report.Id}/workflow/ReturnToDraft",
            Browser.Form(token, ("ExpectedVersion", report.Version.ToString()), ("Reason", "Vanha sivu")));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(ReportStatus.InReview, (await CurrentReportAsync()).Status);
    }

    [Fact]
    public async Task The_reading_view_marks_what_changed_since_the_previous_approved_report()
    {
        var report = await CurrentReportAsync();
        using var council = await Browser.SignedInAsync(_factory, "council@demo.test", "en");

        var html = await council.GetHtmlAsync($"/reports/{report.Id}/read?lang=fi");

        Assert.Contains("Changes are marked against the previous approved version: Laaja hyvinvointikertomus 2021–2025", html);
        Assert.Contains("change-Changed", html);
        Assert.Contains("<ins>", html);
    }

    /// <summary>A refused role is sent to the access-denied page, as everywhere in the app.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
