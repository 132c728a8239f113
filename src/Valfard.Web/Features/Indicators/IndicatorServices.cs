namespace Valfard.Web.Features.Indicators;

/// <summary>Indicators: pages, sets, own indicators, imports and the Sotkanet sync.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IndicatorService>();
        services.AddScoped<IndicatorSetService>();
        services.AddScoped<LocalIndicatorService>();
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.Configure<SyncOptions>(configuration.GetSection(SyncOptions.Section));
        services.AddSingleton<ImportFolder>();
        services.AddSingleton<ImportRunSignal>();
        services.AddSingleton<ImportRunLiveProgress>();
        services.AddScoped<IndicatorImportJobs>();
        services.AddScoped<IndicatorSync>();
        services.AddScoped<SyncSchedule>();
        services.AddScoped<ImportRunProcessor>();
        services.AddHostedService<ImportRunWorker>();
        return services;
    }
}
