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
    /// <summary>In Production, "Log" mail would write password-reset links to the log instead of sending them.</summary>
    public static bool LogsMailInProduction(IConfiguration configuration, IWebHostEnvironment environment) =>
        environment.IsProduction() && string.Equals(configuration["Mail:Mode"], "Log", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Demo accounts have a password printed in the README, so demo mode runs only on a developer's machine
    /// (Development): a Staging or Test server reachable by others is as exposed as Production.
    /// </summary>
    public static void ThrowIfDemoOutsideDevelopment(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && configuration.GetValue<bool>("Valfard:Demo"))
        {
            throw new InvalidOperationException(
                $"Valfard:Demo is true in the {environment.EnvironmentName} environment. Demo accounts have public passwords, so demo mode runs only in Development; turn it off (Valfard__Demo=false).");
        }
    }
}
