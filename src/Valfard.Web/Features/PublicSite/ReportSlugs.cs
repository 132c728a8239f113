using Valfard.Domain.Reports;

namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// The public address of a report, built only from what never changes after creation (kind, council term, year), so
/// links a municipality puts on its own site keep working and no column is needed. Swedish pages link a Swedish
/// alias (language review #50); both addresses answer in every language, so no link ever breaks. The alias is
/// written without å, ä and ö so that it survives being pasted into mail and minutes unencoded.
/// </summary>
public static class ReportSlugs
{
    public static string For(ReportKind kind, int termStartYear, int termEndYear, int? year, string language = "fi") =>
        (kind, language) switch
        {
            (ReportKind.Annual, "sv") => $"arlig-rapport-{year ?? termStartYear}",
            (ReportKind.Annual, _) => $"vuosiraportti-{year ?? termStartYear}",
            (ReportKind.Regional, "sv") => $"regional-valfardsberattelse-{termStartYear}-{termEndYear}",
            (ReportKind.Regional, _) => $"alueellinen-hyvinvointikertomus-{termStartYear}-{termEndYear}",
            (_, "sv") => $"valfardsberattelse-{termStartYear}-{termEndYear}",
            _ => $"hyvinvointikertomus-{termStartYear}-{termEndYear}",
        };

    /// <summary>Whether <paramref name="slug"/> is the report's Finnish address or its Swedish alias.</summary>
    public static bool Matches(string slug, ReportKind kind, int termStartYear, int termEndYear, int? year) =>
        slug == For(kind, termStartYear, termEndYear, year, "fi") || slug == For(kind, termStartYear, termEndYear, year, "sv");
}
