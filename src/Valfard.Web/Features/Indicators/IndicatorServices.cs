namespace Valfard.Web.Features.Indicators;

/// <summary>Indicators: pages, sets, own indicators, imports and the Sotkanet sync.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section)
            .Validate(o => o.MinimumEvents is >= 0 and <= 1000, "Statistics:MinimumEvents must be between 0 and 1000.").ValidateOnStart();
        services.AddScoped<IndicatorService>();
        services.AddScoped<IndicatorCatalogue>();
        services.AddScoped<IndicatorSetService>();
        services.AddScoped<CatalogueSettings>();
        services.AddScoped<PeerService>();
        services.AddScoped<OverviewService>();
        services.AddScoped<LocalIndicatorService>();
        services.AddScoped<DistrictService>();
        services.AddScoped<AgeGroupService>();
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
