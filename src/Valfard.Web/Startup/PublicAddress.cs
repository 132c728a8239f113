namespace Valfard.Web.Startup;

/// <summary>
/// The address under which people reach this installation (<c>Valfard:PublicBaseUrl</c>, e.g.
/// https://hyvinvointi.esimerkki.fi). Every absolute link that leaves a request (password-reset and invitation mails,
/// documents, feeds) is built from it, never from the request's Host header: a sender chooses that header, and a
/// reset link that followed it would hand the reset token to whatever domain the attacker named.
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "Valfard:PublicBaseUrl";

    private PublicAddress(Uri origin) => Origin = origin;

    /// <summary>Scheme, host and port only: the app builds the path (and any path base) itself.</summary>
    public Uri Origin { get; }

    /// <summary>An absolute link to a path the app's router produced, e.g. "/account/reset-password".</summary>
    public Uri Link(string appPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(appPath);
        if (!appPath.StartsWith('/') || appPath.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Links are built from app paths that start with a single '/'.", nameof(appPath));
        }
        return new Uri(Origin, appPath);
    }

    /// <summary>
    /// The hosts the app answers to when <c>AllowedHosts</c> is not set: the public host, and the loopback names that
    /// the container's health check and an operator on the server use.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts => [Origin.IdnHost, "localhost", "127.0.0.1", "[::1]"];

    /// <summary>Reads and checks the setting; a missing or malformed value stops the start with a message naming it.</summary>
    public static PublicAddress FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{Key} is not set. Set it to the address people use to reach Valfard, e.g. Valfard__PublicBaseUrl=https://hyvinvointi.example.fi: " +
                "mail and document links are built from it, never from the request's Host header.");
        }
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{Key} '{configured}' is not an http(s) address with only a scheme, a host and an optional port (e.g. https://hyvinvointi.example.fi).");
        }
        return new PublicAddress(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }
}
