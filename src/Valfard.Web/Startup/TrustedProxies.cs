using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Valfard.Web.Startup;

/// <summary>
/// <c>Valfard:BehindProxy</c> with <c>Valfard:KnownProxies</c>: X-Forwarded-For and X-Forwarded-Proto are applied
/// only when the connection comes from one of the listed proxies (addresses such as 10.0.0.5, or networks such as
/// 172.18.0.0/16, separated by commas or given as an array). Anyone else could otherwise claim any client address
/// (and so escape the sign-in rate limit) or claim HTTPS. With no list, only a proxy on the same machine (loopback)
/// is trusted, which is ASP.NET Core's own default.
/// </summary>
public static class TrustedProxies
{
    public const string BehindProxyKey = "Valfard:BehindProxy";
    public const string KnownProxiesKey = "Valfard:KnownProxies";

    public static ForwardedHeadersOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        var entries = Entries(configuration);
        if (entries.Count == 0)
        {
            return options;
        }
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"{KnownProxiesKey} entry '{entry}' is neither an IP address (10.0.0.5) nor a network (172.18.0.0/16).");
            }
        }
        return options;
    }

    /// <summary>"a, b" as one string (an environment variable) or an array section (appsettings.json).</summary>
    private static List<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesKey);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return [.. values.OfType<string>()
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
