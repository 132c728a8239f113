using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Common;
using Valfard.Web.Features.Home;
using Valfard.Web.Localization;
using Valfard.Web.Startup;

namespace Valfard.Web.Features.Account;

[Route("account")]
[AllowBeforeTwoFactorEnrolment]
public sealed partial class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    AccountMail accountMail,
    AuditTrail audit,
    Valfard.Infrastructure.Persistence.ValfardDbContext db,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToLocal(returnUrl);
        }
        return View(new LoginViewModel { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(ServiceSetup.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var result = await signInManager.PasswordSignInAsync(model.Email.Trim(), model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger);
            RememberLanguage(await userManager.FindByEmailAsync(model.Email.Trim()));
            return RedirectToLocal(model.ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second step asks for the authenticator code.
            return RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }
        // One message for a wrong password, an unknown address, a locked or a deactivated account: no enumeration.
        LogSignInFailed(logger, result.IsLockedOut, result.IsNotAllowed);
        ModelState.AddModelError(string.Empty, localizer["Account.LoginFailed"]);
        model.Password = string.Empty;
        return View(model);
    }

    [AllowAnonymous]
    [HttpGet("login/two-factor")]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl = null, bool rememberMe = false)
    {
        // Only after the password step: without it there is nothing to ask a code for.
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }
        return View(new LoginWithTwoFactorViewModel { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [AllowAnonymous]
    [HttpPost("login/two-factor")]
    [EnableRateLimiting(ServiceSetup.LoginRateLimit)]
    public async Task<IActionResult> LoginWithTwoFactor(LoginWithTwoFactorViewModel model)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl = model.ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        // A wrong code counts toward the lockout like a wrong password; a malformed one is simply wrong.
        var code = AuthenticatorCodes.Normalize(model.Code) ?? "-";
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, model.RememberDevice);
        if (result.Succeeded)
        {
            LogSignedIn(logger);
            RememberLanguage(user);
            return RedirectToLocal(model.ReturnUrl);
        }
        // One message for a wrong code and a locked account.
        LogSecondStepFailed(logger, result.IsLockedOut);
        ModelState.AddModelError(string.Empty, localizer["Account.CodeFailed"]);
        model.Code = string.Empty;
        return View(model);
    }

    [AllowAnonymous]
    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl = null)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }
        return View(new LoginWithRecoveryCodeViewModel { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("login/recovery-code")]
    [EnableRateLimiting(ServiceSetup.LoginRateLimit)]
    public async Task<IActionResult> LoginWithRecoveryCode(LoginWithRecoveryCodeViewModel model)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl = model.ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(model.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            LogRecoveryCodeUsed(logger, user.Id);
            audit.Record(user.OrganisationId, null, user.Id, "Account.RecoveryCodeUsed", string.Empty);
            await db.SaveChangesAsync();
            RememberLanguage(user);
            return RedirectToLocal(model.ReturnUrl);
        }
        LogSecondStepFailed(logger, result.IsLockedOut);
        ModelState.AddModelError(string.Empty, localizer["Account.CodeFailed"]);
        model.Code = string.Empty;
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(ServiceSetup.LoginRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        // Queued whatever the address: the same answer, after the same one write, whether or not it is known.
        await accountMail.QueuePasswordResetAsync(model.Email, cancellationToken);
        return View("ForgotPasswordSent");
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? code)
    {
        if (string.IsNullOrEmpty(code) || AccountMail.DecodeToken(code) is null)
        {
            return View("ResetPasswordInvalid");
        }
        return View(new ResetPasswordViewModel { Email = email ?? string.Empty, Code = code });
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(ServiceSetup.LoginRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            model.Password = model.ConfirmPassword = string.Empty;
            return View(model);
        }
        var user = await userManager.FindByEmailAsync(model.Email.Trim());
        var token = AccountMail.DecodeToken(model.Code);
        if (user is null || token is null)
        {
            return View("ResetPasswordInvalid");
        }
        var result = await userManager.ResetPasswordAsync(user, token, model.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return View("ResetPasswordInvalid");
            }
            foreach (var error in result.Errors)
            {
                // Under the form, not the field: every password rule that failed is listed at once.
                ModelState.AddModelError(string.Empty, error.Description);
            }
            model.Password = model.ConfirmPassword = string.Empty;
            return View(model);
        }
        // A successful reset also ends a lockout: the person proved they own the address.
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        LogPasswordReset(logger, user.Id);
        TempData["Flash"] = "Account.PasswordResetDone";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordViewModel());
        }
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await userManager.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }
            return View(new ChangePasswordViewModel());
        }
        await signInManager.RefreshSignInAsync(user);
        LogPasswordChanged(logger, user.Id);
        TempData["Flash"] = "Account.PasswordChanged";
        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Errors/Views/Error/Forbidden.cshtml");
    }

    /// <summary>On a new device the interface opens in the language the user chose last time.</summary>
    private void RememberLanguage(ApplicationUser? user)
    {
        if (!Request.Cookies.ContainsKey(Cultures.CookieName) && user is { PreferredLanguage: { } preferred })
        {
            Cultures.RememberIn(Response, Cultures.Normalize(preferred), Request.IsHttps);
        }
    }

    private IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToAction(nameof(HomeController.Index), "Home");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in succeeded")]
    private static partial void LogSignedIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed (locked out: {LockedOut}, not allowed: {NotAllowed})")]
    private static partial void LogSignInFailed(ILogger logger, bool lockedOut, bool notAllowed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in second step failed (locked out: {LockedOut})")]
    private static partial void LogSecondStepFailed(ILogger logger, bool lockedOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} signed in with a recovery code")]
    private static partial void LogRecoveryCodeUsed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset for user {UserId}")]
    private static partial void LogPasswordReset(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password changed by user {UserId}")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId);
}
