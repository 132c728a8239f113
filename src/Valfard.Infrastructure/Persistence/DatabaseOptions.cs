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

    /// <summary>How long a SQLite command waits for another writer before the request fails as busy (default 30).</summary>
    public const string BusyTimeoutKey = "Database:BusyTimeoutSeconds";
    public const string SqliteMigrationsAssembly = "Valfard.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Valfard.Migrations.SqlServer";
    public const string DefaultSqliteFile = "valfard.db";
}
