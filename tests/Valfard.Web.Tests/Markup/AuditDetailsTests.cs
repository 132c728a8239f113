using Valfard.Web.Features.Reports;

namespace Valfard.Web.Tests.Markup;

/// <summary>Audit details keep code names in the database and are shown translated (issue 17 §11).</summary>
public sealed class AuditDetailsTests
{
    private static readonly Dictionary<string, string> Finnish = new()
    {
        ["ReportStatus.Draft"] = "Luonnos",
        ["ReportStatus.InReview"] = "Tarkastettavana",
        ["SectionStatus.Done"] = "Valmis",
        ["ObservationKind.Joy"] = "Ilon aihe",
    };

    private static string Shown(string action, string details) => AuditDetails.Shown(action, details, key => Finnish[key]);

    [Theory]
    [InlineData("Workflow.SubmitForReview", "Draft → InReview", "Luonnos → Tarkastettavana")]
    [InlineData("Workflow.ReturnToDraft", "InReview → Draft: Nuorten luku on kesken.", "Tarkastettavana → Luonnos: Nuorten luku on kesken.")]
    [InlineData("Section.StatusChanged", "Lapset ja perheet: Done", "Lapset ja perheet: Valmis")]
    [InlineData("Section.Assigned", "Tiivistelmä: Done, 2026-12-01", "Tiivistelmä: Valmis, 2026-12-01")]
    [InlineData("Observation.Added", "Joy: Harrastuksia on hyvin", "Ilon aihe: Harrastuksia on hyvin")]
    public void Code_names_in_the_details_are_shown_in_the_reader_s_language(string action, string details, string expected) =>
        Assert.Equal(expected, Shown(action, details));

    [Theory]
    [InlineData("Workflow.Publish", "Someone → Else")]
    [InlineData("Section.StatusChanged", "Otsikko: Valmis")]
    [InlineData("Report.Created", "Draft → InReview")]
    public void Details_that_are_not_code_names_are_shown_as_written(string action, string details) =>
        Assert.Equal(details, Shown(action, details));
}
