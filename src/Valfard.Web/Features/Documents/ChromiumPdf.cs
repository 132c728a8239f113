using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Valfard.Web.Features.Documents;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium the server prints with; Debian's package puts it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents may be printed at once; further requests wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

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

/// <summary>
/// Prints HTML to PDF with the system's headless Chromium through Playwright. One browser is started on first use
/// and kept; each document gets its own page, closed afterwards; a semaphore limits concurrent renders and every
/// render has a time limit. If the browser dies, that request fails and the next one starts a new browser.
/// </summary>
public sealed partial class ChromiumPdf(IOptions<PdfOptions> options, ILogger<ChromiumPdf> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>How long closing a page or the browser may take; a crashed browser may never answer.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync(string html, PdfFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _renders.WaitAsync(deadline.Token);
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
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)timeout.TotalMilliseconds });
                return await page.PdfAsync(new PagePdfOptions
                {
                    PreferCSSPageSize = true,
                    Tagged = true,
                    Outline = true,
                    PrintBackground = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = frame.HeaderHtml,
                    FooterTemplate = frame.FooterHtml,
                }).WaitAsync(deadline.Token);
            }
            finally
            {
                if (page is not null)
                {
                    await ClosePageAsync(page);
                }
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
            _renders.Release();
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
