using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Counties;

/// <summary>
/// A municipality's published report as it reached its wellbeing services county: which report, which approved
/// version and when. The law sends the approved report to the county; recording the exact version lets the county
/// read what the council approved, not whatever the report has become since.
/// </summary>
/// <remarks>
/// Owned by the county (<see cref="OrganisationId"/>): the county reads its deliveries through the ordinary tenant
/// filter, and the municipality only writes the row as part of publishing.
/// </remarks>
public class CountyDelivery : IOrganisationOwned
{
    private CountyDelivery()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
    }

    private CountyDelivery(Organisation municipality, WelfareReport report, ReportVersion version, Guid deliveredById, DateTimeOffset now)
        : this()
    {
        Id = Guid.NewGuid();
        OrganisationId = municipality.CountyId!.Value;
        MunicipalityId = municipality.Id;
        ReportId = report.Id;
        ReportVersionId = version.Id;
        VersionNumber = version.Number;
        Kind = report.Kind;
        CouncilTermId = report.CouncilTermId;
        Year = report.Year;
        TitleFi = report.TitleFi;
        TitleSv = report.TitleSv;
        DeliveredById = deliveredById;
        DeliveredAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The county the report was delivered to.</summary>
    public Guid OrganisationId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid ReportVersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public ReportKind Kind { get; private set; }
    public Guid CouncilTermId { get; private set; }
    public int? Year { get; private set; }

    /// <summary>The title as it was delivered, so the county's list does not need to read the municipality's report.</summary>
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public Guid DeliveredById { get; private set; }
    public DateTimeOffset DeliveredAt { get; private set; }

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    /// <summary>Whether publishing this report delivers it: a municipality's comprehensive or annual report, when it belongs to a county.</summary>
    public static bool IsDue(Organisation municipality, WelfareReport report)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(report);
        return municipality.Kind == OrganisationKind.Municipality && municipality.CountyId is not null
               && report.Kind is ReportKind.Comprehensive or ReportKind.Annual;
    }

    /// <summary>Delivers a published version to the municipality's county; refuses anything else.</summary>
    public static CountyDelivery Deliver(Organisation municipality, WelfareReport report, ReportVersion version, Guid deliveredById,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!IsDue(municipality, report))
        {
            throw new DomainException("County.Delivery.NotDue");
        }
        if (report.OrganisationId != municipality.Id || version.ReportId != report.Id || version.OrganisationId != municipality.Id)
        {
            throw new DomainException("County.Delivery.NotDue");
        }
        if (!version.IsPublished)
        {
            throw new DomainException("County.Delivery.NotPublished");
        }
        return new CountyDelivery(municipality, report, version, deliveredById, now);
    }
}
