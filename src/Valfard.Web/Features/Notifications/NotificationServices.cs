namespace Valfard.Web.Features.Notifications;

/// <summary>In-app notifications.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        return services;
    }
}
