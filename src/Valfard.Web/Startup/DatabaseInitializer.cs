using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup.Demo;

namespace Valfard.Web.Startup;

/// <summary>Brings the database up to date at start: migrations, reference data, then demo or first-admin data.</summary>
public sealed partial class DatabaseInitializer(
    ValfardDbContext db,
    RoleManager<ApplicationRole> roles,
    IOptions<DemoOptions> demo,
    DemoSeeder demoSeeder,
    BootstrapAdmin bootstrapAdmin,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>National council terms. The 2017 term ran to July 2021 because the elections were postponed.</summary>
    public static readonly (Guid Id, DateOnly Start, DateOnly End)[] CouncilTerms =
    [
        (new Guid("3d0a5b1e-2017-4000-8000-000000002017"), new DateOnly(2017, 6, 1), new DateOnly(2021, 7, 31)),
        (new Guid("3d0a5b1e-2021-4000-8000-000000002021"), new DateOnly(2021, 8, 1), new DateOnly(2025, 5, 31)),
        (new Guid("3d0a5b1e-2025-4000-8000-000000002025"), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31)),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count, pending[0], pending[^1]);
        }
        await db.Database.MigrateAsync(cancellationToken);
        await FillCatalogueSearchTextAsync(cancellationToken);

        await SeedRolesAsync();
        await SeedCouncilTermsAsync(cancellationToken);

        if (demo.Value.Demo)
        {
            LogSeedingDemo(logger);
            await demoSeeder.SeedAsync(cancellationToken);
        }
        else
        {
            await bootstrapAdmin.EnsureAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Indicators stored before the catalogue search existed have an empty search column: the migration cannot fill it,
    /// because SQL's lower() does not lower Ä or Å. Loading a row and saving it writes what the title gives.
    /// </summary>
    private async Task FillCatalogueSearchTextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.Indicators.Where(i => i.SearchText == string.Empty).OrderBy(i => i.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var indicator in batch)
            {
                db.Entry(indicator).Property(i => i.SearchText).IsModified = true;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new ApplicationRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
                }
            }
        }
    }

    private async Task SeedCouncilTermsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.CouncilTerms.Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var (id, start, end) in CouncilTerms.Where(t => !existing.Contains(t.Id)))
        {
            db.CouncilTerms.Add(new CouncilTerm(id, start, end));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bringing the database up to date: {Count} migration(s), {First} … {Last}")]
    private static partial void LogMigrating(ILogger logger, int count, string first, string last);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the demo data (the first start takes a few seconds more)")]
    private static partial void LogSeedingDemo(ILogger logger);
}

public static partial class DatabaseStartup
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:Mode is Log in Production: password-reset and invitation links are written to the log, not sent. Configure Mail:Smtp.")]
    private static partial void LogMailInProduction(ILogger logger);

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (DemoGuard.LogsMailInProduction(app.Configuration, app.Environment))
        {
            LogMailInProduction(app.Logger);
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue<bool>("Valfard:Demo"))
        {
            // The last line a newcomer sees after `dotnet run`: where to go and how to get in.
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = string.Join(" ", app.Urls);
                LogDemoReady(app.Logger, addresses);
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Valfard is ready with demo data: open {Addresses} and choose a demo account on the sign-in page")]
    private static partial void LogDemoReady(ILogger logger, string addresses);
}
