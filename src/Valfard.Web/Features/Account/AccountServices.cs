namespace Valfard.Web.Features.Account;

/// <summary>The Account feature's services: sign-in helpers, account mail and its delivery queue.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddScoped<AccountMail>();
        services.AddSingleton<MailDeliverySignal>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
