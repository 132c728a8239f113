namespace Valfard.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseSettings
{
    public const string ConnectionStringName = "Valfard";
    public const string ProviderKey = "Database:Provider";
    public const string DataDirectoryKey = "Valfard:DataDirectory";
    public const string SqliteMigrationsAssembly = "Valfard.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Valfard.Migrations.SqlServer";
    public const string DefaultSqliteFile = "valfard.db";
}
