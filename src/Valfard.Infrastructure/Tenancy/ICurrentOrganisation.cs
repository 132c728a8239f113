namespace Valfard.Infrastructure.Tenancy;

/// <summary>The organisation whose data the current unit of work may see; null means none (anonymous, start-up).</summary>
public interface ICurrentOrganisation
{
    Guid? OrganisationId { get; }
}

/// <summary>For work outside a request (migrations, design time): no organisation, so tenant data stays hidden.</summary>
public sealed class NoOrganisation : ICurrentOrganisation
{
    public static readonly NoOrganisation Instance = new();

    public Guid? OrganisationId => null;
}
