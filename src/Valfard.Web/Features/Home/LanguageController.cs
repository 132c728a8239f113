using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Home;

[Route("language")]
[Valfard.Web.Features.Account.AllowBeforeTwoFactorEnrolment]
public sealed class LanguageController(UserManager<ApplicationUser> userManager) : Controller
{
    /// <summary>Stores the chosen language in a cookie (and on the user) and returns to the page the user was on.</summary>
    [AllowAnonymous]
    [HttpPost("")]
    public async Task<IActionResult> Set(string language, string? returnUrl)
    {
        language = Cultures.Normalize(language);
        Cultures.RememberIn(Response, language, Request.IsHttps);
        if (User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { } user && user.PreferredLanguage != language)
        {
            user.PreferredLanguage = language;
            await userManager.UpdateAsync(user);
        }
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? StripCulture(returnUrl) : "/");
    }

    /// <summary>A "culture" query parameter would override the cookie just set, so it is dropped from the return address.</summary>
    private static string StripCulture(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return url;
        }
        var kept = url[(queryStart + 1)..].Split('&')
            .Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("ui-culture=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? url[..queryStart] : $"{url[..queryStart]}?{query}";
    }
}
