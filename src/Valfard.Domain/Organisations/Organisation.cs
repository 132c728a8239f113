using Valfard.Domain.Common;

namespace Valfard.Domain.Organisations;

/// <summary>A municipality or a wellbeing services county: the tenant that owns reports, plans and users.</summary>
public class Organisation : IVersioned
{
    private Organisation()
    {
        NameFi = string.Empty;
        NameSv = string.Empty;
        OfficialCode = string.Empty;
        Slug = string.Empty;
    }

    public Organisation(Guid id, OrganisationKind kind, string nameFi, string nameSv, string officialCode,
        OrganisationLanguages languages, string slug) : this()
    {
        Id = id;
        Kind = kind;
        Rename(nameFi, nameSv);
        SetOfficialCode(officialCode);
        SetLanguages(languages);
        Slug = Organisations.Slug.Require(slug);
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void RenewVersion() => Version = Guid.NewGuid();

    public OrganisationKind Kind { get; private set; }
    public string NameFi { get; private set; }
    public string NameSv { get; private set; }

    /// <summary>Statistics Finland's three-digit code, e.g. 091 for Helsinki.</summary>
    public string OfficialCode { get; private set; }
    public OrganisationLanguages Languages { get; private set; }
    public string Slug { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The wellbeing services county a municipality belongs to; null for a county.</summary>
    public Guid? CountyId { get; private set; }

    /// <summary>Every user of the organisation must use two-factor sign-in; the organisation admin decides.</summary>
    public bool RequiresTwoFactor { get; private set; }

    public void RequireTwoFactor(bool required) => RequiresTwoFactor = required;

    public bool IsBilingual => Languages == OrganisationLanguages.Bilingual;

    /// <summary>The name in the reader's language; Finnish organisations without a Swedish name fall back to Finnish.</summary>
    public string NameIn(string languageCode) =>
        languageCode == "sv" && !string.IsNullOrWhiteSpace(NameSv) ? NameSv : NameFi;

    /// <summary>The primary language: Swedish-majority organisations are rare but exist (e.g. in Ostrobothnia).</summary>
    public string PrimaryLanguageCode => Languages == OrganisationLanguages.Swedish ? "sv" : "fi";

    public void Rename(string nameFi, string nameSv)
    {
        nameFi = nameFi?.Trim() ?? string.Empty;
        nameSv = nameSv?.Trim() ?? string.Empty;
        if (nameFi.Length == 0 && nameSv.Length == 0)
        {
            throw new DomainException("Validation.OrganisationNameRequired", nameof(NameFi));
        }
        if (nameFi.Length > OrganisationLimits.NameMaxLength || nameSv.Length > OrganisationLimits.NameMaxLength)
        {
            throw new DomainException("Validation.OrganisationNameTooLong", nameof(NameFi));
        }
        NameFi = nameFi.Length > 0 ? nameFi : nameSv;
        NameSv = nameSv;
    }

    /// <summary>Municipalities have three-digit codes (091), wellbeing services counties two-digit ones (01).</summary>
    public void SetOfficialCode(string officialCode)
    {
        officialCode = officialCode?.Trim() ?? string.Empty;
        var expectedLength = Kind == OrganisationKind.Municipality ? 3 : 2;
        if (officialCode.Length != expectedLength || !officialCode.All(char.IsAsciiDigit))
        {
            throw new DomainException(Kind == OrganisationKind.Municipality
                ? "Validation.MunicipalityCodeInvalid"
                : "Validation.CountyCodeInvalid", nameof(OfficialCode));
        }
        OfficialCode = officialCode;
    }

    public void SetLanguages(OrganisationLanguages languages)
    {
        if (languages == OrganisationLanguages.None || (languages & ~OrganisationLanguages.Bilingual) != 0)
        {
            throw new DomainException("Validation.LanguagesRequired", nameof(Languages));
        }
        Languages = languages;
    }

    public void ChangeSlug(string slug) => Slug = Organisations.Slug.Require(slug);

    /// <summary>Places a municipality in its wellbeing services county. Counties do not belong to counties.</summary>
    public void AssignToCounty(Organisation? county)
    {
        if (county is null)
        {
            CountyId = null;
            return;
        }
        if (Kind != OrganisationKind.Municipality)
        {
            throw new DomainException("Validation.OnlyMunicipalityInCounty");
        }
        if (county.Kind != OrganisationKind.WellbeingServicesCounty)
        {
            throw new DomainException("Validation.CountyMustBeCounty");
        }
        CountyId = county.Id;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
