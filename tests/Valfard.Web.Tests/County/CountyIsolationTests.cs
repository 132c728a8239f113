using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Common;
using Valfard.Domain.Counties;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Account;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.County;

/// <summary>
/// The county reaches only its own members, and of them only what was delivered; a municipality reaches nothing of
/// the county's pages; and neither reaches the other's editing pages. A second county with its own member stands
/// outside the demo county.
/// </summary>
public sealed class CountyIsolationTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Outside(Guid CountyId, Guid MunicipalityId, string CoordinatorEmail, Guid RequestId, Guid ForgedDeliveryId);

    /// <summary>County B with member C, C's support request to B, and a delivery row in B's name that points at Demokunta's version.</summary>
    private async Task<Outside> OutsideCountyAsync()
    {
        var countyId = Guid.NewGuid();
        var municipalityId = Guid.NewGuid();
        Guid requestId;
        Guid forgedId;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var county = new Organisation(countyId, OrganisationKind.WellbeingServicesCounty, "Toinen alue", "Annat område", "97",
                OrganisationLanguages.Bilingual, "toinen-alue");
            var municipality = new Organisation(municipalityId, OrganisationKind.Municipality, "Ulkokunta", "Utkommun", "998",
                OrganisationLanguages.Bilingual, "ulkokunta");
            municipality.AssignToCounty(county);
            db.Organisations.AddRange(county, municipality);
            await db.SaveChangesAsync();
            var author = await db.Users.IgnoreQueryFilters().FirstAsync(u => u.Email == "coordinator@demo.test");
            var request = SupportRequest.Ask(municipality, SupportKind.Training, "Ulkokunnan pyyntö", null, author.Id, ValfardFactory.Today);
            db.SupportRequests.Add(request);
            requestId = request.Id;
            // A row that claims Demokunta delivered to county B: the gateway must still refuse it, because Demokunta is not B's member.
            var demoDelivery = await db.CountyDeliveries.IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.MunicipalityId == DemoSeeder.DemokommunId);
            var report = await db.Reports.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == demoDelivery.ReportId);
            var version = await db.ReportVersions.IgnoreQueryFilters().AsNoTracking().FirstAsync(v => v.Id == demoDelivery.ReportVersionId);
            var pretend = new Organisation(DemoSeeder.DemokommunId, OrganisationKind.Municipality, "Demokunta", "Demokommun", "995",
                OrganisationLanguages.Bilingual, "demo");
            pretend.AssignToCounty(county);
            var forged = CountyDelivery.Deliver(pretend, report, version, author.Id, ValfardFactory.Today);
            await db.SaveChangesAsync();
            // The unique index allows one delivery per version; this test's own database drops it to hold the forged twin.
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS IX_CountyDeliveries_ReportVersionId");
            db.CountyDeliveries.Add(forged);
            forgedId = forged.Id;
            await db.SaveChangesAsync();
        }
        var email = await TwoFactorSteps.CreateUserAsync(_factory, Roles.Coordinator, countyId);
        return new Outside(countyId, municipalityId, email, requestId, forgedId);
    }

    private Task<CountyDelivery> DemoDeliveryAsync() => _factory.QueryAsync(db => db.CountyDeliveries.IgnoreQueryFilters().AsNoTracking()
        .SingleAsync(d => d.MunicipalityId == DemoSeeder.DemokommunId && d.OrganisationId == DemoSeeder.CountyId));

    [Fact]
    public async Task A_municipality_user_gets_404_from_every_county_page()
    {
        var delivery = await DemoDeliveryAsync();
        foreach (var email in new[] { "coordinator@demo.test", "editor@demo.test" })
        {
            using var browser = await Browser.SignedInAsync(_factory, email, "fi");
            foreach (var url in new[] { "/county", "/county/support", $"/county/deliveries/{delivery.Id}", $"/county/deliveries/{delivery.Id}/pdf?lang=fi" })
            {
                var response = await browser.Client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} {url} answered {(int)response.StatusCode}");
            }
        }
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var home = await coordinator.GetHtmlAsync("/");
        Assert.DoesNotContain("href=\"/county\"", home);
        Assert.Contains("href=\"/support\"", home);
    }

    [Fact]
    public async Task A_county_user_cannot_open_the_municipalitys_own_report_section_or_plan_pages()
    {
        var report = await _factory.DemoReportAsync();
        var section = await _factory.DemoSectionAsync("Nuoret");
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().FirstAsync(g => g.OrganisationId == DemoSeeder.DemokommunId));
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        foreach (var url in new[]
                 {
                     $"/reports/{report.Id}", $"/reports/{report.Id}/read", $"/reports/{report.Id}/audit",
                     $"/reports/{report.Id}/sections/{section.Id}", $"/reports/{report.Id}/workflow/SubmitForReview", $"/plan/goals/{goal.Id}",
                 })
        {
            var response = await county.Client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url} answered {(int)response.StatusCode}");
        }
        var home = await county.GetHtmlAsync("/");
        Assert.Contains("href=\"/county\"", home);
        Assert.DoesNotContain("href=\"/support\"", home);
    }

    [Fact]
    public async Task The_county_does_not_read_a_members_draft_or_a_plan_whose_report_was_not_delivered()
    {
        var report = await _factory.DemoReportAsync();
        var plan = await _factory.QueryAsync(db => db.Plans.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.ReportId == report.Id));
        var draftText = await _factory.QueryAsync(db => db.SectionTexts.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Language == "fi" && t.Html.Length > 40
                && db.ReportSections.IgnoreQueryFilters().Any(s => s.Id == t.SectionId && s.ReportId == report.Id))
            .Select(t => t.Html).FirstAsync());
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        var overview = await county.GetHtmlAsync("/county");
        Assert.Contains("Laaja hyvinvointikertomus 2025–2029", overview);
        Assert.Contains("Luonnos", overview);
        Assert.DoesNotContain($"/plans/{plan.Id}", overview);
        Assert.DoesNotContain(Valfard.Infrastructure.Text.PlainText.From(draftText)[..30], overview);
        Assert.Equal(HttpStatusCode.NotFound, (await county.Client.GetAsync($"/county/members/{DemoSeeder.DemokommunId}/plans/{plan.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_county_outside_reaches_none_of_the_demo_countys_members_and_the_demo_county_none_of_its()
    {
        var outside = await OutsideCountyAsync();
        var delivery = await DemoDeliveryAsync();
        var demoRequest = await AskAsDemokuntaAsync();

        using var other = await Browser.SignedInAsync(_factory, outside.CoordinatorEmail, "fi");
        var overview = await other.GetHtmlAsync("/county");
        Assert.Contains("Ulkokunta", overview);
        Assert.DoesNotContain("Demokunta", overview);
        Assert.DoesNotContain("Esimerkkilä", overview);
        foreach (var url in new[]
                 {
                     $"/county/deliveries/{delivery.Id}", $"/county/deliveries/{delivery.Id}/pdf?lang=fi",
                     $"/county/deliveries/{outside.ForgedDeliveryId}", $"/county/deliveries/{outside.ForgedDeliveryId}/pdf?lang=fi",
                     $"/county/support/{demoRequest}",
                 })
        {
            var response = await other.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
        Assert.DoesNotContain("Demokunnan pyyntö", await other.GetHtmlAsync("/county/support"));

        using var demoCounty = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        Assert.DoesNotContain("Ulkokunta", await demoCounty.GetHtmlAsync("/county"));
        Assert.DoesNotContain("Ulkokunnan pyyntö", await demoCounty.GetHtmlAsync("/county/support"));
        Assert.Equal(HttpStatusCode.NotFound, (await demoCounty.Client.GetAsync($"/county/support/{outside.RequestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demoCounty.Client.GetAsync($"/county/deliveries/{outside.ForgedDeliveryId}")).StatusCode);
        var page = await demoCounty.GetHtmlAsync("/county/support");
        var answer = await demoCounty.Client.PostAsync($"/county/support/{outside.RequestId}",
            Browser.Form(Browser.TokenIn(page), ("Answer", "Ei kuulu meille"), ("Version", Guid.Empty.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Null(await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Id == outside.RequestId).Select(r => r.Answer).SingleAsync()));
    }

    private async Task<Guid> AskAsDemokuntaAsync()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var response = await coordinator.PostFormAsync("/support/new", "/support/new", ("Kind", "DataInterpretation"), ("Message", "Demokunnan pyyntö"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().Where(r => r.Message == "Demokunnan pyyntö").Select(r => r.Id).SingleAsync());
    }
}
