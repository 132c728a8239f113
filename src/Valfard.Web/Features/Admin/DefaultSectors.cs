using Valfard.Domain.Organisations;

namespace Valfard.Web.Features.Admin;

/// <summary>The sectors a typical Finnish municipality's welfare group draws on; a new organisation starts with them.</summary>
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

    public static IEnumerable<Sector> CreateFor(Guid organisationId, IEnumerable<string> existingCodes)
    {
        var existing = existingCodes.ToHashSet();
        return All.Where(s => !existing.Contains(s.Code))
            .Select(s => new Sector(Guid.NewGuid(), organisationId, s.Code, s.Fi, s.Sv, s.En));
    }
}
