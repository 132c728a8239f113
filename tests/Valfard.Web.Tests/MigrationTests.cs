using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Tests;

/// <summary>Both providers' migrations must cover the model; SQL Server's script is generated so the model maps there.</summary>
public sealed class MigrationTests
{
    private static ValfardDbContext ContextFor(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<ValfardDbContext>();
        DependencyInjection.Configure(options, provider, connection);
        return new ValfardDbContext(options.Options, NoOrganisation.Instance);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Valfard;TrustServerCertificate=True")]
    public void The_migrations_of_each_provider_cover_the_model(DatabaseProvider provider, string connection)
    {
        using var db = ContextFor(provider, connection);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that the {provider} migrations do not cover. Add a migration to Valfard.Migrations.{provider}.");
    }

    [Fact]
    public void The_sql_server_script_is_generated_for_every_table()
    {
        using var db = ContextFor(DatabaseProvider.SqlServer, "Server=localhost;Database=Valfard;TrustServerCertificate=True");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("ON DELETE CASCADE", script);
    }

    [Fact]
    public void The_two_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = ContextFor(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqlServer = ContextFor(DatabaseProvider.SqlServer, "Server=localhost;Database=Valfard;TrustServerCertificate=True");

        static IEnumerable<string> Names(ValfardDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task A_fresh_sqlite_database_is_created_by_the_migrations()
    {
        var file = Path.Combine(Path.GetTempPath(), $"valfard-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = ContextFor(DatabaseProvider.Sqlite, $"Data Source={file}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Organisations.CountAsync());
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
