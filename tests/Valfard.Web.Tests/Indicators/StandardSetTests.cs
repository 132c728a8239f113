using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Account;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>National standard sets: the system admin's to define and load, every organisation's to read and copy; left-out marks are each organisation's own.</summary>
public sealed partial class StandardSetTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private const string SampleMinimum = "Vähimmäistietosisältö – kunta (NÄYTE / SAMPLE)";

    private Task<StandardSet> SetAsync(string nameFi) =>
        _factory.QueryAsync(db => db.StandardSets.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.NameFi == nameFi));

    private static IEnumerable<int> Members(StandardSet set) => set.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId);

    [GeneratedRegex("/indicators/standard-sets/([0-9a-f-]{36})$")]
    private static partial Regex EditAddress();

    [Fact]
    public async Task The_system_admin_defines_a_set_and_loads_it_from_a_csv_list_and_unknown_ids_are_named_and_nothing_changes()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");
        var created = await admin.PostFormAsync("/indicators/standard-sets", "/indicators/standard-sets",
            ("NameFi", "Testikokoelma"), ("NameSv", "Testuppsättning"), ("NameEn", "Test set"), ("Kind", "Counties"), ("Description", "Testi"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        Assert.Matches(EditAddress(), edit);

        var refused = await admin.PostFormAsync(edit, edit + "/ids", ("ids", "90005; 90006\n90007, 123456 99999999"));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("These ids are not in the catalogue: 123456, 99999999.", page);
        Assert.Empty((await SetAsync("Testikokoelma")).Members);

        var notANumber = await admin.PostFormAsync(edit, edit + "/ids", ("ids", "90005, abc"));
        Assert.Contains("“abc” is not a Sotkanet id", await notANumber.Content.ReadAsStringAsync());
        Assert.Empty((await SetAsync("Testikokoelma")).Members);

        var loaded = await admin.PostFormAsync(edit, edit + "/ids", ("ids", "90007\r\n90005;90006\t90005"));
        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        var set = await SetAsync("Testikokoelma");
        Assert.Equal([90007, 90005, 90006], Members(set));
        Assert.Equal(StandardSetKind.Counties, set.Kind);
        Assert.False(set.IsSample);

        // The same list as an uploaded CSV file replaces the members in the file's order.
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await admin.TokenFromAsync(edit)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("\uFEFF90010\n90012\n90007\n")), "file", "minimi.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync(edit + "/ids", form)).StatusCode);
        Assert.Equal([90010, 90012, 90007], Members(await SetAsync("Testikokoelma")));

        var changes = await _factory.QueryAsync(db => db.CatalogueChanges.AsNoTracking().Where(c => c.Subject == "Testikokoelma").ToListAsync());
        var adminId = (await _factory.UserAsync("admin@demo.test")).Id;
        Assert.All(changes, c => Assert.Equal(adminId, c.UserId));
        Assert.Contains(changes, c => c.Action == "Catalogue.StandardSetCreated");
        Assert.Contains(changes, c => c.Action == "Catalogue.StandardSetLoaded" && c.OldValue == "" && c.NewValue == "90007, 90005, 90006");
        Assert.Contains(changes, c => c.Action == "Catalogue.StandardSetLoaded" && c.OldValue == "90007, 90005, 90006" && c.NewValue == "90010, 90012, 90007");
        Assert.Equal(3, changes.Count);

        // Deleting asks first on a page of its own: the edit page links there, and only its POST deletes.
        var editPage = await admin.Client.GetStringAsync(edit);
        Assert.Contains($"href=\"{edit}/delete\"", editPage);
        var question = await admin.Client.GetStringAsync(edit + "/delete");
        Assert.Contains("The standard set “Test set” with 3 indicators will be deleted for the whole installation.", question);
        Assert.NotNull(await SetAsync("Testikokoelma"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit + "/delete", edit + "/delete")).StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.StandardSets.AnyAsync(s => s.NameFi == "Testikokoelma")));
    }

    [Fact]
    public async Task A_set_loads_from_a_sotkanet_group_and_a_group_no_indicator_has_is_refused()
    {
        await _factory.QueryAsync(async db =>
        {
            foreach (var indicator in await db.Indicators.Where(i => i.Id == 90021 || i.Id == 90003).ToListAsync())
            {
                indicator.MergeFrom(new Indicator(indicator.Id) { Title = indicator.Title, HasFullMetadata = true, Groups = [303, 730] });
            }
            return await db.SaveChangesAsync();
        });
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");
        var set = await SetAsync("TEAviisari (NÄYTE / SAMPLE)");
        var edit = $"/indicators/standard-sets/{set.Id}";

        var empty = await admin.PostFormAsync(edit, edit + "/group", ("group", "4242"));
        Assert.Contains("No indicator in the catalogue belongs to group 4242.", await empty.Content.ReadAsStringAsync());
        Assert.Equal([90038], Members(await SetAsync("TEAviisari (NÄYTE / SAMPLE)")));

        var loaded = await admin.PostFormAsync(edit, edit + "/group", ("group", "730"));

        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        Assert.Equal([90003, 90021], Members(await SetAsync("TEAviisari (NÄYTE / SAMPLE)")));
        Assert.Equal(1, await _factory.QueryAsync(db => db.CatalogueChanges.CountAsync(c => c.Action == "Catalogue.StandardSetLoadedFromGroup"
            && c.OldValue == "90038" && c.NewValue == "90003, 90021")));
    }

    [Fact]
    public async Task Every_organisation_reads_the_standard_sets_marked_sample_and_a_coordinator_copies_one_into_an_editable_set()
    {
        var sample = await SetAsync(SampleMinimum);
        using var otherEditor = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");
        var read = await otherEditor.GetHtmlAsync("/indicators/sets");
        Assert.Contains("Minimum data content – municipality (SAMPLE)", read);
        Assert.Contains("SAMPLE – invented ids", read);
        Assert.DoesNotContain($"/indicators/standard-sets/{sample.Id}/copy", read);
        Assert.DoesNotContain("/indicators/standard-sets/" + sample.Id + "/left-out", read);

        var otherCoordinatorEmail = await TwoFactorSteps.CreateUserAsync(_factory, Roles.Coordinator, DemoSeeder.EsimerkkilaId);
        using var coordinator = await Browser.SignedInAsync(_factory, otherCoordinatorEmail, "sv");
        Assert.Contains($"action=\"/indicators/standard-sets/{sample.Id}/copy\"", await coordinator.GetHtmlAsync("/indicators/sets"));

        var first = await coordinator.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/copy");
        var second = await coordinator.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/copy");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var copies = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().AsNoTracking().Include(s => s.Members)
            .Where(s => s.OrganisationId == DemoSeeder.EsimerkkilaId).ToListAsync());
        var copy = Assert.Single(copies, s => s.Name == "Minimidatainnehåll – kommun (EXEMPEL / SAMPLE)");
        Assert.Single(copies, s => s.Name == "Minimidatainnehåll – kommun (EXEMPEL / SAMPLE) (2)");
        Assert.Equal(Members(sample), copy.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId));
        // The copy is the organisation's own: its coordinator edits it, and the standard set stays as it was.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/indicators/sets", $"/indicators/sets/{copy.Id}/remove/90005")).StatusCode);
        Assert.Equal(Members(sample), Members(await SetAsync(SampleMinimum)));
    }

    [Fact]
    public async Task Left_out_marks_need_a_reason_are_the_organisations_own_and_can_be_undone()
    {
        var sample = await SetAsync(SampleMinimum);
        var otherCoordinatorEmail = await TwoFactorSteps.CreateUserAsync(_factory, Roles.Coordinator, DemoSeeder.EsimerkkilaId);
        using var other = await Browser.SignedInAsync(_factory, otherCoordinatorEmail, "fi");
        var leaveOut = $"/indicators/standard-sets/{sample.Id}/left-out/90005";

        var noReason = await other.PostFormAsync("/indicators/sets", leaveOut, ("reasonFi", " "), ("reasonSv", ""));
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Kirjoita perustelu suomeksi tai ruotsiksi (tai molemmilla).", await other.GetHtmlAsync("/indicators/sets"));
        var tooLong = await other.PostFormAsync("/indicators/sets", leaveOut, ("reasonFi", new string('x', 1001)));
        Assert.Equal(HttpStatusCode.Redirect, tooLong.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.LeftOutIndicators.IgnoreQueryFilters().CountAsync(l => l.OrganisationId == DemoSeeder.EsimerkkilaId)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/left-out/90001",
            ("reasonFi", "Ei kokoelmassa"))).StatusCode);

        var marked = await other.PostFormAsync("/indicators/sets", leaveOut, ("reasonFi", "Esimerkkilän oma syy"));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        // Demokommun has its own demo mark (90013) and does not see Esimerkkilä's.
        using var demo = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var demoPage = await demo.GetHtmlAsync("/indicators/sets");
        Assert.DoesNotContain("Esimerkkilän oma syy", demoPage);
        Assert.Contains("Kunnan ikäluokat ovat niin pieniä", demoPage);
        var otherPage = await other.GetHtmlAsync("/indicators/sets");
        Assert.Contains("Esimerkkilän oma syy", otherPage);
        Assert.DoesNotContain("Kunnan ikäluokat ovat niin pieniä", otherPage);
        using (var scope = _factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var seenByDemo = await db.LeftOutIndicators.AsNoTracking().ToListAsync();
            Assert.Equal([DemoIndicatorSeeder.DemoLeftOutIndicator], seenByDemo.Select(l => l.IndicatorId));
        }
        // Demokommun's coordinator cannot undo Esimerkkilä's mark: the undo finds no mark of Demokommun's for 90005.
        await demo.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/left-out/90005/undo");
        Assert.Equal(1, await _factory.QueryAsync(db => db.LeftOutIndicators.IgnoreQueryFilters().CountAsync(l => l.OrganisationId == DemoSeeder.EsimerkkilaId)));

        var undone = await other.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/left-out/90005/undo");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.LeftOutIndicators.IgnoreQueryFilters().CountAsync(l => l.OrganisationId == DemoSeeder.EsimerkkilaId)));
    }

    [Fact]
    public async Task The_public_report_lists_the_left_out_indicators_in_its_appendix_frozen_at_approval_while_a_draft_shows_them_live()
    {
        using var visitor = Browser.Open(_factory);
        var fi = await visitor.GetHtmlAsync("/fi/demo/hyvinvointikertomus-2021-2025");

        Assert.Contains("Vähimmäistietosisällöstä pois jätetyt indikaattorit", fi);
        Assert.Contains("Mielenterveyden häiriöihin sairaalahoitoa saaneet 0–17-vuotiaat", fi);
        Assert.Contains("Kunnan ikäluokat ovat niin pieniä", fi);
        Assert.Contains("Vähimmäistietosisältö – kunta (NÄYTE / SAMPLE)", fi);

        // A mark with only a Finnish reason shows in a Swedish draft with a visible note; undoing the demo mark leaves
        // the published (frozen) list as it was: the Swedish page, asked for the first time after the undo (so not
        // from the output cache), still lists it from the approved snapshot.
        var sample = await SetAsync(SampleMinimum);
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        await coordinator.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/left-out/{DemoIndicatorSeeder.DemoLeftOutIndicator}/undo");
        await coordinator.PostFormAsync("/indicators/sets", $"/indicators/standard-sets/{sample.Id}/left-out/90018", ("reasonFi", "Seurataan kunnan omalla mittarilla."));
        var report = await _factory.DemoReportAsync();
        var draft = await coordinator.GetHtmlAsync($"/reports/{report.Id}/read");

        Assert.Contains("Arbetslösa, % av arbetskraften", draft);
        Assert.Contains("<span lang=\"fi\">Seurataan kunnan omalla mittarilla.</span>", draft);
        Assert.Contains("finns endast på finska", draft);
        Assert.DoesNotContain("Kommunens åldersklasser är så små", draft);
        var sv = await visitor.GetHtmlAsync("/sv/demo/hyvinvointikertomus-2021-2025");
        Assert.Contains("Indikatorer som utelämnats ur minimidatainnehållet", sv);
        Assert.Contains("Kommunens åldersklasser är så små", sv);
        Assert.DoesNotContain("Seurataan kunnan omalla mittarilla.", sv);
    }

    public void Dispose() => _factory.Dispose();
}
