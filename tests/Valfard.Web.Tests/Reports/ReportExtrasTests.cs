using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Reports;

/// <summary>Joys and concerns, linked plans and uploads, and the audit trail of the demo report.</summary>
public sealed class ReportExtrasTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private async Task<Guid> ReportIdAsync() => (await _factory.DemoReportAsync()).Id;

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, Guid reportId, string fileName, byte[] content, string claimedType)
    {
        var token = await browser.TokenFromAsync($"/reports/{reportId}/plans");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("Other"), "kind");
        form.Add(new StringContent(""), "title");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        form.Add(file, "file", fileName);
        return await browser.Client.PostAsync($"/reports/{reportId}/plans/upload", form);
    }

    private static byte[] OfficePackage(string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", mainPart })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_demo_report_has_joys_and_concerns_and_a_new_concern_is_added_in_both_languages()
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var page = await editor.GetHtmlAsync($"/reports/{reportId}/observations");
        Assert.Contains("Joys (2)", page);
        Assert.Contains("Concerns (2)", page);

        var response = await editor.PostFormAsync($"/reports/{reportId}/observations", $"/reports/{reportId}/observations",
            ("Kind", "Concern"), ("LifeStage", "WorkingAge"), ("TextFi", "Pitkäaikaistyöttömyys on kääntynyt kasvuun."),
            ("TextSv", "Långtidsarbetslösheten har börjat öka."), ("Evidence", "Pitkäaikaistyöttömät 2024–2025"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().SingleAsync(o => o.LifeStage == LifeStage.WorkingAge));
        Assert.Equal("Långtidsarbetslösheten har börjat öka.", saved.TextSv);
        Assert.Contains("Concerns (3)", await editor.GetHtmlAsync($"/reports/{reportId}/observations"));
    }

    [Fact]
    public async Task A_joy_without_text_is_refused_with_a_message()
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "fi");

        var response = await editor.PostFormAsync($"/reports/{reportId}/observations", $"/reports/{reportId}/observations",
            ("Kind", "Joy"), ("LifeStage", "Youth"), ("TextFi", ""), ("TextSv", ""));

        Assert.Contains("Kirjoita ilon tai huolen aihe suomeksi tai ruotsiksi.", await response.Content.ReadAsStringAsync());
        Assert.Equal(4, await _factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().CountAsync(o => o.ReportId == reportId)));
    }

    [Fact]
    public async Task A_pdf_and_a_word_document_are_accepted_from_their_content_and_downloaded_as_attachments()
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, reportId, "turvallisuussuunnitelma.pdf", "%PDF-1.7\n%test\n"u8.ToArray(), "application/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, reportId, "tasa-arvo.bin", OfficePackage("word/document.xml"), "application/octet-stream")).StatusCode);

        var plans = await _factory.QueryAsync(db => db.LinkedPlans.IgnoreQueryFilters().Where(p => p.FileName != null).ToListAsync());
        var word = Assert.Single(plans, p => p.FileName == "tasa-arvo.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.ContentType);
        var pdf = Assert.Single(plans, p => p.FileName == "turvallisuussuunnitelma.pdf");
        var download = await editor.Client.GetAsync($"/reports/{reportId}/plans/{pdf.Id}/file");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-1.7\n%test\n"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("plan.pdf", "application/pdf")]
    [InlineData("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task A_file_whose_content_is_not_an_accepted_document_is_refused_whatever_its_name(string name, string claimedType)
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var response = await UploadAsync(editor, reportId, name, "MZ\u0090\0 this is a program"u8.ToArray(), claimedType);

        Assert.Contains("The file is not a PDF, DOCX or XLSX document.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _factory.QueryAsync(db => db.LinkedPlans.IgnoreQueryFilters().CountAsync(p => p.FileName != null)));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_and_nothing_is_saved()
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);

        var response = await UploadAsync(editor, reportId, "big.pdf", big, "application/pdf");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.LinkedPlans.IgnoreQueryFilters().CountAsync(p => p.FileName != null)));
    }

    [Fact]
    public async Task A_link_must_be_a_web_address()
    {
        var reportId = await ReportIdAsync();
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");

        var response = await editor.PostFormAsync($"/reports/{reportId}/plans", $"/reports/{reportId}/plans/link",
            ("kind", "Safety"), ("title", "Turvallisuus"), ("url", "javascript:alert(1)"));

        Assert.Contains("Give a full web address starting with https:// or http://.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_organisation_cannot_list_or_download_the_reports_plans()
    {
        var reportId = await ReportIdAsync();
        using (var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en"))
        {
            await UploadAsync(editor, reportId, "p.pdf", "%PDF-1.4"u8.ToArray(), "application/pdf");
        }
        var plan = await _factory.QueryAsync(db => db.LinkedPlans.IgnoreQueryFilters().FirstAsync(p => p.FileName != null));
        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{reportId}/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{reportId}/plans/{plan.Id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/reports/{reportId}/observations")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_reads_who_changed_what_in_the_audit_trail_and_an_editor_cannot()
    {
        var reportId = await ReportIdAsync();
        using (var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en"))
        {
            await editor.PostFormAsync($"/reports/{reportId}/plans", $"/reports/{reportId}/plans/link",
                ("kind", "Culture"), ("title", "Kulttuurisuunnitelma"), ("url", "https://demo.example/kulttuuri"));
            Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync($"/reports/{reportId}/audit")).StatusCode);
        }
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var audit = await coordinator.GetHtmlAsync($"/reports/{reportId}/audit");

        Assert.Contains("Plan linked", audit);
        Assert.Contains("Kulttuurisuunnitelma", audit);
        Assert.Contains("Erik Editor", audit);
    }

    public void Dispose() => _factory.Dispose();
}
