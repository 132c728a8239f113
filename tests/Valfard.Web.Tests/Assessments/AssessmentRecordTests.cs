using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Valfard.Domain.Assessments;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Assessments;

/// <summary>
/// Issue 19 §4–§5 and the record of an assessment: the PDF archived with the decision, the history, the public page in
/// the site's frame, the coordinator's order of the areas, and the report block of the year's assessments.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class AssessmentRecordTests(ValfardFactory factory)
{
    private Task<ImpactAssessment> AssessmentAsync(Guid id) => factory.QueryAsync(db => db.ImpactAssessments.IgnoreQueryFilters().AsNoTracking()
        .Include(a => a.Alternatives).Include(a => a.Impacts).AsSplitQuery().SingleAsync(a => a.Id == id));

    /// <summary>Starts, assesses, concludes and completes an assessment over HTTP, as the editor would.</summary>
    private async Task<Guid> CompletedAsync(Browser editor, string title)
    {
        var preparer = await factory.UserAsync("editor@demo.test");
        var started = await editor.PostFormAsync("/assessments/new", "/assessments/new",
            ("DecisionTitle", title), ("PreparingBody", "Kulttuurilautakunta"), ("PlannedDecisionDate", "2026-03-02"),
            ("PreparerId", preparer.Id.ToString()), ("OptionTitle", "Uusi vaihtoehto"), ("Language", "fi"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = Guid.Parse(started.Headers.Location!.OriginalString.Split('/', '#')[2]);
        foreach (var impact in (await AssessmentAsync(id)).Impacts)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/assessments/{id}/impacts/{impact.Id}", $"/assessments/{id}/impacts/{impact.Id}",
                ("Version", (await AssessmentAsync(id)).Version.ToString()), ("Direction", "None"), ("Evidence", "Ei vaikutusta"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/assessments/{id}/conclusion", $"/assessments/{id}/conclusion",
            ("Version", (await AssessmentAsync(id)).Version.ToString()), ("Conclusion", "Vaikutukset ovat vähäisiä."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/assessments/{id}/complete", $"/assessments/{id}/complete",
            ("version", (await AssessmentAsync(id)).Version.ToString()))).StatusCode);
        Assert.Equal(AssessmentStatus.Completed, (await AssessmentAsync(id)).Status);
        return id;
    }

    private async Task DecideAsync(Browser editor, Guid id, string date)
    {
        var chosen = (await AssessmentAsync(id)).Alternatives.Single(a => !a.IsDoNothing);
        var decided = await editor.PostFormAsync($"/assessments/{id}/decide", $"/assessments/{id}/decide",
            ("Version", (await AssessmentAsync(id)).Version.ToString()), ("ChosenAlternativeId", chosen.Id.ToString()), ("DecisionDate", date),
            ("DecisionParagraph", "§ 31"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
    }

    [Fact]
    public async Task Recording_the_decision_archives_the_pdf_the_decision_makers_read_in_both_languages_and_the_history_is_translated()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var id = await CompletedAsync(editor, "Museon aukioloaikojen muutos");

        await DecideAsync(editor, id, "2026-03-02");

        var archived = await factory.QueryAsync(db => db.ArchivedAssessmentDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.AssessmentId == id).ToListAsync());
        Assert.Equal(["fi", "sv"], archived.Select(d => d.Language).Order());
        var finnish = archived.Single(d => d.Language == "fi");
        var download = await editor.Client.GetAsync($"/assessments/{id}/archived/fi");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(finnish.Content, bytes);
        Assert.Equal(finnish.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Museon aukioloaikojen muutos", text);
            // Printed just before the decision: what the decision-makers had in front of them, a completed assessment.
            Assert.Contains("Valmis", text);
            Assert.DoesNotContain("§ 31", text);
        }

        var page = WebUtility.HtmlDecode(await editor.GetHtmlAsync($"/assessments/{id}"));
        Assert.Contains("Päättäjien käsittelemä asiakirja", page);
        Assert.Contains(finnish.Sha256, page);
        Assert.Contains("Muutoshistoria", page);
        Assert.Contains("Ennakkoarviointi aloitettu", page);
        Assert.Contains("Ennakkoarviointi: osa-alue arvioitu", page);
        Assert.Contains("Ennakkoarviointi: päätös kirjattu", page);
        Assert.DoesNotContain("Assessment.Decided", page);
        Assert.Contains("Uusi vaihtoehto – Elinympäristö", page);

        using var swedish = await Browser.SignedInAsync(factory, "coordinator@demo.test", "sv");
        Assert.Contains("Förhandsbedömning: beslut registrerat", WebUtility.HtmlDecode(await swedish.GetHtmlAsync($"/assessments/{id}")));

        using var stranger = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/assessments/{id}/archived/fi")).StatusCode);
    }

    [Fact]
    public async Task A_published_assessment_is_read_in_the_public_sites_frame_with_its_archived_pdf()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var id = await CompletedAsync(editor, "Uimahallin remontti");
        await DecideAsync(editor, id, "2026-04-15");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/assessments/{id}/publish", $"/assessments/{id}/publish",
            ("version", (await AssessmentAsync(id)).Version.ToString()))).StatusCode);
        using var resident = Browser.Open(factory, "fi");

        var page = WebUtility.HtmlDecode(await resident.GetHtmlAsync($"/fi/demo/assessments/{id}"));
        var list = WebUtility.HtmlDecode(await resident.GetHtmlAsync("/sv/demo/assessments"));

        Assert.Contains("class=\"public-site\"", page);
        Assert.Contains("skip-link", page);
        Assert.DoesNotContain("print-document", page);
        Assert.Contains("Uimahallin remontti", page);
        Assert.Contains("role=\"region\"", page);
        Assert.Contains($"/fi/demo/assessments/{id}/pdf/sv", page);
        Assert.Contains("class=\"public-site\"", list);
        var pdf = await resident.Client.GetAsync($"/fi/demo/assessments/{id}/pdf/sv");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var hall = await factory.QueryAsync(db => db.ImpactAssessments.IgnoreQueryFilters().SingleAsync(a => a.DecisionTitle == DemoAssessmentSeeder.HallTitle));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Client.GetAsync($"/fi/demo/assessments/{hall.Id}/pdf/fi")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_moves_an_area_up_with_a_button_and_an_editor_cannot()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        await coordinator.GetHtmlAsync("/assessments/areas");
        var areas = await factory.QueryAsync(db => db.AssessmentAreas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganisationId == DemoSeeder.DemokommunId).OrderBy(a => a.Position).ToListAsync());
        var second = areas[1];

        var moved = await coordinator.PostFormAsync("/assessments/areas", $"/assessments/areas/{second.Id}/move",
            ("version", second.Version.ToString()), ("direction", "up"));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await factory.QueryAsync(db => db.AssessmentAreas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganisationId == DemoSeeder.DemokommunId).OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());
        Assert.Equal(second.Id, after[0]);
        Assert.Equal(areas[0].Id, after[1]);
        Assert.Contains("Osa-alueiden järjestys on muutettu.", WebUtility.HtmlDecode(await coordinator.GetHtmlAsync("/assessments/areas")));

        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var token = await editor.TokenFromAsync("/assessments");
        var refused = await editor.Client.PostAsync($"/assessments/areas/{second.Id}/move", Browser.Form(token, ("version", second.Version.ToString()), ("direction", "down")));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(second.Id, (await factory.QueryAsync(db => db.AssessmentAreas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganisationId == DemoSeeder.DemokommunId).OrderBy(a => a.Position).Select(a => a.Id).FirstAsync())));

        // Put the order back for the other tests of the shared app.
        var current = await factory.QueryAsync(db => db.AssessmentAreas.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == second.Id));
        await coordinator.PostFormAsync("/assessments/areas", $"/assessments/areas/{second.Id}/move", ("version", current.Version.ToString()), ("direction", "down"));
    }

    [Fact]
    public async Task A_writer_inserts_the_years_assessments_into_a_section_and_the_editor_the_reading_view_and_the_pdf_list_them()
    {
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        var id = await CompletedAsync(editor, "Nuorisotilan siirto");
        await DecideAsync(editor, id, "2026-05-20");
        var section = await factory.DemoSectionAsync("Nuoret");
        var url = $"/reports/{section.ReportId}/sections/{section.Id}";
        Assert.Contains("Lisää vuoden ennakkoarvioinnit", WebUtility.HtmlDecode(await editor.GetHtmlAsync(url)));

        var added = await editor.PostFormAsync(url, $"{url}/assessments", ("show", "true"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var preview = WebUtility.HtmlDecode(await editor.GetHtmlAsync(url));
        Assert.Contains("Vuoden vaikutusten ennakkoarvioinnit", preview);
        Assert.Contains("Nuorisotilan siirto", preview);
        Assert.Contains("20.5.2026", preview);
        Assert.Contains("§ 31", preview);
        // The demo's school decision of 2023 is outside the term 2025–2029 that the comprehensive report covers.
        Assert.DoesNotContain(DemoAssessmentSeeder.SchoolTitle, preview);

        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "sv");
        var reading = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync($"/reports/{section.ReportId}/read"));
        Assert.Contains("Årets förhandsbedömningar av konsekvenser", reading);
        Assert.Contains("<span lang=\"fi\">Nuorisotilan siirto</span>", reading);
        var response = await coordinator.Client.GetAsync($"/reports/{section.ReportId}/pdf?lang=fi");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using (var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Vuoden vaikutusten ennakkoarvioinnit", text);
            Assert.Contains("Nuorisotilan siirto", text);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(url, $"{url}/assessments", ("show", "false"))).StatusCode);
        Assert.False((await factory.DemoSectionAsync("Nuoret")).ListsAssessments);
        using var stranger = await Browser.SignedInAsync(factory, "editor@esimerkkila.test", "fi");
        var token = await stranger.TokenFromAsync("/assessments");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"{url}/assessments", Browser.Form(token, ("show", "true")))).StatusCode);
    }
}
