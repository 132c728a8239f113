using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Counties;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.County;

/// <summary>A municipality asks its county for support; the county answers; each side is told; the municipality closes it.</summary>
public sealed partial class SupportRequestTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("name=\"Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionField();

    [Fact]
    public async Task From_the_request_to_the_answer_and_closing_with_notifications_both_ways()
    {
        const string Question = "Miten nuorten ahdistuneisuuden kasvu tulkitaan?";
        var report = await _factory.DemoReportAsync();
        var countyCoordinator = await _factory.UserAsync("county@demo.test");
        var municipalityCoordinator = await _factory.UserAsync("coordinator@demo.test");
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        // The report's page offers the request; the form names the county and preselects the report.
        Assert.Contains($"/support/new?reportId={report.Id}", await coordinator.GetHtmlAsync($"/reports/{report.Id}"));
        var form = await coordinator.GetHtmlAsync($"/support/new?reportId={report.Id}");
        Assert.Contains("Demoalueen hyvinvointialue", form);

        // Empty: refused in Finnish, next to the fields.
        var empty = await coordinator.Client.PostAsync("/support/new", Browser.Form(Browser.TokenIn(form), ("Message", " ")));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Kirjoita viesti.", emptyHtml);
        Assert.Contains("Valitse, mihin tarvitsette tukea.", emptyHtml);
        Assert.False(await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().AnyAsync(r => r.RequestedById == municipalityCoordinator.Id
            && r.Message != DemoCountySeeder.RequestMessage)));

        var sent = await coordinator.Client.PostAsync("/support/new", Browser.Form(Browser.TokenIn(form),
            ("Kind", "DataInterpretation"), ("Message", Question), ("ReportId", report.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Message == Question));
        Assert.Equal(DemoSeeder.DemokommunId, request.OrganisationId);
        Assert.Equal(DemoSeeder.CountyId, request.CountyId);
        Assert.Equal(report.Id, request.ReportId);
        Assert.Equal(SupportRequestState.Open, request.State);
        Assert.True(await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters()
            .AnyAsync(n => n.UserId == countyCoordinator.Id && n.Kind == "Notification.County.SupportAsked" && n.OrganisationId == DemoSeeder.CountyId)));

        // The county sees it, with the count of open requests on its overview, and answers in Swedish.
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "sv");
        Assert.Contains("1 öppen begäran", await county.GetHtmlAsync("/county")); // the demo's own request is answered, not open
        var list = await county.GetHtmlAsync("/county/support");
        Assert.Contains("Miten nuorten ahdistuneisuuden kasvu tulkitaan?", list);
        Assert.Contains("Tolkning av uppgifter", list);
        var answerForm = await county.GetHtmlAsync($"/county/support/{request.Id}");
        var version = VersionField().Match(answerForm).Groups[1].Value;
        var blank = await county.Client.PostAsync($"/county/support/{request.Id}",
            Browser.Form(Browser.TokenIn(answerForm), ("Answer", ""), ("Version", version)));
        Assert.Contains("Skriv ett svar.", await blank.Content.ReadAsStringAsync());
        var answered = await county.Client.PostAsync($"/county/support/{request.Id}",
            Browser.Form(Browser.TokenIn(answerForm), ("Answer", "Katsotaan yhdessä kouluterveyskyselyn luvut 4.12."), ("Version", version)));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        // A second answer from the page read before the first one is stale.
        var stale = await county.Client.PostAsync($"/county/support/{request.Id}",
            Browser.Form(Browser.TokenIn(answerForm), ("Answer", "Toinen vastaus"), ("Version", version)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        var saved = await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(SupportRequestState.Answered, saved.State);
        Assert.Equal("Katsotaan yhdessä kouluterveyskyselyn luvut 4.12.", saved.Answer);
        Assert.Equal(countyCoordinator.Id, saved.AnsweredById);
        var notice = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(n => n.UserId == municipalityCoordinator.Id && n.Kind == "Notification.County.SupportAnswered" && n.Text.Contains("4.12.")));
        Assert.Equal(DemoSeeder.DemokommunId, notice.OrganisationId);
        Assert.Contains("Demoalueen hyvinvointialue", notice.Text);
        var mails = await _factory.DeliveredMailAsync();
        Assert.Contains(mails, m => m.To == "coordinator@demo.test" && m.Subject == "Valfard: Hyvinvointialue vastasi tukipyyntöönne");
        Assert.Contains(mails, m => m.To == "county@demo.test" && m.Subject == "Valfard: Kunta pyytää tukea");

        // The municipality reads the answer and closes the request.
        var own = await coordinator.GetHtmlAsync("/support");
        Assert.Contains("Katsotaan yhdessä kouluterveyskyselyn luvut 4.12.", own);
        Assert.Contains("Vastattu", own);
        var closed = await coordinator.Client.PostAsync($"/support/{request.Id}/close", Browser.Form(Browser.TokenIn(own)));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(SupportRequestState.Closed,
            await _factory.QueryAsync(db => db.SupportRequests.IgnoreQueryFilters().Where(r => r.Id == request.Id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task A_request_cannot_name_another_organisations_report_and_the_county_cannot_ask_itself()
    {
        var foreignReport = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OrganisationId != DemoSeeder.DemokommunId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync()) ?? Guid.NewGuid();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        var refused = await coordinator.PostFormAsync("/support/new", "/support/new",
            ("Kind", "Training"), ("Message", "Utbildning, tack"), ("ReportId", foreignReport.ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Välj en av era egna berättelser.", await refused.Content.ReadAsStringAsync());

        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        Assert.Equal(HttpStatusCode.NotFound, (await county.Client.GetAsync("/support/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.Client.GetAsync("/support")).StatusCode);
    }
}
