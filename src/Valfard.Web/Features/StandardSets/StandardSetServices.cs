namespace Valfard.Web.Features.StandardSets;

/// <summary>National standard sets and the organisations' left-out marks.</summary>
public static class StandardSetServices
{
    public static IServiceCollection AddStandardSets(this IServiceCollection services)
    {
        services.AddScoped<StandardSetService>();
        return services;
    }
}
