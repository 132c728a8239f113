using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Counties;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.County;

/// <summary>Publishing a municipality's report delivers it to its county, and the county reads what was delivered.</summary>
public sealed class CountyDeliveryTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Publishing_delivers_the_version_to_the_county_and_tells_its_coordinators_in_their_language()
    {
        var report = await _factory.DemoReportAsync();
        var countyCoordinator = await _factory.UserAsync("county@demo.test");
        await SetLanguageAsync(countyCoordinator.Id, "sv");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "en");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ApprovalWorkflowTests.ThroughBoardAsync(_factory, coordinator, report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);
        Assert.Equal(HttpStatusCode.Redirect,
            (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.CountyDeliveries.IgnoreQueryFilters().AnyAsync(d => d.ReportId == report.Id)),
            "an approved report that is not published yet is not delivered");

        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish)).StatusCode);

        var version = await _factory.QueryAsync(db => db.ReportVersions.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.ReportId == report.Id));
        var delivery = await _factory.QueryAsync(db => db.CountyDeliveries.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.ReportId == report.Id));
        Assert.Equal(DemoSeeder.CountyId, delivery.OrganisationId);
        Assert.Equal(DemoSeeder.DemokommunId, delivery.MunicipalityId);
        Assert.Equal(version.Id, delivery.ReportVersionId);
        Assert.Equal(ReportKind.Comprehensive, delivery.Kind);
        Assert.Equal(version.PublishedAt, delivery.DeliveredAt);

        var notification = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(n => n.UserId == countyCoordinator.Id && n.Kind == "Notification.County.Delivered" && n.Link.Contains(delivery.Id.ToString())));
        Assert.Equal(DemoSeeder.CountyId, notification.OrganisationId);
        Assert.Equal($"/county/deliveries/{delivery.Id}", notification.Link);
        Assert.Contains("Demokommun", notification.Text);
        Assert.Contains("Välfärdsberättelse", notification.Text, StringComparison.OrdinalIgnoreCase);

        var mail = (await _factory.DeliveredMailAsync()).Single(m => m.To == "county@demo.test" && m.TextBody.Contains(delivery.Id.ToString()));
        Assert.Equal("Valfard: Berättelse levererad till välfärdsområdet", mail.Subject);
        Assert.Contains($"https://hyvinvointi.example.fi/county/deliveries/{delivery.Id}", mail.TextBody);
        Assert.Contains("Hej Helmi Hyvinvointialue", mail.TextBody);

        // The county's coordinator (who reads Swedish) follows the notification to the delivered version and its archived PDF.
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "sv");
        var overview = await county.GetHtmlAsync("/county");
        Assert.Contains("Demokommun", overview);
        Assert.Contains("Esimerkkilä", overview);
        Assert.Contains($"/county/deliveries/{delivery.Id}", overview);
        var reading = await county.GetHtmlAsync($"/county/deliveries/{delivery.Id}");
        Assert.Contains("Omfattande välfärdsberättelse 2025–2029", reading);
        Assert.Contains("Barn och barnfamiljer", reading);
        var pdf = await county.Client.GetAsync($"/county/deliveries/{delivery.Id}/pdf?lang=sv");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var archived = await _factory.QueryAsync(db => db.ArchivedDocuments.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(d => d.ReportVersionId == version.Id && d.Language == "sv"));
        Assert.Equal(archived.Content, await pdf.Content.ReadAsByteArrayAsync());

        // Now that the report is delivered, its plan is readable: goals and measures, read-only.
        var plan = await _factory.QueryAsync(db => db.Plans.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.ReportId == report.Id));
        var goal = await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).FirstAsync());
        Assert.Contains($"/county/members/{DemoSeeder.DemokommunId}/plans/{plan.Id}", await county.GetHtmlAsync("/county"));
        var planPage = await county.GetHtmlAsync($"/county/members/{DemoSeeder.DemokommunId}/plans/{plan.Id}");
        Assert.Contains(goal.TitleSv, planPage);
        Assert.DoesNotContain("<form method=\"post\"", planPage.Split("<main")[^1].Split("</main>")[0]);
    }

    [Fact]
    public async Task The_previous_terms_report_published_at_seeding_was_delivered_through_the_same_path()
    {
        var delivery = await _factory.QueryAsync(db => db.CountyDeliveries.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(d => d.MunicipalityId == DemoSeeder.DemokommunId && d.TitleFi == "Laaja hyvinvointikertomus 2021–2025"));
        Assert.Equal(DemoSeeder.CountyId, delivery.OrganisationId);
        Assert.Equal(1, delivery.VersionNumber);
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "sv");
        var overview = await county.GetHtmlAsync("/county");
        Assert.Contains("Levererat till välfärdsområdet", overview);
        Assert.Contains(DemoArchiveSeeder.TitleSv, overview);
    }

    [Fact]
    public void Only_a_municipality_in_a_county_delivers_and_only_its_comprehensive_or_annual_report()
    {
        var county = new Organisation(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "Testialue", "Testområde", "98",
            OrganisationLanguages.Bilingual, "testialue");
        var municipality = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Testikunta", "Testkommun", "997",
            OrganisationLanguages.Bilingual, "testikunta");
        var term = new CouncilTerm(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
        var comprehensive = WelfareReport.Create(Guid.NewGuid(), municipality, ReportKind.Comprehensive, term, null, "K", "B",
            new ReportTemplate(Guid.NewGuid(), municipality.Id), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.False(CountyDelivery.IsDue(municipality, comprehensive), "a municipality outside any county delivers nothing");
        municipality.AssignToCounty(county);
        Assert.True(CountyDelivery.IsDue(municipality, comprehensive));
        var regional = WelfareReport.Create(Guid.NewGuid(), county, ReportKind.Regional, term, null, "A", "R",
            new ReportTemplate(Guid.NewGuid(), county.Id), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.False(CountyDelivery.IsDue(county, regional), "a county's own regional report goes nowhere");
    }

    private async Task SetLanguageAsync(Guid userId, string language)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == userId);
        user.PreferredLanguage = language;
        await db.SaveChangesAsync();
    }
}
