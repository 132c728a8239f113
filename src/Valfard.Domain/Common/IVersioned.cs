namespace Valfard.Domain.Common;

/// <summary>
/// An editable aggregate with an application-managed version token. The persistence layer replaces the token on
/// every save and refuses a save whose token is stale, the same way on every database provider.
/// </summary>
public interface IVersioned
{
    Guid Version { get; }

    void RenewVersion();
}
