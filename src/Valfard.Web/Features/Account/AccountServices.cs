namespace Valfard.Web.Features.Account;

/// <summary>The Account feature's services: sign-in helpers and account mail.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddScoped<AccountMail>();
        return services;
    }
}
