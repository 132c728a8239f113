using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Valfard.Web.Features.Documents;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium the server prints with; Debian's package puts it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many drafts may be printed at once; further requests wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>Renders kept for archiving (publishing) alone, on top of the draft renders, so drafts never starve it.</summary>
    public int ReservedArchiveRenders { get; set; } = 1;

    /// <summary>How much memory printed drafts may take while they are kept for the same content asked again.</summary>
    public int DraftCacheMegabytes { get; set; } = 64;

    /// <summary>How long one document may take, waiting for a turn included.</summary>
    public int TimeoutSeconds { get; set; } = 90;
}

/// <summary>Printing a PDF failed; <see cref="Exception.Message"/> is a resource key the UI words for the user.</summary>
public sealed class PdfRenderException : Exception
{
    public PdfRenderException(string messageKey, Exception? innerException = null) : base(messageKey, innerException) { }

    public PdfRenderException() { }

    public PdfRenderException(string message) : base(message) { }
}

/// <summary>What goes around the pages: the running header and the footer with "page n / N".</summary>
public sealed record PdfFrame(string HeaderHtml, string FooterHtml);

/// <summary>Why a document is printed, which decides whose turn it waits for.</summary>
public enum PdfPurpose
{
    /// <summary>Anyone's draft or preview: shares <see cref="PdfOptions.MaxConcurrentRenders"/>, and the same content gives the same bytes.</summary>
    Draft,

    /// <summary>The archived council document made when publishing: uses the reserved renders.</summary>
    Archive,
}

