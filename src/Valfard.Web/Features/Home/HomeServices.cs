namespace Valfard.Web.Features.Home;

/// <summary>The start page's services.</summary>
public static class HomeServices
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<StartPageService>();
        return services;
    }
}
