using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.County;

/// <summary>
/// Issue 18 §3: the regional report's block "Member municipalities' goals by life stage" shows the goals of the plans
/// the members delivered to the county, grouped by life stage, in the section page, the reading view (fi, sv) and the
/// PDF, frozen in a snapshot; an undelivered plan, and any non-member's plan, never appears. The demo county's
/// report has it, and its own template and sectors are the county's.
/// </summary>
public sealed class MembersGoalsTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<ReportSection> RegionalSectionAsync(string titleFi) => _factory.QueryAsync(async db =>
    {
        var report = await db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.CountyId && r.Kind == ReportKind.Regional);
        return await db.ReportSections.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.ReportId == report.Id && s.TitleFi == titleFi);
    });

    private static string Block(string html) => html.Split("class=\"doc-members-goals\"")[1].Split("</section>")[0];

    [Fact]
    public async Task The_demo_regional_report_summarises_the_delivered_goals_by_life_stage_in_the_page_the_reading_view_and_the_pdf()
    {
        var section = await RegionalSectionAsync("Yhteistyö jäsenkuntien kanssa");
        Assert.True(section.SummarisesMembersGoals);
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");

        var reading = WebUtility.HtmlDecode(await county.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi"));
        var block = Block(reading);
        Assert.Contains("Jäsenkuntien tavoitteet elämänvaiheittain", block);
        // Life stages in THL's order, each goal under its own.
        string[] stages = ["Lapset ja lapsiperheet", "Nuoret", "Työikäiset", "Ikääntyneet"];
        var positions = stages.Select(s => block.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.True(block.IndexOf("Lapsiperheet saavat tukea arkeen varhain", StringComparison.Ordinal) < positions[1]);
        Assert.True(block.IndexOf("Pitkäaikaistyöttömyys vähenee", StringComparison.Ordinal) > positions[2]);
        // Municipality, measures and where they stand.
        var youth = block.Split("Jokaisella nuorella on mieluisa harrastus")[1].Split("</tr>")[0];
        Assert.Contains(">3<", youth);
        Assert.Contains("Toteutettu 2 · Siirretty 1", youth);
        var children = block.Split("Lapsiperheet saavat tukea arkeen varhain")[0];
        Assert.Contains("Demokunta", children[children.LastIndexOf("<tr>", StringComparison.Ordinal)..]);
        // Demokunta's 2025–2029 plan belongs to a report it has not delivered: none of its goals is here.
        Assert.DoesNotContain("Lapsiperheet saavat tukea ajoissa", block);

        var page = WebUtility.HtmlDecode(await county.GetHtmlAsync($"/reports/{section.ReportId}/sections/{section.Id}"));
        Assert.Contains("Luvussa on yhteenveto jäsenkuntien toimittamien suunnitelmien tavoitteista.", page);
        Assert.Contains("Asukkaiden osallisuus vahvistuu", page);

        using var swedish = await Browser.SignedInAsync(_factory, "county@demo.test", "sv");
        var sv = Block(WebUtility.HtmlDecode(await swedish.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=sv")));
        Assert.Contains("Medlemskommunernas mål per livsskede", sv);
        Assert.Contains("Barnfamiljer får tidigt stöd i vardagen", sv);
        Assert.Contains("Demokommun", sv);
        Assert.Contains("Genomförd 1 · Pågår 1", sv);

        var pdf = await county.Client.GetAsync($"/reports/{section.ReportId}/pdf?lang=fi");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(string.Join(string.Empty, document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Jäsenkuntientavoitteetelämänvaiheittain", text);
        Assert.Contains("Pitkäaikaistyöttömyysvähenee", text);
    }

    [Fact]
    public async Task An_undelivered_plan_of_a_member_and_a_non_members_plan_never_appear()
    {
        await _factory.QueryAsync(async db =>
        {
            var term = (await db.CouncilTerms.ToListAsync()).First(t => t.StartDate.Year == 2025);
            var delivered = await db.Plans.IgnoreQueryFilters().Where(p => p.OrganisationId == DemoSeeder.DemokommunId && p.TitleFi == "Hyvinvointisuunnitelma 2021–2025")
                .Select(p => p.ReportId).SingleAsync();
            // A member's plan whose report was never delivered.
            var draft = new WelfarePlan(Guid.NewGuid(), DemoSeeder.EsimerkkilaId, term, null, "Esimerkkilän suunnitelma", "", Guid.NewGuid(), ValfardFactory.Today);
            var draftGoal = new Goal(Guid.NewGuid(), draft, "E1", 0);
            draftGoal.Update("E1", "Esimerkkilän luonnostavoite", "", "", "", LifeStage.Youth, "");
            // A municipality outside the county whose plan even names the delivered report.
            var outsider = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Ulkokunta", "", "979", OrganisationLanguages.Finnish, "ulkokunta-goals");
            var stray = new WelfarePlan(Guid.NewGuid(), outsider.Id, term, delivered, "Ulkokunnan suunnitelma", "", Guid.NewGuid(), ValfardFactory.Today);
            var strayGoal = new Goal(Guid.NewGuid(), stray, "U1", 0);
            strayGoal.Update("U1", "Ulkokunnan salainen tavoite", "", "", "", LifeStage.OlderPeople, "");
            db.Organisations.Add(outsider);
            db.Plans.AddRange(draft, stray);
            db.Goals.AddRange(draftGoal, strayGoal);
            await db.SaveChangesAsync();
            return 0;
        });
        var section = await RegionalSectionAsync("Yhteistyö jäsenkuntien kanssa");
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        var block = Block(WebUtility.HtmlDecode(await county.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi")));
        Assert.Contains("Lapsiperheet saavat tukea arkeen varhain", block);
        Assert.DoesNotContain("Esimerkkilän luonnostavoite", block);
        Assert.DoesNotContain("Ulkokunnan salainen tavoite", block);
        Assert.DoesNotContain("Ulkokunta", block);

        // A municipality's own report cannot take the block.
        var own = await _factory.DemoSectionAsync("Nuoret");
        var editUrl = $"/reports/{own.ReportId}/sections/{own.Id}";
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        Assert.DoesNotContain("Jäsenkuntien tavoitteet elämänvaiheittain", WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(editUrl)));
        await coordinator.PostFormAsync(editUrl, $"{editUrl}/members-goals", ("show", "true"));
        Assert.False((await _factory.DemoSectionAsync("Nuoret")).SummarisesMembersGoals);
        Assert.Contains("Jäsenkuntien tavoitteista voi koota yhteenvedon vain hyvinvointialueen alueelliseen hyvinvointikertomukseen.",
            WebUtility.HtmlDecode(await coordinator.GetHtmlAsync(editUrl)));
    }

    [Fact]
    public async Task The_county_inserts_and_removes_the_block_and_a_snapshot_keeps_the_goals_as_they_were()
    {
        var section = await RegionalSectionAsync("Tiivistelmä");
        var editUrl = $"/reports/{section.ReportId}/sections/{section.Id}";
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        Assert.Contains("Lisää jäsenkuntien tavoitteet", WebUtility.HtmlDecode(await county.GetHtmlAsync(editUrl)));
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostFormAsync(editUrl, $"{editUrl}/members-goals", ("show", "true"))).StatusCode);
        Assert.True((await RegionalSectionAsync("Tiivistelmä")).SummarisesMembersGoals);

        // The snapshot an approval takes: the goals as they stood, whatever the member changes later.
        string snapshot;
        using (var scope = _factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.CountyId;
            snapshot = (await scope.ServiceProvider.GetRequiredService<ReportDocumentBuilder>().SnapshotAsync(section.ReportId, CancellationToken.None))!;
        }
        await _factory.QueryAsync(async db =>
        {
            var goal = await db.Goals.IgnoreQueryFilters().SingleAsync(g => g.OrganisationId == DemoSeeder.DemokommunId && g.Code == "A3");
            goal.Update("A3", "Työllisyys paranee", "", "", "", LifeStage.WorkingAge, "");
            await db.SaveChangesAsync();
            return 0;
        });
        var frozen = ReportDocumentBuilder.ReadSnapshot(snapshot, "fi").Sections.Single(s => s.Id == section.Id);
        Assert.True(frozen.SummarisesMembersGoals);
        Assert.Equal(5, frozen.MembersGoals.Count);
        var working = Assert.Single(frozen.MembersGoals, g => g.LifeStage == LifeStage.WorkingAge);
        Assert.Equal(("Pitkäaikaistyöttömyys vähenee", "Demokunta", 1, 1), (working.Title, working.Municipality, working.Measures, working.InProgress));
        Assert.Contains("Työllisyys paranee", Block(WebUtility.HtmlDecode(await county.GetHtmlAsync($"/reports/{section.ReportId}/read?lang=fi"))));

        Assert.Equal(HttpStatusCode.Redirect, (await county.PostFormAsync(editUrl, $"{editUrl}/members-goals", ("show", "false"))).StatusCode);
        Assert.False((await RegionalSectionAsync("Tiivistelmä")).SummarisesMembersGoals);
    }

    [Fact]
    public async Task The_county_starts_with_the_regional_template_and_county_sectors()
    {
        var (sections, sectors) = await _factory.QueryAsync(async db =>
        {
            var report = await db.Reports.IgnoreQueryFilters().SingleAsync(r => r.OrganisationId == DemoSeeder.CountyId && r.Kind == ReportKind.Regional);
            var titles = await db.ReportSections.IgnoreQueryFilters().Where(s => s.ReportId == report.Id).Select(s => s.TitleFi).ToListAsync();
            var codes = await db.Sectors.IgnoreQueryFilters().Where(s => s.OrganisationId == DemoSeeder.CountyId).Select(s => s.Code).ToListAsync();
            return (titles, codes);
        });
        Assert.Contains("Palvelut ja niiden käyttö", sections);
        Assert.Contains("Hyvinvointi- ja terveyserot", sections);
        Assert.Contains("Arviointi", sections);
        Assert.DoesNotContain("Hyvinvointisuunnitelma", sections);
        Assert.Contains("rescue-services", sectors);
        Assert.Contains("social-services", sectors);
        Assert.Contains("elderly-services", sectors);
        Assert.DoesNotContain("education", sectors);
        Assert.DoesNotContain("technical", sectors);
    }
}
