namespace Valfard.Web.Features.FollowUp;

/// <summary>Yearly follow-up rounds of the plan.</summary>
public static class FollowUpServices
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<FollowUpService>();
        return services;
    }
}
