using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Moq.Protected;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// The live client against a mocked <see cref="HttpMessageHandler"/> that answers as Sotkanet does, with the real
/// files: a list for /indicators and /regions, one object for /indicators/{id}, rows for /json.
/// </summary>
public sealed class SotkanetLiveClientTests
{
    private const string Base = "https://sotkanet.test/rest/1.1/";

    /// <summary>Answers by path and records every request, so a test can assert what was asked and how.</summary>
    internal static Mock<HttpMessageHandler> Sotkanet(List<HttpRequestMessage> requests, Func<string, string?> answer)
    {
        var handler = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        handler.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync((HttpRequestMessage request, CancellationToken _) =>
            {
                lock (requests)
                {
                    requests.Add(request);
                }
                if (request.Headers.UserAgent.Count == 0)
                {
                    return new HttpResponseMessage(HttpStatusCode.Forbidden);
                }
                var body = answer(request.RequestUri!.PathAndQuery);
                return body is null
                    ? new HttpResponseMessage(HttpStatusCode.NotFound)
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            });
        return handler;
    }

    internal static string? RealAnswer(string pathAndQuery) => pathAndQuery switch
    {
        "/rest/1.1/indicators" => File.ReadAllText(RealSotkanetFiles.PathOf("indicators.json")),
        "/rest/1.1/indicators/4" => File.ReadAllText(RealSotkanetFiles.PathOf("indicator-4.json")),
        "/rest/1.1/regions" => File.ReadAllText(RealSotkanetFiles.PathOf("regions.json")),
        _ when pathAndQuery.StartsWith("/rest/1.1/json?indicator=127&", StringComparison.Ordinal) =>
            File.ReadAllText(RealSotkanetFiles.PathOf("data-rows.json")),
        _ when pathAndQuery.StartsWith("/rest/1.1/json?indicator=4&", StringComparison.Ordinal) => "[]",
        _ => null,
    };

    private static SotkanetClient Client(Mock<HttpMessageHandler> handler) =>
        new(new HttpClient(handler.Object), new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new SotkanetOptions { BaseUrl = Base, Retries = 0, TimeoutSeconds = 5 }), TimeProvider.System,
            NullLogger<SotkanetClient>.Instance);

    [RealSotkanetFact]
    public async Task The_lists_one_indicators_metadata_and_data_are_read_as_the_files_would_be()
    {
        var requests = new List<HttpRequestMessage>();
        var client = Client(Sotkanet(requests, RealAnswer));

        var indicators = await client.GetIndicatorsAsync(CancellationToken.None);
        var regions = await client.GetRegionsAsync(CancellationToken.None);
        var metadata = await client.GetIndicatorAsync(4, CancellationToken.None);
        var rows = await client.GetDataAsync(127, [2023, 2009], CancellationToken.None);

        Assert.Equal((2434, 511), (indicators.Count, regions.Count));
        Assert.Equal((4, true, 1, "PER1000"), (metadata.Id, metadata.HasFullMetadata, metadata.Decimals, metadata.UnitCode));
        Assert.Contains(new IndicatorValue(127, 52, 2023, Gender.Total, 9646, null), rows);
        Assert.Equal(
            ["/rest/1.1/indicators", "/rest/1.1/regions", "/rest/1.1/indicators/4",
             "/rest/1.1/json?indicator=127&years=2009&years=2023&genders=total&genders=male&genders=female"],
            requests.Select(r => r.RequestUri!.PathAndQuery));
        Assert.All(requests, r => Assert.Equal(SotkanetClient.UserAgent, r.Headers.UserAgent.ToString()));
    }

    [RealSotkanetFact]
    public async Task An_indicator_id_that_answers_with_another_indicator_is_refused()
    {
        var client = Client(Sotkanet([], path => path == "/rest/1.1/indicators/5" ? File.ReadAllText(RealSotkanetFiles.PathOf("indicator-4.json")) : null));

        var error = await Assert.ThrowsAsync<SotkanetFormatException>(() => client.GetIndicatorAsync(5, CancellationToken.None));

        Assert.Equal(("id", "UnknownFormat"), (error.Field, error.Problem));
    }

    [RealSotkanetFact]
    public async Task A_live_import_fetches_the_full_metadata_of_every_indicator_it_imports()
    {
        var requests = new List<HttpRequestMessage>();
        var handler = Sotkanet(requests, RealAnswer);
        using var factory = new ValfardFactory();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.Configure<SotkanetOptions>(o => o.BaseUrl = Base);
            services.AddHttpClient<SotkanetClient>().ConfigurePrimaryHttpMessageHandler(() => handler.Object);
        }));
        var run = await ImportRunTests.StartAsync(app, jobs => jobs.StartLiveAsync([4], [2014, 2015], Guid.NewGuid(), CancellationToken.None));
        var finished = await ImportRunTests.FinishedAsync(app, run.Id);

        Assert.Equal(ImportRunState.Done, finished.State);
        Assert.Contains(requests, r => r.RequestUri!.PathAndQuery == "/rest/1.1/indicators/4");
        Assert.Contains(requests, r => r.RequestUri!.PathAndQuery == "/rest/1.1/json?indicator=4&years=2014&years=2015&genders=total&genders=male&genders=female");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Valfard.Infrastructure.Persistence.ValfardDbContext>();
        var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == 4);
        Assert.True(indicator.HasFullMetadata);
        Assert.Equal((1, "Per tusen invånare", 2), (indicator.Decimals, indicator.Unit.Sv, indicator.Sources.Count));
        Assert.Equal(new DateOnly(2016, 11, 2), indicator.DataUpdated);
    }
}
