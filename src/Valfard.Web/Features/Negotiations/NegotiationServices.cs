namespace Valfard.Web.Features.Negotiations;

/// <summary>The yearly negotiations between a wellbeing services county and its member municipalities.</summary>
public static class NegotiationServices
{
    public static IServiceCollection AddNegotiations(this IServiceCollection services)
    {
        services.AddScoped<NegotiationAccess>();
        services.AddScoped<NegotiationService>();
        services.AddScoped<AgendaSuggestions>();
        services.AddScoped<NegotiationDocuments>();
        return services;
    }
}
