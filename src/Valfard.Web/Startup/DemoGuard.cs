namespace Valfard.Web.Startup;

public sealed class DemoOptions
{
    public const string Section = "Valfard";

    public bool Demo { get; set; }
}

/// <summary>Used when demo mode is off: the first system admin of a new installation.</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "Valfard:Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string? OrganisationNameFi { get; set; }
    public string? OrganisationNameSv { get; set; }

    /// <summary>Three digits for a municipality (e.g. 091), two for a wellbeing services county.</summary>
    public string? OrganisationCode { get; set; }
    public string? OrganisationSlug { get; set; }
    public Valfard.Domain.Organisations.OrganisationLanguages OrganisationLanguages { get; set; } =
        Valfard.Domain.Organisations.OrganisationLanguages.Finnish;
}

public static class DemoGuard
{
    /// <summary>Demo data has published passwords: never let it near a production database.</summary>
    /// <summary>In Production, "Log" mail would write password-reset links to the log instead of sending them.</summary>
    public static bool LogsMailInProduction(IConfiguration configuration, IWebHostEnvironment environment) =>
        environment.IsProduction() && string.Equals(configuration["Mail:Mode"], "Log", StringComparison.OrdinalIgnoreCase);

    public static void ThrowIfDemoInProduction(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (environment.IsProduction() && configuration.GetValue<bool>("Valfard:Demo"))
        {
            throw new InvalidOperationException(
                "Valfard:Demo is true in the Production environment. Demo accounts have public passwords; turn demo mode off (Valfard__Demo=false).");
        }
    }
}
