using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Common;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Account;

/// <summary>
/// The signed-in user's own two-factor sign-in: set up an authenticator app, see recovery codes once, make new ones,
/// turn it off. Every change is in the organisation's audit log.
/// </summary>
[Route("account/two-factor")]
[AllowBeforeTwoFactorEnrolment]
public sealed partial class TwoFactorController(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    TwoFactorRequirement requirement,
    AuditTrail audit,
    IStringLocalizer<SharedResource> localizer,
    ILogger<TwoFactorController> logger) : Controller
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Valfard";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        return user is null ? Challenge() : View(await ModelForAsync(user, cancellationToken));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable([Bind(Prefix = "Enable")] EnableTwoFactorViewModel form, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        var code = AuthenticatorCodes.Normalize(form.Code);
        if (!ModelState.IsValid || code is null
            || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Enable.Code", localizer["TwoFactor.CodeInvalid"]);
            }
            var model = await ModelForAsync(user, cancellationToken);
            return View(nameof(Index), model);
        }
        // Recorded first: the user manager's save below writes the audit entry with the change.
        audit.Record(user.OrganisationId, null, user.Id, "Account.TwoFactorEnabled", string.Empty);
        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        LogEnabled(logger, user.Id);
        return ShowRecoveryCodes(codes, "TwoFactor.EnabledDone");
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        audit.Record(user.OrganisationId, null, user.Id, "Account.TwoFactorRecoveryCodesRenewed", string.Empty);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        LogRecoveryCodesRenewed(logger, user.Id);
        return ShowRecoveryCodes(codes, "TwoFactor.CodesRenewed");
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable([Bind(Prefix = "Disable")] DisableTwoFactorViewModel form, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        var code = AuthenticatorCodes.Normalize(form.Code);
        var confirmed = ModelState.IsValid
            && ((!string.IsNullOrEmpty(form.Password) && await userManager.CheckPasswordAsync(user, form.Password))
                || (code is not null && await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code)));
        if (!confirmed)
        {
            var model = await ModelForAsync(user, cancellationToken);
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, localizer["TwoFactor.DisableRefused"]);
            return View(nameof(Index), model);
        }
        audit.Record(user.OrganisationId, null, user.Id, "Account.TwoFactorDisabled", string.Empty);
        await userManager.SetTwoFactorEnabledAsync(user, false);
        // A later set-up starts from a new key, and the old recovery codes stop working.
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signInManager.ForgetTwoFactorClientAsync();
        await signInManager.RefreshSignInAsync(user);
        LogDisabled(logger, user.Id);
        TempData.Flash(OperationResult.Success, "TwoFactor.DisabledDone");
        return RedirectToAction(nameof(Index));
    }

    private ViewResult ShowRecoveryCodes(IEnumerable<string>? codes, string message)
    {
        // Shown once: nothing on the way may keep a copy of the page.
        Response.Headers.CacheControl = "no-store";
        ViewData["Message"] = message;
        return View("RecoveryCodes", codes?.ToList() ?? []);
    }

    private async Task<TwoFactorViewModel> ModelForAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var model = new TwoFactorViewModel
        {
            Enabled = user.TwoFactorEnabled,
            Required = await requirement.IsRequiredAsync(User, user.OrganisationId, user.Email, cancellationToken),
        };
        if (user.TwoFactorEnabled)
        {
            model.RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
            return model;
        }
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            // The new key renewed the security stamp; the cookie is renewed with it so the session goes on.
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }
        model.SharedKey = FormatKey(key);
        model.AuthenticatorUri = AuthenticatorUri(user.Email ?? user.UserName ?? string.Empty, key);
        model.QrCodeDataUri = QrCodeDataUri(model.AuthenticatorUri);
        return model;
    }

    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={AuthenticatorCodes.Digits}";

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The QR code as a PNG in the page itself: made on the server, no script and no outside service.</summary>
    private static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in set up by user {UserId}")]
    private static partial void LogEnabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in turned off by user {UserId}")]
    private static partial void LogDisabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "New recovery codes made by user {UserId}")]
    private static partial void LogRecoveryCodesRenewed(ILogger logger, Guid userId);
}
