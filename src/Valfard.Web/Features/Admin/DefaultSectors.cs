using Valfard.Domain.Organisations;

namespace Valfard.Web.Features.Admin;

/// <summary>
/// The sectors a new organisation starts with: those a typical Finnish municipality's welfare group draws on, or, for a
/// wellbeing services county, the county's own service areas (it runs social, health and rescue services, not schools).
/// </summary>
public static class DefaultSectors
{
    public static IReadOnlyList<(string Code, string Fi, string Sv, string En)> All { get; } =
    [
        ("central-administration", "Keskushallinto", "Centralförvaltningen", "Central administration"),
        ("education", "Sivistystoimi", "Bildningssektorn", "Education"),
        ("culture-leisure", "Kulttuuri- ja vapaa-aikatoimi", "Kultur- och fritidssektorn", "Culture and leisure"),
        ("technical", "Tekninen toimi", "Tekniska sektorn", "Technical services"),
        ("employment", "Työllisyyspalvelut", "Sysselsättningstjänsterna", "Employment services"),
    ];

    /// <summary>A wellbeing services county's service areas.</summary>
    public static IReadOnlyList<(string Code, string Fi, string Sv, string En)> County { get; } =
    [
        ("county-administration", "Hyvinvointialueen hallinto", "Välfärdsområdets förvaltning", "County administration"),
        ("social-services", "Sosiaalipalvelut", "Socialtjänsten", "Social services"),
        ("health-services", "Terveyspalvelut", "Hälsotjänsterna", "Health services"),
        ("family-services", "Perhepalvelut", "Familjetjänsterna", "Family services"),
        ("elderly-services", "Ikääntyneiden palvelut", "Tjänster för äldre", "Services for older people"),
        ("disability-services", "Vammaispalvelut", "Funktionshinderservice", "Disability services"),
        ("mental-health-substance", "Mielenterveys- ja päihdepalvelut", "Mentalvårds- och rusmedelstjänster", "Mental health and substance use services"),
        ("rescue-services", "Pelastustoimi", "Räddningsväsendet", "Rescue services"),
    ];

    public static IReadOnlyList<(string Code, string Fi, string Sv, string En)> For(OrganisationKind kind) =>
        kind == OrganisationKind.WellbeingServicesCounty ? County : All;

    public static IEnumerable<Sector> CreateFor(Guid organisationId, OrganisationKind kind, IEnumerable<string> existingCodes)
    {
        var existing = existingCodes.ToHashSet();
        return For(kind).Where(s => !existing.Contains(s.Code))
            .Select(s => new Sector(Guid.NewGuid(), organisationId, s.Code, s.Fi, s.Sv, s.En));
    }
}
