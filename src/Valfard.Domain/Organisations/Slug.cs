using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Valfard.Domain.Common;

namespace Valfard.Domain.Organisations;

/// <summary>A URL segment: lower-case ASCII letters, digits and single hyphens.</summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidPattern();

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= OrganisationLimits.SlugMaxLength && ValidPattern().IsMatch(value);

    public static string Require(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!IsValid(trimmed))
        {
            throw new DomainException("Validation.SlugInvalid", nameof(Organisation.Slug));
        }
        return trimmed;
    }

    /// <summary>Builds a slug from a name, folding å, ä and ö to a, a and o as Finnish URLs usually do.</summary>
    public static string FromName(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        var lastWasHyphen = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
                lastWasHyphen = false;
            }
            else if (!lastWasHyphen)
            {
                builder.Append('-');
                lastWasHyphen = true;
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > OrganisationLimits.SlugMaxLength ? slug[..OrganisationLimits.SlugMaxLength].Trim('-') : slug;
    }
}
