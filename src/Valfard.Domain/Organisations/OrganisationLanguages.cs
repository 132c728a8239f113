namespace Valfard.Domain.Organisations;

/// <summary>The official languages an organisation publishes in.</summary>
[Flags]
public enum OrganisationLanguages
{
    None = 0,
    Finnish = 1,
    Swedish = 2,
    Bilingual = Finnish | Swedish,
}
