using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

public sealed class IndicatorSetTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    [Fact]
    public async Task A_coordinator_creates_a_set_adds_an_indicator_and_removes_it_and_each_change_renews_the_sets_version()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var created = await coordinator.PostFormAsync("/indicators/sets", "/indicators/sets", ("name", "Nuorten hyvinvointi"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("The set has been created.", await coordinator.GetHtmlAsync("/indicators/sets"));
        var set = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().SingleAsync(s => s.Name == "Nuorten hyvinvointi"));

        var added = await coordinator.PostFormAsync("/indicators/sets", $"/indicators/sets/{set.Id}/add", ("indicatorId", "90005"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("The set has been saved.", await coordinator.GetHtmlAsync("/indicators/sets"));
        var withMember = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members).SingleAsync(s => s.Id == set.Id));
        Assert.Equal([90005], withMember.Members.Select(m => m.IndicatorId));
        Assert.NotEqual(set.Version, withMember.Version);

        var removed = await coordinator.PostFormAsync("/indicators/sets", $"/indicators/sets/{set.Id}/remove/90005");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var emptied = await _factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().Include(s => s.Members).SingleAsync(s => s.Id == set.Id));
        Assert.Empty(emptied.Members);
        Assert.NotEqual(withMember.Version, emptied.Version);
    }

    public void Dispose() => _factory.Dispose();
}
