using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Valfard.Domain.Reports;
using Valfard.Web.Features.PublicSite;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.Documents;

/// <summary>
/// Issue 17 §2: the Swedish partners, resources, follow-up account and both decision bodies reach the Swedish PDF
/// and the open data, the Finnish ones the Finnish; a missing Swedish one is the Finnish text, said in words.
/// </summary>
public sealed partial class BothLanguagesDocumentTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>The PDF's text without spaces or line breaks: where Chromium breaks a line is no part of what is tested.</summary>
    private static async Task<string> PdfTextAsync(Browser browser, Guid reportId, string language)
    {
        using var pdf = PdfDocument.Open(await browser.Client.GetByteArrayAsync($"/reports/{reportId}/pdf?lang={language}"));
        return WhiteSpace().Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), string.Empty);
    }

    private static string Squashed(string text) => WhiteSpace().Replace(text, string.Empty);

    [Fact]
    public async Task The_boards_body_is_recorded_in_both_languages_and_read_in_the_documents_language_or_said_to_be_finnish()
    {
        var report = await _factory.DemoReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "sv");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await _factory.LeaveEmptySectionsAsync(report.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard)).StatusCode);

        var form = await secretary.GetHtmlAsync($"/reports/{report.Id}/workflow/RecordBoardDecision");
        Assert.Matches("<label class=\"form-label\" for=\"Body\">Styrelse på finska</label>\\s*<input class=\"form-control\" maxlength=\"200\" required lang=\"fi\"", form);
        Assert.Matches("<label class=\"form-label\" for=\"BodySv\">Styrelse på svenska</label>\\s*<input class=\"form-control\" maxlength=\"200\" lang=\"sv\"", form);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision,
            ("Body", "Kunnanhallitus"), ("BodySv", ""), ("MeetingDate", "2026-11-09"), ("Paragraph", "201"),
            ("Proposal", "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen."))).StatusCode);
        Assert.Equal(("Kunnanhallitus", ""), await BoardBodyAsync(report.Id));

        // No Swedish name: the Swedish reader gets the Finnish one, marked and said in words.
        var reading = await secretary.GetHtmlAsync($"/reports/{report.Id}/read?lang=sv");
        Assert.Contains("<dd><span lang=\"fi\">Kunnanhallitus</span> <span class=\"doc-fallback\">(bara på finska)</span></dd>", reading);
        Assert.Contains("Föreslagenförfullmäktige:Kunnanhallitus(barapåfinska)", await PdfTextAsync(coordinator, report.Id, "sv"));

        await _factory.QueryAsync(async db =>
        {
            var tracked = await db.Reports.IgnoreQueryFilters().SingleAsync(r => r.Id == report.Id);
            db.Entry(tracked).Reference(r => r.BoardDecision).TargetEntry!.Property(nameof(BoardDecision.BodySv)).CurrentValue = "Kommunstyrelsen";
            return await db.SaveChangesAsync();
        });
        var swedish = await PdfTextAsync(coordinator, report.Id, "sv");
        Assert.Contains("Föreslagenförfullmäktige:Kommunstyrelsen", swedish);
        Assert.DoesNotContain("Kunnanhallitus(barapåfinska)", swedish);
        var finnish = await PdfTextAsync(coordinator, report.Id, "fi");
        Assert.Contains("Esitettyvaltuustolle:Kunnanhallitus", finnish);
        Assert.DoesNotContain("Kommunstyrelsen", finnish);
    }

    private Task<(string Fi, string Sv)> BoardBodyAsync(Guid reportId) => _factory.QueryAsync(async db =>
    {
        var decision = (await db.Reports.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reportId)).BoardDecision!;
        return (decision.Body, decision.BodySv);
    });

    [Fact]
    public async Task The_annual_pdf_gives_swedish_partners_resources_and_account_to_swedish_readers_and_finnish_to_finnish()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var round = await coordinator.GetHtmlAsync("/plan/follow-up/2025");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.Client.PostAsync("/plan/follow-up/2025/report", Browser.Form(Browser.TokenIn(round)))).StatusCode);
        var annual = await _factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Kind == ReportKind.Annual && r.Year == 2025));
        var (partnersFi, resourcesFi, accountFi) = await _factory.QueryAsync(async db =>
        {
            var measure = await db.Measures.IgnoreQueryFilters().SingleAsync(m => m.OrganisationId == DemoSeeder.DemokommunId && m.Code == "T1.1"
                && db.FollowUpRounds.IgnoreQueryFilters().Any(r => r.PlanId == m.PlanId && r.Year == 2025));
            measure.Translate("Demoregionens välfärdsområde", "Familjehandledare halvtid");
            var followUp = await db.FollowUpRounds.IgnoreQueryFilters().SingleAsync(r => r.PlanId == measure.PlanId && r.Year == 2025);
            var entry = await db.MeasureFollowUps.IgnoreQueryFilters().SingleAsync(f => f.RoundId == followUp.Id && f.MeasureId == measure.Id);
            entry.TranslateAccount(followUp, "Mötesplatsen är öppen.");
            await db.SaveChangesAsync();
            return (measure.PartnerNames, measure.Resources, entry.Account);
        });

        var swedish = await PdfTextAsync(coordinator, annual.Id, "sv");
        Assert.Contains("Partner:Demoregionensvälfärdsområde", swedish);
        Assert.Contains("Resurser:Familjehandledarehalvtid", swedish);
        Assert.Contains("Mötesplatsenäröppen.", swedish);
        Assert.DoesNotContain(Squashed(resourcesFi), swedish);
        Assert.DoesNotContain(Squashed(accountFi)[..30], swedish);
        // T1.2 has its resources in Finnish only: the Swedish reader gets them, said in words.
        Assert.Contains("Resurser:Erityisopettaja1htv(barapåfinska)", swedish);

        var finnish = await PdfTextAsync(coordinator, annual.Id, "fi");
        Assert.Contains("Kumppanit:" + Squashed(partnersFi), finnish);
        Assert.Contains("Resurssit:" + Squashed(resourcesFi), finnish);
        Assert.Contains(Squashed(accountFi)[..30], finnish);
        Assert.DoesNotContain("Demoregionensvälfärdsområde", finnish);
        Assert.DoesNotContain("Mötesplatsenäröppen.", finnish);
    }

    [Fact]
    public async Task The_open_data_gives_each_decision_body_in_the_files_language_and_says_when_it_is_the_other_one()
    {
        using var resident = Browser.Open(_factory);
        const string published = "/demo/hyvinvointikertomus-2021-2025/data.json";

        using (var sv = JsonDocument.Parse(await resident.Client.GetStringAsync("/sv" + published)))
        {
            Assert.Equal("Kommunfullmäktige", sv.RootElement.GetProperty("decision").GetProperty("body").GetString());
            Assert.Equal(JsonValueKind.Null, sv.RootElement.GetProperty("decision").GetProperty("bodyOnlyIn").ValueKind);
            Assert.Equal("Kommunstyrelsen", sv.RootElement.GetProperty("boardDecision").GetProperty("body").GetString());
            Assert.Equal("112", sv.RootElement.GetProperty("boardDecision").GetProperty("paragraph").GetString());
        }
        using (var fi = JsonDocument.Parse(await resident.Client.GetStringAsync("/fi" + published)))
        {
            Assert.Equal("Kunnanvaltuusto", fi.RootElement.GetProperty("decision").GetProperty("body").GetString());
            Assert.Equal("Kunnanhallitus", fi.RootElement.GetProperty("boardDecision").GetProperty("body").GetString());
        }

        // A version recorded without the Swedish names (e.g. before they existed; the app itself never changes a frozen decision).
        Assert.Equal(1, await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE ReportVersions SET DecisionBodySv = '', BoardBodySv = '' WHERE PublishedAt IS NOT NULL")));
        // Behind the app's back, so the public pages' cache is dropped as publishing would.
        await _factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicCache.Tag, default);
        using var fallback = JsonDocument.Parse(await resident.Client.GetStringAsync("/sv" + published));
        Assert.Equal("Kunnanvaltuusto", fallback.RootElement.GetProperty("decision").GetProperty("body").GetString());
        Assert.Equal("fi", fallback.RootElement.GetProperty("decision").GetProperty("bodyOnlyIn").GetString());
        Assert.Equal("Kunnanhallitus", fallback.RootElement.GetProperty("boardDecision").GetProperty("body").GetString());
        Assert.Equal("fi", fallback.RootElement.GetProperty("boardDecision").GetProperty("bodyOnlyIn").GetString());
    }
}
