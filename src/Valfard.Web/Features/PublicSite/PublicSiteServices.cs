namespace Valfard.Web.Features.PublicSite;

/// <summary>The residents' public site.</summary>
public static class PublicSiteServices
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddScoped<PublicSiteService>();
        return services;
    }
}
