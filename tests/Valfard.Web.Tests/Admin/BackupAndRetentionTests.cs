using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Common;
using Valfard.Web.Features.Admin;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Admin;

/// <summary>
/// Backups of the running app (the admin download and the <c>backup</c> command), restored into a new app that finds
/// the data; and the audit log's retention.
/// </summary>
public sealed class BackupAndRetentionTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private async Task SaveTextAsync(Browser browser, Guid reportId, Guid sectionId, string html)
    {
        var version = await _factory.QueryAsync(db => db.SectionTexts.IgnoreQueryFilters()
            .Where(t => t.SectionId == sectionId && t.Language == "fi").Select(t => t.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.SaveSectionTextAsync(reportId, sectionId, "fi", html, version)).StatusCode);
    }

    [Fact]
    public async Task The_admin_downloads_a_consistent_backup_of_the_running_app_and_a_new_app_restored_from_it_finds_the_data()
    {
        _ = _factory.Services;
        var section = await _factory.DemoSectionAsync("Lapset ja lapsiperheet");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        await SaveTextAsync(coordinator, section.ReportId, section.Id, "<p>Ennen varmuuskopiota kirjoitettu teksti</p>");

        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "fi");
        var page = await admin.GetHtmlAsync("/admin/backup");
        Assert.Contains("Lataa varmuuskopio", page, StringComparison.Ordinal);
        var response = await admin.Client.PostAsync("/admin/backup", Browser.Form(Browser.TokenIn(page)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("valfard-backup-2026-11-22T", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var backup = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(backup, 0, 16));

        // Written after the backup: must not be in the restored app.
        await SaveTextAsync(coordinator, section.ReportId, section.Id, "<p>Varmuuskopion jälkeen kirjoitettu teksti</p>");
        Assert.Equal(1, await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action == "Backup.Downloaded")));

        using var restored = new ValfardFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(restored.DatabasePath)!);
        await File.WriteAllBytesAsync(restored.DatabasePath, backup);
        using var reader = await Browser.SignedInAsync(restored, "coordinator@demo.test", "fi");
        var editor = await reader.GetHtmlAsync($"/reports/{section.ReportId}/sections/{section.Id}");
        Assert.Contains("Ennen varmuuskopiota kirjoitettu teksti", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("Varmuuskopion jälkeen kirjoitettu teksti", editor, StringComparison.Ordinal);
        Assert.Equal(await _factory.QueryAsync(db => db.Users.IgnoreQueryFilters().CountAsync()),
            await restored.QueryAsync(db => db.Users.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().Select(d => d.Sha256).OrderBy(h => h).ToListAsync()),
            await restored.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().Select(d => d.Sha256).OrderBy(h => h).ToListAsync()));
    }

    [Fact]
    public async Task The_backup_command_copies_the_database_while_the_app_writes_to_it()
    {
        _ = _factory.Services;
        var target = Path.Combine(Path.GetDirectoryName(_factory.DatabasePath)!, "copies", "nightly.db");
        var section = await _factory.DemoSectionAsync("Lapset ja lapsiperheet");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        // Saves go on in the app while the command copies the file.
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SaveTextAsync(coordinator, section.ReportId, section.Id, $"<p>Tallennus {++saves}</p>");
            }
        });
        var run = await AppCommand.RunAsync(_factory, "backup", target);
        await stop.CancelAsync();
        await writer;

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Backup written", run.Output, StringComparison.Ordinal);
        Assert.True(saves > 0);
        Assert.Equal("ok", await TestData.IntegrityCheckAsync(target));
        Assert.Equal("delete", await TestData.SqliteScalarAsync(target, "PRAGMA journal_mode;", readOnly: true));
        var text = (string?)await TestData.SqliteScalarAsync(target,
            $"SELECT Html FROM SectionTexts WHERE SectionId = '{section.Id.ToString().ToUpperInvariant()}' AND Language = 'fi'", readOnly: true);
        Assert.Matches("^<p>Tallennus [0-9]+</p>$", text);
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task Audit_entries_older_than_the_retention_period_are_deleted_and_newer_ones_kept()
    {
        _ = _factory.Services;
        var organisation = await _factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "demo").Select(o => o.Id).SingleAsync());
        var now = _factory.Clock.Object.GetUtcNow();
        await _factory.QueryAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry(organisation, null, null, "Test.Old", "six years ago", now.AddDays(-6 * 365)));
            db.AuditEntries.Add(new AuditEntry(organisation, null, null, "Test.JustOld", "one day past", now.AddDays(-1826)));
            db.AuditEntries.Add(new AuditEntry(organisation, null, null, "Test.Recent", "four years ago", now.AddDays(-4 * 365)));
            // The installation's catalogue changes are kept for the same time.
            db.CatalogueChanges.Add(new Valfard.Domain.Indicators.CatalogueChange(Guid.NewGuid(), "Test.Old", "90005", "a", "b", now.AddDays(-1826)));
            db.CatalogueChanges.Add(new Valfard.Domain.Indicators.CatalogueChange(Guid.NewGuid(), "Test.Recent", "90005", "b", "c", now.AddDays(-30)));
            return await db.SaveChangesAsync();
        });

        using (var scope = _factory.Services.CreateScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<AuditRetention>();
            Assert.Equal(1825, retention.RetentionDays);
            Assert.Equal(3, await retention.PurgeAsync(CancellationToken.None));
        }

        var left = await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action.StartsWith("Test.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Test.Recent"], left);
        Assert.Equal(["Test.Recent"], await _factory.QueryAsync(db => db.CatalogueChanges.Where(c => c.Action.StartsWith("Test.")).Select(c => c.Action).ToListAsync()));
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Action.StartsWith("Workflow."))));
    }

    [Theory]
    [InlineData("fi", "Tietosuojaseloste", "Tapahtumalokin merkinnät poistetaan automaattisesti 1825 päivän kuluttua.")]
    [InlineData("sv", "Dataskyddsbeskrivning", "Poster i händelseloggen raderas automatiskt efter 1825 dagar.")]
    [InlineData("en", "Privacy notice", "Audit log entries are deleted automatically after 1825 days.")]
    public async Task The_privacy_notice_is_public_in_each_language_and_linked_from_the_public_pages_and_sign_in(string lang, string title, string retention)
    {
        using var anonymous = Browser.Open(_factory, lang);
        var page = WebUtility.HtmlDecode(await anonymous.GetHtmlAsync($"/{lang}/privacy"));
        Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
        Assert.Contains(retention, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{lang}/privacy\"", await anonymous.GetHtmlAsync($"/{lang}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/{lang}/privacy\"", await anonymous.GetHtmlAsync("/account/login"), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
