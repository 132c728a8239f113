using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Web.Tests.Startup;

/// <summary>A catalogue imported before the SotkanetMetadata migration keeps its texts, unit and decimals through it.</summary>
public sealed class SotkanetMetadataMigrationTests
{
    [Fact]
    public async Task An_existing_sqlite_catalogue_keeps_its_texts_through_the_migration()
    {
        var file = Path.Combine(Path.GetTempPath(), $"valfard-migrate-metadata-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<ValfardDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        try
        {
            await using (var db = new ValfardDbContext(options.Options, NoOrganisation.Instance))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_SotkanetMetadata", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Indicators (Id, TitleFi, TitleSv, TitleEn, DescriptionFi, DescriptionSv, InterpretationFi, InterpretationSv, " +
                    "Organization, PrimaryValueType, Decimals, RangeStart, RangeEnd, HasGenders, Direction) VALUES " +
                    "(127, 'Väestö', 'Befolkning', 'Population', 'Kuvaus', 'Beskrivning', 'Tulkinta', 'Tolkning', 'Tilastokeskus', 'lukumäärä', 0, 1990, 2024, 1, 'Neutral')");

                await db.Database.MigrateAsync();
            }
            await using (var db = new ValfardDbContext(options.Options, NoOrganisation.Instance))
            {
                var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == 127);

                Assert.Equal(("Väestö", "Befolkning", "Beskrivning", "Tolkning"), (indicator.Title.Fi, indicator.Title.Sv, indicator.Description.Sv, indicator.Interpretation.Sv));
                Assert.Equal(("Tilastokeskus", "lukumäärä", 0), (indicator.SourceOrganisation.Fi, indicator.Unit.Fi, indicator.Decimals));
                Assert.False(indicator.HasFullMetadata);
                Assert.Empty(indicator.Sources);
                Assert.Empty(indicator.Groups);
                Assert.True(indicator.Sex.IsEmpty);
                Assert.True(indicator.Age.IsEmpty);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
