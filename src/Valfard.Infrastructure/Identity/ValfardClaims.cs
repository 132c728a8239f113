namespace Valfard.Infrastructure.Identity;

public static class ValfardClaims
{
    /// <summary>The signed-in user's organisation id; the tenant filter reads it.</summary>
    public const string Organisation = "valfard:org";
    public const string DisplayName = "valfard:name";
}
