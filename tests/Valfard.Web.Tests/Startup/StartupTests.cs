using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Web.Startup;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Startup;

public sealed class StartupTests
{
    [Fact]
    public async Task Seeding_the_demo_again_changes_nothing()
    {
        using var factory = new ValfardFactory();
        var before = await Counts(factory);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(before, await Counts(factory));
        Assert.Equal((3, 7, 18, 3), before); // the county starts with its own eight sectors (ADR 0036)
    }

    [Fact]
    public void The_app_refuses_to_start_in_production_with_demo_mode_on()
    {
        using var app = new ValfardFactory();
        using var factory = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Valfard:Demo is true in the Production environment", Flatten(error));
    }

    [Fact]
    public void The_app_refuses_an_unknown_database_provider_with_a_message_naming_the_setting()
    {
        using var app = new ValfardFactory();
        using var factory = app.WithWebHostBuilder(b => b.UseSetting("Database:Provider", "Oracle"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Database:Provider 'Oracle' is not supported", Flatten(error));
    }

    /// <summary>Every message of an exception and its inner ones: start-up wraps the one that names the setting.</summary>
    internal static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }

    private static Task<(int Organisations, int Users, int Sectors, int Terms)> Counts(ValfardFactory factory) =>
        factory.QueryAsync(async db => (
            await db.Organisations.CountAsync(),
            await db.Users.IgnoreQueryFilters().CountAsync(),
            await db.Sectors.IgnoreQueryFilters().CountAsync(),
            await db.CouncilTerms.CountAsync()));
}

[Collection(SharedAppCollection.Name)]
public sealed class DataProtectionTests(ValfardFactory factory)
{
    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_instance_to_share()
    {
        using var browser = await Browser.SignedInAsync(factory, "editor@demo.test");

        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml, StringComparison.Ordinal));
    }
}
