using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// Found by the authorization matrix: another organisation's entity is 404 before any form validation or version
/// check, so the answer cannot differ from one for an entity that does not exist; an unknown status is not a 500.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class TenantHidingTests(MatrixFixture fixture)
{
    private MatrixClient Client(string role, Tenant tenant) => fixture.Clients.Single(c => c.Role == role && c.Tenant == tenant);

    private static Task<HttpResponseMessage> PostAsync(MatrixClient client, string url) =>
        client.Browser.Client.PostAsync(url, Browser.Form(client.Token));

    [Fact]
    public async Task Another_organisations_template_section_is_not_found_however_the_form_is_posted()
    {
        var (sectionId, version) = await fixture.Factory.QueryAsync(async db =>
        {
            var template = await db.ReportTemplates.IgnoreQueryFilters().Include(t => t.Sections).FirstAsync(t => t.OrganisationId == DemoSeeder.DemokommunId);
            return (template.Sections.First().Id, template.Version);
        });
        var stranger = Client(Domain.Common.Roles.Coordinator, Tenant.Other);

        foreach (var url in new[] { $"/template/{sectionId}", $"/template/{sectionId}/up", $"/template/{sectionId}/down", $"/template/{sectionId}/remove" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, url)).StatusCode);
        }
        var after = await fixture.Factory.QueryAsync(db => db.ReportTemplates.IgnoreQueryFilters().FirstAsync(t => t.OrganisationId == DemoSeeder.DemokommunId));
        Assert.Equal(version, after.Version);
    }

    [Fact]
    public async Task Another_organisations_user_is_not_found_when_the_posted_form_is_invalid()
    {
        var coordinator = await fixture.Factory.UserAsync("coordinator@demo.test");
        var stranger = Client(Domain.Common.Roles.OrganisationAdmin, Tenant.Other);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/admin/users/{coordinator.Id}")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_measure_is_not_found_when_the_posted_form_is_invalid()
    {
        var measureId = await fixture.Factory.QueryAsync(db =>
            db.Measures.IgnoreQueryFilters().Where(m => m.OrganisationId == DemoSeeder.DemokommunId).Select(m => m.Id).FirstAsync());
        var stranger = Client(Domain.Common.Roles.Coordinator, Tenant.Other);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/plan/measures/{measureId}/edit")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_section_status_is_refused_without_a_server_error()
    {
        var report = await fixture.Factory.DemoReportAsync();
        var section = await fixture.Factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().FirstAsync(s => s.ReportId == report.Id));
        var coordinator = Client(Domain.Common.Roles.Coordinator, Tenant.Own);

        var response = await coordinator.Browser.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/status",
            Browser.Form(coordinator.Token, ("status", "0")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await fixture.Factory.QueryAsync(db => db.ReportSections.IgnoreQueryFilters().SingleAsync(s => s.Id == section.Id));
        Assert.Equal(section.Status, after.Status);
        Assert.True(Enum.IsDefined<SectionStatus>(after.Status));
    }
}