/// <summary>
/// Prints HTML to PDF with the system's headless Chromium through Playwright. One browser is started on first use
/// and kept; each document gets its own page, closed afterwards; every render has a time limit. If the browser dies,
/// that request fails and the next one starts a new browser.
/// <para>
/// Drafts and archiving wait in separate queues: drafts share <see cref="PdfOptions.MaxConcurrentRenders"/> and
/// publishing has <see cref="PdfOptions.ReservedArchiveRenders"/> of its own, so a flood of draft downloads (each also
/// rate-limited per user) cannot make a publish time out. A draft whose HTML was printed before, or is being printed
/// now, is not printed again: everyone asking gets the same bytes.
/// </para>
/// </summary>
public sealed partial class ChromiumPdf(IOptions<PdfOptions> options, ILogger<ChromiumPdf> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>How long closing a page or the browser may take; a crashed browser may never answer.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _draftRenders = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private readonly SemaphoreSlim _archiveRenders = new(Math.Max(1, options.Value.ReservedArchiveRenders));
    private readonly MemoryCache _printedDrafts = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.DraftCacheMegabytes) * 1024L * 1024 });
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _draftsBeingPrinted = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync(string html, PdfFrame frame, PdfPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(frame);
        if (purpose == PdfPurpose.Archive)
        {
            return await PrintAsync(html, frame, _archiveRenders, cancellationToken);
        }
        var key = ContentKey(html, frame);
        if (_printedDrafts.TryGetValue(key, out byte[]? printed) && printed is not null)
        {
            return printed;
        }
        // One print for everyone asking for the same content at once. It is not cancelled when the first asker goes
        // away (the others still wait for it); its own deadline still applies.
        var shared = _draftsBeingPrinted.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => PrintDraftAsync(key, html, frame)));
        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> PrintDraftAsync(string key, string html, PdfFrame frame)
    {
        try
        {
            var bytes = await PrintAsync(html, frame, _draftRenders, CancellationToken.None);
            _printedDrafts.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
            return bytes;
        }
        finally
        {
            _draftsBeingPrinted.TryRemove(key, out _);
        }
    }

    /// <summary>The HTML and the frame: everything that decides the bytes Chromium prints.</summary>
    private static string ContentKey(string html, PdfFrame frame) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', html, frame.HeaderHtml, frame.FooterHtml))));

    private async Task<byte[]> PrintAsync(string html, PdfFrame frame, SemaphoreSlim renders, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await renders.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfRenderException("Pdf.Busy");
        }
        try
        {
            var browser = await BrowserAsync(deadline.Token);
            IPage? page = null;
            try
            {
                // The print view needs no script (charts are SVG made on the server). With JavaScript off, text that got
                // past the sanitizer still could not run while Chromium prints it.
                page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false }).WaitAsync(deadline.Token);
                if (ContentsPages.Wanted(html))
                {
                    // The contents want page numbers: a first print tells where each heading landed (ContentsPages).
                    // Only its layout matters, so it paints nothing and carries no tags or bookmarks. The numbers then
                    // go into the page already loaded: parsing a long document again costs about a fifth of a print.
                    await LoadAsync(page, ContentsPages.LayoutOnly(html));
                    var pages = ContentsPages.Read(await PrintAsync(page, finished: false));
                    await page.EvaluateAsync(ContentsPages.FillScript, pages).WaitAsync(deadline.Token);
                }
                else
                {
                    await LoadAsync(page, html);
                }
                return await PrintAsync(page, finished: true);
            }
            finally
            {
                if (page is not null)
                {
                    await ClosePageAsync(page);
                }
            }

            Task LoadAsync(IPage page, string content) =>
                page.SetContentAsync(content, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)timeout.TotalMilliseconds });

            async Task<byte[]> PrintAsync(IPage page, bool finished)
            {
                return await page.PdfAsync(new PagePdfOptions
                {
                    PreferCSSPageSize = true,
                    Tagged = finished,
                    Outline = finished,
                    PrintBackground = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = frame.HeaderHtml,
                    FooterTemplate = frame.FooterHtml,
                }).WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, _options.TimeoutSeconds);
            throw new PdfRenderException("Pdf.TimedOut");
        }
        catch (PlaywrightException ex)
        {
            LogRenderFailed(logger, ex);
            await ForgetBrowserAsync();
            throw new PdfRenderException("Pdf.Failed", ex);
        }
        finally
        {
            renders.Release();
        }
    }

    /// <summary>Chromium's own print of the HTML with the same settings, for comparison in the benchmark.</summary>
    public async Task<IBrowser> SharedBrowserAsync(CancellationToken cancellationToken) => await BrowserAsync(cancellationToken);

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            if (!File.Exists(_options.ChromiumPath))
            {
                LogChromiumMissing(logger, _options.ChromiumPath);
                throw new PdfRenderException("Pdf.ChromiumMissing");
            }
            _playwright ??= await Playwright.CreateAsync().WaitAsync(cancellationToken);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            }).WaitAsync(cancellationToken);
            LogBrowserStarted(logger, _options.ChromiumPath, _browser.Version);
            return _browser;
        }
        catch (PlaywrightException ex)
        {
            LogLaunchFailed(logger, _options.ChromiumPath, ex);
            throw new PdfRenderException("Pdf.ChromiumMissing", ex);
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task ForgetBrowserAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is not null)
        {
            try
            {
                // A browser that was killed may never answer: wait a little, then leave it to the driver.
                await browser.CloseAsync().WaitAsync(CloseWait);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or ObjectDisposedException)
            {
                // Already gone: nothing to close.
            }
        }
    }

    private static async Task ClosePageAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().WaitAsync(CloseWait);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or ObjectDisposedException)
        {
            // The browser went away with the page; the next render starts a new one.
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await ForgetBrowserAsync();
        _playwright?.Dispose();
        _playwright = null;
        _printedDrafts.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Chromium {Path} (version {Version}) for PDF printing")]
    private static partial void LogBrowserStarted(ILogger logger, string path, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium was not found at {Path}. Install it (Debian: apt-get install chromium) or set Pdf:ChromiumPath.")]
    private static partial void LogChromiumMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium at {Path} could not be started. Install it (Debian: apt-get install chromium) or set Pdf:ChromiumPath.")]
    private static partial void LogLaunchFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Printing a PDF failed in Chromium; the browser will be restarted for the next document")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printing a PDF took longer than {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, int seconds);
}
