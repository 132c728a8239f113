using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ValfardDbContext>
{
    public ValfardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ValfardDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, DesignTimeConnection);
        return new ValfardDbContext(options.Options, NoOrganisation.Instance);
    }

    public const string DesignTimeConnection = "Data Source=design-time.db";
}
