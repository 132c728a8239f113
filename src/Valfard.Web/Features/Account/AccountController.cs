using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Valfard.Infrastructure.Identity;
using Valfard.Web.Features.Home;
using Valfard.Web.Localization;
using Valfard.Web.Startup;

namespace Valfard.Web.Features.Account;

[Route("account")]
public sealed partial class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    AccountMail accountMail,
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
            // On a new device the interface opens in the language the user chose last time.
            if (!Request.Cookies.ContainsKey(Cultures.CookieName)
                && await userManager.FindByEmailAsync(model.Email.Trim()) is { PreferredLanguage: { } preferred })
            {
                Cultures.RememberIn(Response, Cultures.Normalize(preferred), Request.IsHttps);
            }
            return RedirectToLocal(model.ReturnUrl);
        }
        // One message for a wrong password, an unknown address, a locked or a deactivated account: no enumeration.
        LogSignInFailed(logger, result.IsLockedOut, result.IsNotAllowed);
        ModelState.AddModelError(string.Empty, localizer["Account.LoginFailed"]);
        model.Password = string.Empty;
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

    private IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToAction(nameof(HomeController.Index), "Home");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in succeeded")]
    private static partial void LogSignedIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed (locked out: {LockedOut}, not allowed: {NotAllowed})")]
    private static partial void LogSignInFailed(ILogger logger, bool lockedOut, bool notAllowed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset for user {UserId}")]
    private static partial void LogPasswordReset(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password changed by user {UserId}")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId);
}
