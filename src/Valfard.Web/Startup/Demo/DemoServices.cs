namespace Valfard.Web.Startup.Demo;

/// <summary>The demo data seeders (used only when Valfard:Demo is on).</summary>
public static class DemoServices
{
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoReportSeeder>();
        services.AddScoped<DemoIndicatorSeeder>();
        services.AddScoped<DemoArchiveSeeder>();
        services.AddScoped<DemoPlanSeeder>();
        services.AddScoped<DemoAssessmentSeeder>();
        services.AddScoped<DemoNegotiationSeeder>();
        services.AddScoped<DemoCountySeeder>();
        return services;
    }
}
