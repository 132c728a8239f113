namespace Valfard.Domain.Common;

/// <summary>
/// The reading rule for an optional free text written in Finnish and Swedish: the reader's language when it is
/// written, otherwise the other one, and the reader is told in words which language they got (see
/// <see cref="FallbackFor"/>). Kept in one place so the plan page, the document, the files and the language status
/// agree on what counts as "missing".
/// </summary>
public static class BilingualText
{
    /// <summary>How much shorter a translation may be before the language status calls it clearly shorter.</summary>
    public const double ShorterThan = 0.6;

    public static string In(string fi, string sv, string language) =>
        language == "sv" ? (sv.Length > 0 ? sv : fi) : (fi.Length > 0 ? fi : sv);

    /// <summary>The language of the text a reader in <paramref name="language"/> gets when it is not their own, else null.</summary>
    public static string? FallbackFor(string fi, string sv, string language) =>
        language == "sv" ? (sv.Length == 0 && fi.Length > 0 ? "fi" : null) : (fi.Length == 0 && sv.Length > 0 ? "sv" : null);

    /// <summary>
    /// How long the longer text must be before its length is compared at all. A title or a name is as long as the
    /// language makes it ("Ikääntyneet", "Äldre"; "Työikäiset", "Personer i arbetsför ålder"): only a missing one
    /// means something. From about a sentence up, a much shorter translation usually leaves something out.
    /// </summary>
    public const int ComparedFrom = 100;

    /// <summary>
    /// Whether one language has text and the other none, or, for texts of at least <see cref="ComparedFrom"/>
    /// characters, less than <see cref="ShorterThan"/> of the other's length.
    /// </summary>
    public static bool IsOutOfStep(string fi, string sv) => IsOutOfStep(fi.Trim().Length, sv.Trim().Length);

    /// <summary>The same rule on lengths already measured, e.g. of the plain text of a section's HTML.</summary>
    public static bool IsOutOfStep(int fiLength, int svLength) =>
        (fiLength == 0) != (svLength == 0)
        || (fiLength > 0 && svLength > 0 && Math.Max(fiLength, svLength) >= ComparedFrom
            && Math.Min(fiLength, svLength) < ShorterThan * Math.Max(fiLength, svLength));
}
