using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Valfard.Domain.Assessments;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Assessments;

/// <summary>Impact assessments in advance over HTTP: the whole path from start to decision, the PDF, and another organisation.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class AssessmentPagesTests(ValfardFactory factory)
{
    private static readonly string[] StateChanges = ["unpublish", "remove", "reopen"];

    private Task<ImpactAssessment> AssessmentAsync(Guid id) => factory.QueryAsync(db => db.ImpactAssessments.IgnoreQueryFilters().AsNoTracking()
        .Include(a => a.Alternatives).Include(a => a.Impacts).Include(a => a.FollowUps).AsSplitQuery().SingleAsync(a => a.Id == id));

    private Task<ImpactAssessment> DemoAsync(string title) => factory.QueryAsync(db => db.ImpactAssessments.IgnoreQueryFilters().AsNoTracking()
        .Include(a => a.Alternatives).Include(a => a.Impacts).AsSplitQuery()
        .SingleAsync(a => a.OrganisationId == DemoSeeder.DemokommunId && a.DecisionTitle == title));

    private static Guid IdIn(HttpResponseMessage response) =>
        Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '#')[2]);

    [Fact]
    public async Task An_editor_starts_assesses_every_area_concludes_completes_and_records_the_decision()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var preparer = await factory.UserAsync("editor@demo.test");

        var started = await editor.PostFormAsync("/assessments/new", "/assessments/new",
            ("DecisionTitle", "Kirjaston aukioloaikojen muutos"), ("PreparingBody", "Kulttuurilautakunta"), ("PlannedDecisionDate", "2027-03-01"),
            ("AgendaLink", "https://example.fi/agenda/7"), ("PreparerId", preparer.Id.ToString()), ("OptionTitle", "Omatoimikirjasto iltaisin"),
            ("Language", "fi"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = IdIn(started);
        var assessment = await AssessmentAsync(id);
        Assert.Equal(2, assessment.Alternatives.Count);
        Assert.Equal(10, assessment.Impacts.Count);

        // Completing now is refused: nothing is assessed yet.
        await editor.PostFormAsync($"/assessments/{id}/complete", $"/assessments/{id}/complete", ("version", assessment.Version.ToString()));
        Assert.Equal(AssessmentStatus.InPreparation, (await AssessmentAsync(id)).Status);

        foreach (var impact in assessment.Impacts)
        {
            var version = (await AssessmentAsync(id)).Version;
            var saved = await editor.PostFormAsync($"/assessments/{id}/impacts/{impact.Id}", $"/assessments/{id}/impacts/{impact.Id}",
                ("Version", version.ToString()), ("Direction", "Positive"), ("Size", "Small"), ("Certainty", "Medium"), ("Groups", "OlderPeople"),
                ("Groups", "NamedDistricts"), ("Districts", "Kirkonkylä"), ("Evidence", "Kävijälaskenta 2025"), ("Mitigations", ""));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var concluded = await editor.PostFormAsync($"/assessments/{id}/conclusion", $"/assessments/{id}/conclusion",
            ("Version", (await AssessmentAsync(id)).Version.ToString()), ("Conclusion", "Omatoimikirjasto parantaa palvelujen saatavuutta."));
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);

        var page = WebUtility.HtmlDecode(await editor.GetHtmlAsync($"/assessments/{id}"));
        Assert.Contains("Arviointi on valmis", await FollowAsync(editor, await editor.PostFormAsync($"/assessments/{id}/complete", $"/assessments/{id}/complete",
            ("version", (await AssessmentAsync(id)).Version.ToString()))));
        Assert.Contains("+ Elinympäristö: Myönteinen (pieni, varmuus kohtalainen)", page);

        var chosen = (await AssessmentAsync(id)).Alternatives.Single(a => !a.IsDoNothing);
        var decided = await editor.PostFormAsync($"/assessments/{id}/decide", $"/assessments/{id}/decide",
            ("Version", (await AssessmentAsync(id)).Version.ToString()), ("ChosenAlternativeId", chosen.Id.ToString()), ("DecisionDate", "2027-03-01"),
            ("DecisionParagraph", "§ 12"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var done = await AssessmentAsync(id);
        Assert.Equal(AssessmentStatus.Decided, done.Status);
        Assert.Equal(chosen.Id, done.ChosenAlternativeId);
        var register = await editor.GetHtmlAsync("/assessments");
        Assert.Contains("Kirjaston aukioloaikojen muutos", register);
        Assert.Contains("1.3.2027 § 12", register);
        var actions = await factory.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganisationId == DemoSeeder.DemokommunId
            && e.Action.StartsWith("Assessment.") && e.UserId == preparer.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("Assessment.Started", actions);
        Assert.Contains("Assessment.ImpactAssessed", actions);
        Assert.Contains("Assessment.Completed", actions);
        Assert.Contains("Assessment.Decided", actions);
    }

    private static async Task<string> FollowAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.GetHtmlAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stale_form_changes_nothing_and_a_decided_assessment_cannot_be_removed()
    {
        var school = await DemoAsync(DemoAssessmentSeeder.SchoolTitle);
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "en");

        var html = await FollowAsync(coordinator, await coordinator.PostFormAsync($"/assessments/{school.Id}/remove", $"/assessments/{school.Id}/remove",
            ("version", school.Version.ToString())));

        Assert.Contains("Only an assessment in preparation can be removed.", html);
        Assert.Equal(AssessmentStatus.Decided, (await AssessmentAsync(school.Id)).Status);
    }

    [Fact]
    public async Task Another_organisations_editor_finds_none_of_the_assessment_pages_and_cannot_change_them()
    {
        var school = await DemoAsync(DemoAssessmentSeeder.SchoolTitle);
        var impact = school.Impacts.First();
        var option = school.Alternatives.Single(a => !a.IsDoNothing);
        using var stranger = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");
        string[] pages =
        [
            $"/assessments/{school.Id}", $"/assessments/{school.Id}/edit", $"/assessments/{school.Id}/alternatives/new",
            $"/assessments/{school.Id}/alternatives/{option.Id}", $"/assessments/{school.Id}/alternatives/{option.Id}/remove",
            $"/assessments/{school.Id}/impacts/{impact.Id}", $"/assessments/{school.Id}/conclusion", $"/assessments/{school.Id}/complete",
            $"/assessments/{school.Id}/reopen", $"/assessments/{school.Id}/publish", $"/assessments/{school.Id}/remove",
            $"/assessments/{school.Id}/decide", $"/assessments/{school.Id}/print?lang=fi", $"/assessments/{school.Id}/pdf?lang=fi",
        ];
        foreach (var url in pages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        }
        var token = await stranger.TokenFromAsync("/assessments/new");
        foreach (var url in StateChanges.Select(k => $"/assessments/{school.Id}/{k}"))
        {
            var response = await stranger.Client.PostAsync(url, Browser.Form(token, ("version", school.Version.ToString())));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.DoesNotContain(DemoAssessmentSeeder.SchoolTitle, await stranger.GetHtmlAsync("/assessments"));
        var after = await AssessmentAsync(school.Id);
        Assert.True(after.IsPublished);
        Assert.Equal(school.Version, after.Version);
    }

    [Fact]
    public async Task The_council_has_no_assessment_pages_and_only_the_coordinator_keeps_the_areas()
    {
        using var council = await Browser.SignedInAsync(factory, "council@demo.test", "fi");
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "sv");

        Assert.Contains("/account/access-denied", (await council.Client.GetAsync("/assessments")).Headers.Location!.OriginalString);
        Assert.Contains("/account/access-denied", (await editor.Client.GetAsync("/assessments/areas")).Headers.Location!.OriginalString);
        var areas = await coordinator.GetHtmlAsync("/assessments/areas");
        Assert.Contains("Servicesystemet", areas);
        Assert.Contains("Konsekvenser för barn", areas);
    }

    [Theory]
    [InlineData("fi", "Ennakkovaikutusten arviointi", "Yhteenveto: vaihtoehdot osa-alueittain", "Sivu 1 / ", "Kuultiinko lapsia ja nuoria?", "Sekä myönteisiä että kielteisiä")]
    [InlineData("sv", "Förhandsbedömning av konsekvenser", "Sammanfattning: alternativen per område", "Sida 1 / ", "Hördes barn och unga?", "Både positiva och negativa")]
    public async Task The_pdf_is_a_tagged_document_in_the_asked_language_with_the_summary_table_and_the_decision(
        string language, string kind, string summary, string footer, string childrenHeard, string mixed)
    {
        var school = await DemoAsync(DemoAssessmentSeeder.SchoolTitle);
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");

        var response = await editor.Client.GetAsync($"/assessments/{school.Id}/pdf?lang={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains(kind, text);
        Assert.Contains(summary, text);
        Assert.Contains(footer + pdf.NumberOfPages, text);
        Assert.Contains(childrenHeard, text);
        Assert.Contains(mixed, text);
        Assert.Contains("Mäkelän", text); // the preparer's own words stay in Finnish
        Assert.Contains("§ 58", text);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out var lang));
        Assert.Equal(language, ((StringToken)lang).Data);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.Create("StructTreeRoot")));
    }

    [Fact]
    public async Task Residents_read_a_published_assessment_without_signing_in_and_find_no_unpublished_one()
    {
        var school = await DemoAsync(DemoAssessmentSeeder.SchoolTitle);
        var hall = await DemoAsync(DemoAssessmentSeeder.HallTitle);
        using var resident = Browser.Open(factory, "sv");

        var list = await resident.GetHtmlAsync("/sv/demo/assessments");
        var page = await resident.GetHtmlAsync($"/sv/demo/assessments/{school.Id}");

        Assert.Contains(DemoAssessmentSeeder.SchoolTitle, list);
        Assert.DoesNotContain(DemoAssessmentSeeder.HallTitle, list);
        Assert.Contains("Sammanfattning: alternativen per område", page);
        Assert.Contains("Oppilaskunnat kuultiin", page);
        Assert.DoesNotContain("Erik Editor", page);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Client.GetAsync($"/sv/demo/assessments/{hall.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Client.GetAsync($"/sv/esimerkkila/assessments/{school.Id}")).StatusCode);
    }
}
