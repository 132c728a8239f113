namespace Valfard.Web.Features.County;

/// <summary>The wellbeing services county's side of the yearly cycle: deliveries, members' reports and plans, support requests.</summary>
public static class CountyServices
{
    public static IServiceCollection AddCounty(this IServiceCollection services)
    {
        services.AddScoped<CountyAccess>();
        services.AddScoped<MembersComparison>();
        services.AddScoped<MembersGoals>();
        services.AddScoped<CountyNotices>();
        services.AddScoped<CountyDeliveries>();
        services.AddScoped<CountyService>();
        services.AddScoped<SupportService>();
        return services;
    }
}
