using System.Globalization;
using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Indicators;

public sealed class SotkanetOptions
{
    public const string Section = "Sotkanet";

    public string BaseUrl { get; set; } = "https://sotkanet.fi/rest/1.1/";
    public int TimeoutSeconds { get; set; } = 60;
    public int Retries { get; set; } = 3;

    /// <summary>Sotkanet asks for occasional queries only; answers are kept this long.</summary>
    public int CacheMinutes { get; set; } = 360;

    /// <summary>The pause before every request after the first (a sync makes hundreds): one request at a time, politely.</summary>
    public int PauseMilliseconds { get; set; } = 1000;
}

/// <summary>
/// The live Sotkanet REST API (THL, CC BY 4.0). Retries transient failures with a growing pause, caches answers, and
/// hands the bytes to the same readers a file import uses.
/// </summary>
public sealed partial class SotkanetClient(
    HttpClient http,
    IMemoryCache cache,
    IOptions<SotkanetOptions> options,
    TimeProvider clock,
    ILogger<SotkanetClient> logger) : IDisposable
{
    public const string UserAgent = "Valfard/1.0 (welfare reports)";

    /// <summary>One request at a time per client, however it is called (a run uses one client).</summary>
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _asked;

    public async Task<IReadOnlyList<Indicator>> GetIndicatorsAsync(CancellationToken cancellationToken)
    {
        using var document = SotkanetJsonReader.Open(new MemoryStream(await GetAsync("indicators", cancellationToken)));
        return SotkanetJsonReader.ReadIndicators(document);
    }

    /// <summary>One indicator's full metadata: /indicators/{id} answers with one object, not a list.</summary>
    public async Task<Indicator> GetIndicatorAsync(int indicatorId, CancellationToken cancellationToken)
    {
        var path = $"indicators/{indicatorId.ToString(CultureInfo.InvariantCulture)}";
        using var document = SotkanetJsonReader.Open(new MemoryStream(await GetAsync(path, cancellationToken)));
        return SotkanetJsonReader.ReadIndicators(document) is [var indicator] && indicator.Id == indicatorId
            ? indicator
            : throw new SotkanetFormatException(1, "id", "UnknownFormat", indicatorId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<Region>> GetRegionsAsync(CancellationToken cancellationToken)
    {
        using var document = SotkanetJsonReader.Open(new MemoryStream(await GetAsync("regions", cancellationToken)));
        return SotkanetJsonReader.ReadRegions(document);
    }

    /// <summary>One indicator's values for the given years, every gender Sotkanet has.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> GetDataAsync(int indicatorId, IEnumerable<int> years, CancellationToken cancellationToken)
    {
        var query = string.Join('&', new[] { $"indicator={indicatorId.ToString(CultureInfo.InvariantCulture)}" }
            .Concat(years.Distinct().Order().Select(y => $"years={y.ToString(CultureInfo.InvariantCulture)}"))
            .Concat(["genders=total", "genders=male", "genders=female"]));
        using var document = SotkanetJsonReader.Open(new MemoryStream(await GetAsync($"json?{query}", cancellationToken)));
        return SotkanetJsonReader.ReadData(document).ToList();
    }

    private async Task<byte[]> GetAsync(string path, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = $"sotkanet:{path}";
        if (cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (_asked && settings.PauseMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.PauseMilliseconds), clock, cancellationToken);
            }
            _asked = true;
            return await FetchAsync(path, key, settings, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<byte[]> FetchAsync(string path, string key, SotkanetOptions settings, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/"), path);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                // Sotkanet answers 403 to a request without a User-Agent; a client built without the registered
                // defaults still sends one.
                if (http.DefaultRequestHeaders.UserAgent.Count == 0)
                {
                    request.Headers.UserAgent.ParseAdd(UserAgent);
                }
                using var response = await http.SendAsync(request, timeout.Token);
                if (IsTransient(response.StatusCode) && attempt < settings.Retries)
                {
                    LogRetry(logger, path, (int)response.StatusCode, attempt + 1);
                    await Task.Delay(Pause(attempt), clock, cancellationToken);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new SotkanetUnavailableException($"Sotkanet answered {(int)response.StatusCode} for {path}");
                }
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                cache.Set(key, bytes, TimeSpan.FromMinutes(settings.CacheMinutes));
                return bytes;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= settings.Retries)
                {
                    throw new SotkanetUnavailableException($"Sotkanet did not answer for {path} after {attempt + 1} attempts", ex);
                }
                LogRetry(logger, path, 0, attempt + 1);
                await Task.Delay(Pause(attempt), clock, cancellationToken);
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sotkanet {Path} failed (status {Status}); attempt {Attempt} follows")]
    private static partial void LogRetry(ILogger logger, string path, int status, int attempt);
}

public sealed class SotkanetUnavailableException : Exception
{
    public SotkanetUnavailableException() { }

    public SotkanetUnavailableException(string message) : base(message) { }

    public SotkanetUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
