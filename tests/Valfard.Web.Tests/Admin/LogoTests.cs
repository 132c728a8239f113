using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Admin;

public sealed class LogoTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, byte[] bytes, string fileName, string claimedType)
    {
        var token = await browser.TokenFromAsync("/admin/logo");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return await browser.Client.PostAsync("/admin/logo", form);
    }

    [Fact]
    public async Task A_png_logo_is_kept_and_anything_that_is_not_a_png_or_jpeg_by_content_is_refused()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "SampleData", "demo-logo.png"));
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"u8.ToArray();

        var refused = await UploadAsync(coordinator, svg, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("The logo must be a PNG or JPEG image.", await coordinator.GetHtmlAsync("/admin/logo"));
        var tooBig = await UploadAsync(coordinator, [.. png, .. new byte[600 * 1024]], "big.png", "image/png");
        Assert.Contains("The logo can be at most 512 kB.", await coordinator.GetHtmlAsync("/admin/logo"));
        Assert.True(tooBig.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.RequestEntityTooLarge);

        await UploadAsync(coordinator, png, "logo.png", "application/octet-stream");

        var stored = await _factory.QueryAsync(db => db.OrganisationLogos.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(l => l.OrganisationId == DemoSeeder.DemokommunId));
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(png, stored.Data);
        Assert.Equal(png, await coordinator.Client.GetByteArrayAsync("/admin/logo/image"));
    }

    [Fact]
    public async Task An_editor_cannot_change_the_logo_and_another_organisation_sees_none()
    {
        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        var denied = await editor.Client.GetAsync("/admin/logo");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var stranger = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.Client.GetAsync("/admin/logo/image")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
