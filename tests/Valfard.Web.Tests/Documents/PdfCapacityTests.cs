using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Workflow;

namespace Valfard.Web.Tests.Documents;

/// <summary>
/// Drafts cannot starve publishing: archiving has renders of its own, draft downloads are rate-limited per user, and
/// a draft whose content was printed a moment ago is not printed again.
/// </summary>
public sealed class PdfCapacityTests
{
    private static readonly PdfFrame Frame = new("<span></span>", "<span></span>");

    [Fact]
    public async Task Archiving_prints_at_once_while_every_draft_render_is_held()
    {
        // A server that takes connections and never answers: a draft with its image waits for it until its deadline.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();
        await using var chromium = new ChromiumPdf(Options.Create(new PdfOptions { MaxConcurrentRenders = 1, ReservedArchiveRenders = 1, TimeoutSeconds = 60 }),
            NullLogger<ChromiumPdf>.Instance);

        var stuckDraft = chromium.RenderAsync($"<html lang=\"fi\"><body><img src=\"http://127.0.0.1:{port}/kuva.png\" alt=\"\"></body></html>",
            Frame, PdfPurpose.Draft, CancellationToken.None);
        using var held = await accepted;
        var nextDraft = chromium.RenderAsync("<html lang=\"fi\"><body><p>Toinen luonnos</p></body></html>", Frame, PdfPurpose.Draft, CancellationToken.None);
        var archive = chromium.RenderAsync("<html lang=\"fi\"><body><h1>Arkistoitava</h1></body></html>", Frame, PdfPurpose.Archive, CancellationToken.None);

        // Not a speed check: the archive's only alternative is to wait the draft's full 60-second deadline.
        var first = await Task.WhenAny(archive, Task.Delay(TimeSpan.FromSeconds(40)));
        Assert.Same(archive, first);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await archive)[..4]), StringComparison.Ordinal);
        Assert.False(nextDraft.IsCompleted, "the second draft should still wait for the only draft render");
        Assert.False(stuckDraft.IsCompleted);
    }

    [Fact]
    public async Task The_same_draft_content_gives_the_same_bytes_without_printing_again()
    {
        await using var chromium = new ChromiumPdf(Options.Create(new PdfOptions()), NullLogger<ChromiumPdf>.Instance);
        const string html = "<html lang=\"fi\"><body><h1>Sama sisältö</h1></body></html>";

        var together = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => chromium.RenderAsync(html, Frame, PdfPurpose.Draft, CancellationToken.None)));
        // A new print would carry a new creation time (whole seconds) and so different bytes.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var later = await chromium.RenderAsync(html, Frame, PdfPurpose.Draft, CancellationToken.None);
        var archived = await chromium.RenderAsync(html, Frame, PdfPurpose.Archive, CancellationToken.None);

        Assert.All(together, bytes => Assert.Equal(together[0], bytes));
        Assert.Equal(together[0], later);
        Assert.NotEqual(together[0], archived);
    }

    [Fact]
    public async Task A_publish_completes_normally_under_a_flood_of_draft_downloads()
    {
        using var factory = new FloodFactory();
        var report = await factory.DemoReportAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "en");
        using var secretary = await Browser.SignedInAsync(factory, "secretary@demo.test", "en");
        using var editor = await Browser.SignedInAsync(factory, "editor@demo.test", "fi");
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SubmitForReview);
        await ApprovalWorkflowTests.ThroughBoardAsync(factory, coordinator, report.Id);
        await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.SendToCouncil);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalWorkflowTests.MoveAsync(secretary, report.Id, WorkflowAction.Approve, ApprovalWorkflowTests.Decision)).StatusCode);

        var flood = Enumerable.Range(0, 30).Select(_ => editor.Client.GetAsync($"/reports/{report.Id}/pdf?lang=fi")).ToList();
        var publish = await ApprovalWorkflowTests.MoveAsync(coordinator, report.Id, WorkflowAction.Publish);
        var drafts = await Task.WhenAll(flood);

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(ReportStatus.Published, (await factory.DemoReportAsync()).Status);
        Assert.All(drafts, d => Assert.True(d.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"a draft answered {(int)d.StatusCode}"));
        Assert.True(drafts.Count(d => d.StatusCode == HttpStatusCode.TooManyRequests) >= 20, "the editor's flood was not limited");
        var printed = await Task.WhenAll(drafts.Where(d => d.StatusCode == HttpStatusCode.OK).Select(d => d.Content.ReadAsByteArrayAsync()));
        Assert.NotEmpty(printed);
    }

    private sealed class FloodFactory : ValfardFactory
    {
        protected override int DocumentDownloadsPerMinute => 5;
    }
}
