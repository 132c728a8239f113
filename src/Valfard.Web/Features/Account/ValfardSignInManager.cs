using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Valfard.Infrastructure.Identity;

namespace Valfard.Web.Features.Account;

/// <summary>
/// A deactivated user cannot sign in, even with the right password. Every sign-in costs one password hash, whether
/// the address is unknown, the account locked or deactivated, or the password wrong: without that, an unknown address
/// answered in a few milliseconds and a known one in ~150 ms, which told anyone which addresses have accounts.
/// </summary>
public sealed class ValfardSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>
    /// A hash made once by the app's own hasher and settings, checked when no real one is: it costs the same. Two
    /// first requests may both make one; either does.
    /// </summary>
    private static string? _standInHash;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendOneHash(password);
            return SignInResult.Failed;
        }
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        // Identity answers a locked or deactivated account before it checks the password.
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            SpendOneHash(password);
        }
        return result;
    }

    private void SpendOneHash(string password)
    {
        var hasher = UserManager.PasswordHasher;
        _standInHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(new ApplicationUser(), _standInHash, password ?? string.Empty);
    }

    /// <summary>
    /// A wrong recovery code counts toward the lockout like a wrong authenticator code, and a locked account is refused
    /// before the code is looked at. (Identity's own method leaves recovery codes out of the lockout.)
    /// </summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }
        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        var failuresBefore = await UserManager.GetAccessFailedCountAsync(user);
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode ?? string.Empty);
        if (result.Succeeded || result.IsLockedOut)
        {
            return result;
        }
        user = await UserManager.FindByIdAsync(user.Id.ToString()) ?? user;
        if (await UserManager.GetAccessFailedCountAsync(user) == failuresBefore)
        {
            await UserManager.AccessFailedAsync(user);
        }
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}
