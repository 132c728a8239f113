using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (provider from <c>Database:Provider</c>), mail, the clock and data-protection keys.
    /// </summary>
    public static IServiceCollection AddValfardInfrastructure(this IServiceCollection services, IConfiguration configuration,
        string contentRootPath, bool isDevelopment)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(DatabaseSettings.ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = PrepareSqlite(connectionString, DataDirectory(configuration, contentRootPath),
                configuration.GetValue(DatabaseSettings.BusyTimeoutKey, 30));
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Valfard is empty. Set it to the SQL Server connection string.");
        }

        services.AddDbContext<ValfardDbContext>(options => Configure(options, provider, connectionString!));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Indicators.IndicatorImporter>();
        services.AddMemoryCache();
        services.Configure<Indicators.SotkanetOptions>(configuration.GetSection(Indicators.SotkanetOptions.Section));
        services.AddHttpClient<Indicators.SotkanetClient>(client =>
        {
            // Timeouts are per attempt inside the client; this outer limit only stops a runaway.
            client.Timeout = TimeSpan.FromMinutes(10);
            client.DefaultRequestHeaders.UserAgent.ParseAdd(Indicators.SotkanetClient.UserAgent);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        });
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        var mailMode = configuration[$"{MailOptions.Section}:Mode"] ?? (isDevelopment ? "Log" : "Smtp");
        if (string.Equals(mailMode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, LoggingEmailSender>();
        }
        services.AddDataProtection().SetApplicationName("Valfard").PersistKeysToDbContext<ValfardDbContext>();
        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[DatabaseSettings.ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use Sqlite or SqlServer.");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(connectionString, sql => sql
                .MigrationsAssembly(DatabaseSettings.SqlServerMigrationsAssembly)
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null));
        }
        else
        {
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly))
                // SQLite rebuilds a table to change a column, and EF turns foreign keys off outside the transaction to
                // do it; the warning says so for every such migration at a first start, which reads as a fault to a
                // newcomer although nothing can be done about it.
                .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
        }
    }

    public static string DataDirectory(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration[DatabaseSettings.DataDirectoryKey];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, contentRootPath);
    }

    /// <summary>Defaults to a file in the data folder, creating the folder, and waits on a busy file instead of failing.</summary>
    private static string PrepareSqlite(string? connectionString, string dataDirectory, int busyTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={Path.Combine(dataDirectory, DatabaseSettings.DefaultSqliteFile)}"
            : connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        builder.DefaultTimeout = busyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }
}
