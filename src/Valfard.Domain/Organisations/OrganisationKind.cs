namespace Valfard.Domain.Organisations;

public enum OrganisationKind
{
    Municipality = 1,
    WellbeingServicesCounty = 2,
}
