namespace Valfard.Web.Features.Admin;

/// <summary>The Admin feature's services: users, sectors, organisations, backup and audit retention.</summary>
public static class AdminServices
{
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<SectorAdministration>();
        services.AddScoped<OrganisationAdministration>();
        services.AddScoped<DatabaseBackup>();
        services.Configure<AuditRetentionOptions>(configuration.GetSection(AuditRetentionOptions.Section));
        services.AddScoped<AuditRetention>();
        services.AddHostedService<AuditRetentionJob>();
        return services;
    }
}
