namespace Valfard.Domain.Common;

/// <summary>Marks data that belongs to exactly one organisation; the tenant query filter keys on it.</summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
