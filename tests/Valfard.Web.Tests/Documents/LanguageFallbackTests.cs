using Microsoft.EntityFrameworkCore;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Documents;

/// <summary>A reader given the other language's text is told so in words, not only by the lang attribute.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class LanguageFallbackTests(ValfardFactory factory)
{
    [Fact]
    public async Task A_section_written_only_in_finnish_says_so_to_a_swedish_reader_and_a_bilingual_one_does_not()
    {
        var report = await factory.QueryAsync(db => db.Reports.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.TitleFi == "Laaja hyvinvointikertomus 2025–2029"));
        using var swedish = await Browser.SignedInAsync(factory, "coordinator@demo.test", "sv");
        using var finnish = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");

        var sv = await swedish.GetHtmlAsync($"/reports/{report.Id}/read");
        var fi = await finnish.GetHtmlAsync($"/reports/{report.Id}/read");

        // The demo's section 3.2 (Unga / Nuoret) has Finnish text only.
        Assert.Matches("<p class=\"doc-fallback\">Detta avsnitt finns bara på finska.</p>\\s*<div class=\"doc-text\" lang=\"fi\">", sv);
        Assert.DoesNotContain("doc-fallback", fi);
    }
}
