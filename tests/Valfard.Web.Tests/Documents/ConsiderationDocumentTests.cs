using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.Documents;

/// <summary>
/// The document is no draft once the board or the council has it: read back from the PDF in each state, the draft mark
/// gives way to "for the board's / council's consideration" with the date, and what each body was given is kept.
/// </summary>
public sealed class ConsiderationDocumentTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static string Text(PdfDocument pdf) => string.Join('\n', pdf.GetPages().Select(p => p.Text));

    private static async Task<PdfDocument> PdfAsync(Browser browser, Guid reportId, string language) =>
        PdfDocument.Open(await browser.Client.GetByteArrayAsync($"/reports/{reportId}/pdf?lang={language}"));

    [Fact]
    public async Task Each_state_prints_its_own_mark_and_the_board_and_council_copies_are_kept_as_sent()
    {
        var report = await _factory.DemoReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        using var secretary = await Browser.SignedInAsync(_factory, "secretary@demo.test", "fi");
        // The tests' clock stands at 22.11.2026 (Helsinki), the day everything below is sent.
        const string Day = "22.11.2026";

        // In review the welfare group's text is still a draft.
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        using (var review = await PdfAsync(coordinator, report.Id, "fi"))
        {
            Assert.All(review.GetPages(), p => Assert.Contains("LUONNOS", p.Text));
        }

        // With the board: every page says so, with the date, and nowhere DRAFT.
        await _factory.LeaveEmptySectionsAsync(report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard);
        using (var fi = await PdfAsync(coordinator, report.Id, "fi"))
        using (var sv = await PdfAsync(coordinator, report.Id, "sv"))
        {
            Assert.All(fi.GetPages(), p => Assert.Contains($"Hallituksen käsiteltäväksi {Day}", p.Text));
            Assert.All(sv.GetPages(), p => Assert.Contains($"Till styrelsens behandling {Day}", p.Text));
            Assert.DoesNotContain("LUONNOS", Text(fi));
            Assert.DoesNotContain("UTKAST", Text(sv));
            Assert.Contains("Valtuusto ei ole vielä päättänyt tästä versiosta.", Text(fi));
        }
        var boardCopies = await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ReportId == report.Id && d.Stage == ConsiderationStage.Board).OrderBy(d => d.Language).ToListAsync());
        Assert.Equal(["fi", "sv"], boardCopies.Select(d => d.Language));
        // What the coordinator downloads while the board has it is the very file the board was given.
        Assert.Equal(boardCopies[0].Content, await coordinator.Client.GetByteArrayAsync($"/reports/{report.Id}/pdf?lang=fi"));

        // The board decides: its decision and proposal are on the decision page.
        await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.RecordBoardDecision, ApprovalWorkflowTests.BoardDecisionFields);
        using (var decided = await PdfAsync(coordinator, report.Id, "fi"))
        {
            var text = Text(decided);
            Assert.Contains("Hallituksen päätös", text);
            Assert.Contains("Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen.", text);
            Assert.DoesNotContain("LUONNOS", text);
        }

        // With the council: the council's mark, the board's decision kept in the document, and the copy kept.
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);
        using (var fi = await PdfAsync(coordinator, report.Id, "fi"))
        using (var sv = await PdfAsync(coordinator, report.Id, "sv"))
        {
            Assert.All(fi.GetPages(), p => Assert.Contains($"Valtuuston käsiteltäväksi {Day}", p.Text));
            Assert.All(sv.GetPages(), p => Assert.Contains($"Till fullmäktiges behandling {Day}", p.Text));
            Assert.DoesNotContain("LUONNOS", Text(fi));
            Assert.DoesNotContain("UTKAST", Text(sv));
            Assert.Contains("Esitetty valtuustolle: Kunnanhallitus 2.11.2026 § 201", Text(fi));
            Assert.Contains("Styrelsens beslut", Text(sv));
        }
        var councilCopy = await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(d => d.ReportId == report.Id && d.Stage == ConsiderationStage.Council && d.Language == "sv"));
        Assert.Equal(councilCopy.Sha256, Convert.ToHexStringLower(SHA256.HashData(councilCopy.Content)));

        // Approved: neither mark; the council's copy stays reachable from the reading view, byte for byte.
        await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision);
        using (var approved = await PdfAsync(coordinator, report.Id, "fi"))
        {
            var text = Text(approved);
            Assert.DoesNotContain("LUONNOS", text);
            Assert.DoesNotContain("käsiteltäväksi", text);
            Assert.Contains("Hallituksen päätös", text);
            Assert.Contains("Valtuuston päätös", text);
        }
        var reading = await coordinator.GetHtmlAsync($"/reports/{report.Id}/read");
        var link = $"/reports/{report.Id}/submitted/{councilCopy.Id}";
        Assert.Contains(link, reading);
        Assert.Contains(councilCopy.Sha256, reading);
        Assert.Equal(councilCopy.Content, await coordinator.Client.GetByteArrayAsync(link));
        Assert.Equal(4, await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().CountAsync(d => d.ReportId == report.Id)));
    }

    [Fact]
    public async Task A_kept_copy_cannot_be_fetched_through_another_report()
    {
        var report = await _factory.DemoReportAsync();
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await _factory.LeaveEmptySectionsAsync(report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToBoard);
        var copy = await _factory.QueryAsync(db => db.SubmittedDocuments.IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.ReportId == report.Id));

        var elsewhere = await coordinator.Client.GetAsync($"/reports/{Guid.NewGuid()}/submitted/{copy.Id}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
