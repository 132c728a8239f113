namespace Valfard.Web.Features.Indicators;

/// <summary>Indicators: pages, sets, own indicators and imports.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorService>();
        services.AddScoped<IndicatorCatalogue>();
        services.AddScoped<IndicatorSetService>();
        services.AddScoped<LocalIndicatorService>();
        services.AddSingleton<IndicatorImportJobs>();
        return services;
    }
}
