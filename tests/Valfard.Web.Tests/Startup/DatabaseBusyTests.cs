using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Startup;

/// <summary>The app with a one-second busy timeout, so a held write lock shows quickly.</summary>
public sealed class ImpatientFactory : ValfardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:BusyTimeoutSeconds", "1");
    }
}

/// <summary>
/// Another process holds the SQLite write lock (a backup tool, a long import, a person with the sqlite3 shell): saves
/// during that time are refused with a clear "busy, try again" answer, nothing half-written remains, and the same save
/// goes through once the lock is gone.
/// </summary>
public sealed class DatabaseBusyTests : IDisposable
{
    private readonly ImpatientFactory _factory = new();

    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private Task<SectionText> FinnishTextAsync(Guid sectionId) =>
        _factory.QueryAsync(db => db.SectionTexts.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.SectionId == sectionId && t.Language == "fi"));

    [Fact]
    public async Task An_autosave_while_the_database_is_locked_is_answered_busy_and_succeeds_when_retried()
    {
        _ = _factory.Services;
        var section = await _factory.DemoSectionAsync("Lapset ja lapsiperheet");
        using var editor = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var before = await FinnishTextAsync(section.Id);
        var revisionsBefore = await _factory.QueryAsync(db => db.SectionRevisions.IgnoreQueryFilters().CountAsync(r => r.SectionId == section.Id));

        HttpResponseMessage busy;
        await using (var lockHolder = await HoldWriteLockAsync())
        {
            busy = await editor.SaveSectionTextAsync(section.ReportId, section.Id, "fi", "<p>Kirjoitettu lukon aikana</p>", before.Version);
            await using var rollback = lockHolder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("5", busy.Headers.RetryAfter?.ToString());
        using (var answer = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()))
        {
            Assert.Equal("busy", answer.RootElement.GetProperty("status").GetString());
            Assert.Contains("Tietokanta on varattu", answer.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        var during = await FinnishTextAsync(section.Id);
        Assert.Equal(before.Html, during.Html);
        Assert.Equal(before.Version, during.Version);
        Assert.Equal(revisionsBefore, await _factory.QueryAsync(db => db.SectionRevisions.IgnoreQueryFilters().CountAsync(r => r.SectionId == section.Id)));

        // The editor's autosave sends the same text again with the same version: it goes through now.
        var retried = await editor.SaveSectionTextAsync(section.ReportId, section.Id, "fi", "<p>Kirjoitettu lukon aikana</p>", before.Version);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("<p>Kirjoitettu lukon aikana</p>", (await FinnishTextAsync(section.Id)).Html);
        Assert.Equal("ok", await TestData.IntegrityCheckAsync(_factory.DatabasePath));
    }

    [Fact]
    public async Task A_form_sent_while_the_database_is_locked_gets_a_clear_page_in_the_users_language_and_nothing_is_saved()
    {
        _ = _factory.Services;
        var section = await _factory.DemoSectionAsync("Lapset ja lapsiperheet");
        using var editor = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        var token = await editor.TokenFromAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        var commentsBefore = await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id));

        HttpResponseMessage busy;
        await using (var lockHolder = await HoldWriteLockAsync())
        {
            busy = await editor.Client.PostAsync($"/reports/{section.ReportId}/sections/{section.Id}/comments",
                Browser.Form(token, ("text", "En kommentar under låset")));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        var page = await busy.Content.ReadAsStringAsync();
        Assert.Contains("Databasen är upptagen med annat arbete, så ändringen sparades inte.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
        Assert.Equal(commentsBefore, await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id)));

        var again = await editor.Client.PostAsync($"/reports/{section.ReportId}/sections/{section.Id}/comments",
            Browser.Form(token, ("text", "En kommentar under låset")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(commentsBefore + 1, await _factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id)));
        Assert.Equal("ok", await TestData.IntegrityCheckAsync(_factory.DatabasePath));
    }

    public void Dispose() => _factory.Dispose();
}
