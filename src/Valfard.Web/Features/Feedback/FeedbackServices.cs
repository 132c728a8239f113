namespace Valfard.Web.Features.Feedback;

/// <summary>Residents' feedback and accessibility feedback.</summary>
public static class FeedbackServices
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<ResidentFeedbackService>();
        return services;
    }
}
