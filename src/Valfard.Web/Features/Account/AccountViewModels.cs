using System.ComponentModel.DataAnnotations;

namespace Valfard.Web.Features.Account;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NewPassword")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class LoginWithTwoFactorViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(16, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Field.RememberDevice")]
    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginWithRecoveryCodeViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(32, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.RecoveryCode")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

/// <summary>The two-factor page: the set-up (QR code, key and the code that confirms it) or, once on, what the user can change.</summary>
public sealed class TwoFactorViewModel
{
    public bool Enabled { get; set; }
    public bool Required { get; set; }
    public int RecoveryCodesLeft { get; set; }

    /// <summary>The key in groups of four, for typing into an app by hand.</summary>
    public string SharedKey { get; set; } = string.Empty;
    public string AuthenticatorUri { get; set; } = string.Empty;
    public string QrCodeDataUri { get; set; } = string.Empty;

    public EnableTwoFactorViewModel Enable { get; set; } = new();
    public DisableTwoFactorViewModel Disable { get; set; } = new();
}

public sealed class EnableTwoFactorViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(16, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>Turning two-factor sign-in off needs the password or a current code.</summary>
public sealed class DisableTwoFactorViewModel
{
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CurrentPassword")]
    public string? Password { get; set; }

    [StringLength(16, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string? Code { get; set; }
}
