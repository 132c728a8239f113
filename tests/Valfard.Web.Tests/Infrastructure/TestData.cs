using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Startup.Demo;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>Reads the database directly, past the tenant filter, to learn ids and check what was saved.</summary>
public static class TestData
{
    public static async Task<T> QueryAsync<T>(this ValfardFactory factory, Func<ValfardDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        return await query(db);
    }

    /// <summary>The demo's report in progress (the previous term's report is also seeded, approved and published).</summary>
    public const string DemoReportTitle = "Laaja hyvinvointikertomus 2025–2029";

    public static Task<Valfard.Domain.Reports.WelfareReport> DemoReportAsync(this ValfardFactory factory) =>
        factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == DemoReportTitle));

    /// <summary>A section of the demo's report in progress, with its texts.</summary>
    public static Task<Valfard.Domain.Reports.ReportSection> DemoSectionAsync(this ValfardFactory factory, string titleFi) =>
        factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().Include(s => s.Texts).AsNoTracking()
            .SingleAsync(s => s.TitleFi == titleFi && db.Reports.IgnoreQueryFilters().Any(r => r.Id == s.ReportId
                && r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == DemoReportTitle)));

    /// <summary>
    /// Marks every section of a draft that shows no text in some language as left empty on purpose, with a reason, as
    /// a welfare group would before the board: the completeness checklist then lets the report go on (issue 17 §1).
    /// Tests about the workflow's other rules call it before sending a half-written demo report to the board.
    /// </summary>
    public static async Task<int> LeaveEmptySectionsAsync(this ValfardFactory factory, Guid reportId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var sections = await db.ReportSections.IgnoreQueryFilters().Include(s => s.Texts).Where(s => s.ReportId == reportId).ToListAsync();
        var marked = 0;
        foreach (var section in sections.Where(s => s.Purpose == Valfard.Domain.Reports.SectionPurpose.Text
                     && s.Texts.Any(t => Valfard.Infrastructure.Text.PlainText.From(t.Html).Length == 0)))
        {
            section.LeaveEmpty("Ei kirjoiteta tällä kertaa.", "Skrivs inte den här gången.");
            marked++;
        }
        await db.SaveChangesAsync();
        return marked;
    }

    public static Task<Valfard.Infrastructure.Identity.ApplicationUser> UserAsync(this ValfardFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>One value from a SQLite file, on a connection of its own (outside the app's pool).</summary>
    public static async Task<object?> SqliteScalarAsync(string databasePath, string sql, bool readOnly = false)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false };
        if (readOnly)
        {
            builder.Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
        }
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>SQLite's own check of every page and index: "ok" when the file is whole.</summary>
    public static Task<object?> IntegrityCheckAsync(string databasePath) => SqliteScalarAsync(databasePath, "PRAGMA integrity_check;");
}
