using Valfard.Domain.Common;

namespace Valfard.Domain.Organisations;

/// <summary>A branch of the organisation (education, culture, social services…) whose people write their part of the report.</summary>
public class Sector : IOrganisationOwned, IVersioned
{
    private Sector()
    {
        Code = string.Empty;
        NameFi = string.Empty;
        NameSv = string.Empty;
        NameEn = string.Empty;
    }

    public Sector(Guid id, Guid organisationId, string code, string nameFi, string nameSv, string nameEn) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Code = Slug.Require(code);
        Rename(nameFi, nameSv, nameEn);
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void RenewVersion() => Version = Guid.NewGuid();

    public Guid OrganisationId { get; private set; }
    public string Code { get; private set; }
    public string NameFi { get; private set; }
    public string NameSv { get; private set; }
    public string NameEn { get; private set; }

    public string NameIn(string languageCode) => languageCode switch
    {
        "sv" when NameSv.Length > 0 => NameSv,
        "en" when NameEn.Length > 0 => NameEn,
        _ => NameFi,
    };

    public void Rename(string nameFi, string nameSv, string nameEn)
    {
        nameFi = nameFi?.Trim() ?? string.Empty;
        if (nameFi.Length == 0)
        {
            throw new DomainException("Validation.SectorNameRequired");
        }
        string[] names = [nameFi, nameSv ?? string.Empty, nameEn ?? string.Empty];
        if (names.Any(n => n.Trim().Length > OrganisationLimits.SectorNameMaxLength))
        {
            throw new DomainException("Validation.SectorNameTooLong");
        }
        NameFi = nameFi;
        NameSv = nameSv?.Trim() ?? string.Empty;
        NameEn = nameEn?.Trim() ?? string.Empty;
    }
}
