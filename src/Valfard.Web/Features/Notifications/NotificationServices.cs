namespace Valfard.Web.Features.Notifications;

/// <summary>In-app notifications, their e-mail (at once or as a daily digest) and the scheduled reminders.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<Reminders>();
        services.AddScoped<DailyDigest>();
        services.AddHostedService<NotificationScheduleWorker>();
        return services;
    }
}
