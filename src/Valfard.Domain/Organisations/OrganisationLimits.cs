namespace Valfard.Domain.Organisations;

/// <summary>Field limits shared by the domain checks and the EF configuration.</summary>
public static class OrganisationLimits
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 60;
    public const int OfficialCodeLength = 3;
    public const int SectorCodeMaxLength = 40;
    public const int SectorNameMaxLength = 120;
}
