namespace Valfard.Web.Features.Account;

/// <summary>The Account feature's services: sign-in helpers, account mail and its delivery queue, two-factor sign-in.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddScoped<AccountMail>();
        services.AddScoped<TwoFactorRequirement>();
        // The default by environment first, then whatever the operator configured.
        services.AddOptions<TwoFactorOptions>()
            .Configure(o => o.RequiredForAdmins = environment.IsProduction())
            .Bind(configuration.GetSection(TwoFactorOptions.Section));
        services.AddSingleton<MailDeliverySignal>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
