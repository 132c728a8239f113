namespace Valfard.Web.Features.Indicators;

/// <summary>Indicators: pages, sets, own indicators and imports.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorService>();
        services.AddScoped<IndicatorSetService>();
        services.AddScoped<CatalogueSettings>();
        services.AddScoped<LocalIndicatorService>();
        services.AddSingleton<IndicatorImportJobs>();
        return services;
    }
}
