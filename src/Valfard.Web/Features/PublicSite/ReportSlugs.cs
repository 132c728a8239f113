using Valfard.Domain.Reports;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// The public address of a report, built only from what never changes after creation (kind, council term, year), so
/// links a municipality puts on its own site keep working and no column is needed. The same slug in every language.
/// </summary>
public static class ReportSlugs
{
    public static string For(ReportKind kind, int termStartYear, int termEndYear, int? year) => kind switch
    {
        ReportKind.Annual => $"vuosiraportti-{year ?? termStartYear}",
        ReportKind.Regional => $"alueellinen-hyvinvointikertomus-{termStartYear}-{termEndYear}",
        _ => $"hyvinvointikertomus-{termStartYear}-{termEndYear}",
    };
}
