using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

/// <summary>
/// A district of the municipality (alue / område), e.g. a village or a school district, that own indicators can be
/// given for. The organisation keeps its own list; a value without a district is the whole municipality's.
/// </summary>
public class District : IOrganisationOwned, IVersioned
{
    public const int NameMaxLength = 120;

    private District()
    {
        NameFi = string.Empty;
        NameSv = string.Empty;
    }

    public District(Guid id, Guid organisationId, string nameFi, string nameSv) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Rename(nameFi, nameSv);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public string NameFi { get; private set; }
    public string NameSv { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>The Swedish name where there is one: many districts have only a Finnish name, or the same in both.</summary>
    public string NameIn(string language) => language == "sv" && NameSv.Length > 0 ? NameSv : NameFi;

    /// <summary>Names the district. One of the two names is enough; a district known only in Swedish keeps it as both.</summary>
    public void Rename(string nameFi, string nameSv)
    {
        nameFi = nameFi?.Trim() ?? string.Empty;
        nameSv = nameSv?.Trim() ?? string.Empty;
        if (nameFi.Length == 0 && nameSv.Length == 0)
        {
            throw new DomainException("Validation.DistrictNameRequired", nameof(NameFi));
        }
        if (nameFi.Length > NameMaxLength || nameSv.Length > NameMaxLength)
        {
            throw new DomainException("Validation.DistrictNameTooLong", nameof(NameFi));
        }
        NameFi = nameFi.Length > 0 ? nameFi : nameSv;
        NameSv = nameSv;
    }
}
