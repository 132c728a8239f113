namespace Valfard.Web.Features.Indicators;

/// <summary>Indicators: pages, sets, own indicators and imports.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section)
            .Validate(o => o.MinimumEvents is >= 0 and <= 1000, "Statistics:MinimumEvents must be between 0 and 1000.").ValidateOnStart();
        services.AddScoped<IndicatorService>();
        services.AddScoped<IndicatorSetService>();
        services.AddScoped<CatalogueSettings>();
        services.AddScoped<PeerService>();
        services.AddScoped<OverviewService>();
        services.AddScoped<LocalIndicatorService>();
        services.AddSingleton<IndicatorImportJobs>();
        return services;
    }
}
