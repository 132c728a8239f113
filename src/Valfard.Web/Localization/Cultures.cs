using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Valfard.Web.Localization;

public static class Cultures
{
    public const string Finnish = "fi";
    public const string Swedish = "sv";
    public const string English = "en";
    public const string CookieName = ".Valfard.Culture";

    public static IReadOnlyList<string> Supported { get; } = [Finnish, Swedish, English];

    /// <summary>Dates and numbers follow the Finnish, Finland-Swedish and British conventions.</summary>
    private static readonly CultureInfo[] FormattingCultures =
        [new("fi-FI"), FinlandSwedish(), new("en-GB")];

    /// <summary>Finland-Swedish writes dates as 1.6.2025, as Finnish does, not the ISO form ICU gives sv-FI.</summary>
    private static CultureInfo FinlandSwedish()
    {
        var culture = new CultureInfo("sv-FI");
        culture.DateTimeFormat.ShortDatePattern = "d.M.yyyy";
        return culture;
    }

    private static readonly CultureInfo[] UiCultures = [new(Finnish), new(Swedish), new(English)];

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(FormattingCultures[0], UiCultures[0]);
        options.SupportedCultures = [.. FormattingCultures, .. UiCultures];
        options.SupportedUICultures = UiCultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            // The public site's addresses carry the language (/sv/demo/...): it wins over cookie and browser.
            new CustomRequestCultureProvider(context => Task.FromResult(FromPublicPath(context.Request.Path))),
            new FormattingCultureProvider(new QueryStringRequestCultureProvider()),
            new FormattingCultureProvider(new CookieRequestCultureProvider { CookieName = CookieName }),
            new FormattingCultureProvider(new AcceptLanguageHeaderRequestCultureProvider()),
        ];
        options.ApplyCurrentCultureToResponseHeaders = true;
    }

    /// <summary>"/fi", "/sv/demo", "/en/demo/report": the first segment names the language of a public page.</summary>
    public static ProviderCultureResult? FromPublicPath(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.Length < 3 || value[0] != '/' || (value.Length > 3 && value[3] != '/'))
        {
            return null;
        }
        var language = value.Substring(1, 2);
        return Supported.Contains(language) ? new ProviderCultureResult(FormattingCultureFor(language), language) : null;
    }

    /// <summary>The culture dates and numbers are written in for a language, e.g. d.M.yyyy for Swedish.</summary>
    public static CultureInfo FormattingCulture(string language) => language switch
    {
        Swedish => FormattingCultures[1],
        English => FormattingCultures[2],
        _ => FormattingCultures[0],
    };

    public static string FormattingCultureFor(string language) => language switch
    {
        Swedish => "sv-FI",
        English => "en-GB",
        _ => "fi-FI",
    };

    /// <summary>Remembers the language for a year; the formatting culture follows it (fi-FI, sv-FI, en-GB).</summary>
    public static void RememberIn(HttpResponse response, string language, bool secure) =>
        response.Cookies.Append(CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(FormattingCultureFor(language), language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = secure,
            });

    public static string Normalize(string? language) =>
        language is not null && Supported.Contains(language) ? language : Finnish;

    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>
    /// Resource texts in <paramref name="language"/> until disposed: for words written for someone other than the
    /// request's reader, such as a notification or a mail in its recipient's language.
    /// </summary>
    public static UiLanguageScope InUiLanguage(string language) => new(CultureInfo.GetCultureInfo(Normalize(language)));

    /// <summary>Puts the previous UI culture back when disposed.</summary>
    public readonly struct UiLanguageScope : IDisposable
    {
        private readonly CultureInfo _previous;

        internal UiLanguageScope(CultureInfo culture)
        {
            _previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }

    /// <summary>
    /// Turns whatever a provider found ("en-US" from a browser, "sv-SE", "?culture=en", an old cookie) into the
    /// language and the one formatting culture Valfard writes it in. Left alone, "en-US" falls back to the neutral
    /// "en", whose dates are American (6/1/2025), and "sv-SE" to "sv", whose dates are ISO.
    /// </summary>
    private sealed class FormattingCultureProvider(RequestCultureProvider inner) : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var found = await inner.DetermineProviderCultureResult(httpContext);
            if (found is null)
            {
                return null;
            }
            // The first language the user asked for that Valfard has, in the order given (Accept-Language lists several).
            var candidates = found.UICultures.Concat(found.Cultures).Select(c => c.Value ?? string.Empty);
            var language = candidates.Select(LanguageOf).FirstOrDefault(l => l is not null);
            return language is null ? null : new ProviderCultureResult(FormattingCultureFor(language), language);
        }

        private static string? LanguageOf(string culture)
        {
            var language = culture.Split('-', 2)[0].Trim().ToLowerInvariant();
            return Supported.Contains(language) ? language : null;
        }
    }
}
