using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>Comparison municipalities: the suggestion, the choice, the verdict against their median, and tenant isolation.</summary>
public sealed class PeerTests : IDisposable
{
    private const int Demokunta = 99001;
    private const string DemokuntaId = "99001";
    private const string EsimerkkilaRegionId = "99002";
    private const int Esimerkkila = 99002;

    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_coordinator_takes_the_suggestion_and_the_indicator_page_compares_with_the_peers_median()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var page = await coordinator.GetHtmlAsync("/indicators/peers");
        // The demo's population indicator is its SAMPLE one (Statistics:PopulationIndicatorId in Development).
        Assert.Contains("Vertailukuntia ei ole vielä valittu.", page);
        Assert.Contains("Väkiluvultaan lähimmät kunnat", page);
        Assert.Contains("Esimerkkilä", page);

        var accepted = await coordinator.PostFormAsync("/indicators/peers", "/indicators/peers/suggestion");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal([Esimerkkila], await PeersOfAsync(DemoSeeder.DemokommunId));

        var indicator = await coordinator.GetHtmlAsync("/indicators/90005");
        Assert.Matches("(Parempi kuin|Huonompi kuin|Samaa tasoa kuin) vertailukunnat", indicator);
        Assert.Matches("1 kunnan mediaani [0-9,]+, vaihteluväli [0-9,]+–[0-9,]+", indicator);
    }

    [Fact]
    public async Task The_own_municipality_or_an_unknown_region_is_refused_with_a_message_and_nothing_changes()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "sv");
        await coordinator.PostFormAsync("/indicators/peers", "/indicators/peers", ("region", EsimerkkilaRegionId));

        var own = await coordinator.PostFormAsync("/indicators/peers", "/indicators/peers", ("region", DemokuntaId));
        var ownPage = await coordinator.GetHtmlAsync(own.Headers.Location!.OriginalString);
        var unknown = await coordinator.PostFormAsync("/indicators/peers", "/indicators/peers", ("region", "99099"));
        var unknownPage = await coordinator.GetHtmlAsync(unknown.Headers.Location!.OriginalString);

        Assert.Contains("Kommunen kan inte vara sin egen jämförelsekommun.", ownPage);
        // 99099 is a county: not a municipality, so not a municipality's peer.
        Assert.Contains("Någon av de valda kommunerna finns inte i katalogen.", unknownPage);
        Assert.Equal([Esimerkkila], await PeersOfAsync(DemoSeeder.DemokommunId));
    }

    [Fact]
    public async Task One_organisations_peers_are_neither_seen_nor_changed_by_another()
    {
        // Esimerkkilä has chosen Demokunta; Demokommun has chosen nobody.
        await _factory.QueryAsync(async db =>
        {
            var group = new PeerGroup(Guid.NewGuid(), DemoSeeder.EsimerkkilaId);
            group.Choose([Demokunta], Esimerkkila);
            db.PeerGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var page = await coordinator.GetHtmlAsync("/indicators/peers");
        var indicator = await coordinator.GetHtmlAsync("/indicators/90005");
        await coordinator.PostFormAsync("/indicators/peers", "/indicators/peers", ("region", EsimerkkilaRegionId));

        Assert.Contains("No comparison municipalities have been chosen yet.", page);
        Assert.DoesNotContain("than the comparison municipalities", indicator);
        Assert.DoesNotContain("to the comparison municipalities", indicator);
        Assert.DoesNotContain("Not compared with the comparison municipalities", indicator);
        Assert.Equal([Demokunta], await PeersOfAsync(DemoSeeder.EsimerkkilaId));
        Assert.Equal([Esimerkkila], await PeersOfAsync(DemoSeeder.DemokommunId));
    }

    private Task<List<int>> PeersOfAsync(Guid organisationId) =>
        _factory.QueryAsync(db => db.PeerGroups.IgnoreQueryFilters().Where(g => g.OrganisationId == organisationId)
            .SelectMany(g => g.Members.Select(m => m.RegionId)).ToListAsync());
}
