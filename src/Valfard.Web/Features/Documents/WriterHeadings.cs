using System.Text.RegularExpressions;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// Writers' headings nest under the section title they are written in. The editor gives a writer two or three levels
/// (h2, h3, h4) whatever the section's depth; in the document the section title is itself an h2, h3 or h4, so the
/// highest level a writer used becomes the level below the title, and so on, never below h6. The outline of the tagged PDF
/// and a screen reader's list of headings then show the writer's headings inside their section, and the print CSS
/// sizes each level below the one above it.
/// </summary>
public static partial class WriterHeadings
{
    public static string Nest(string sanitizedHtml, int sectionHeadingLevel)
    {
        ArgumentNullException.ThrowIfNull(sanitizedHtml);
        if (sanitizedHtml.Length == 0)
        {
            return sanitizedHtml;
        }
        // The levels the writer used, in order: the first becomes the level below the title, the next the one below
        // that. Ranking the levels actually used (not the editor's fixed top level) keeps a text that starts with a
        // "Subheading" from skipping a level, which screen readers and the Nu HTML Checker report.
        var used = HeadingTag().Matches(sanitizedHtml).Select(m => m.Groups["level"].Value[0] - '0').Distinct().Order().ToList();
        return HeadingTag().Replace(sanitizedHtml, match =>
        {
            var written = match.Groups["level"].Value[0] - '0';
            var level = Math.Clamp(sectionHeadingLevel + 1 + used.IndexOf(written), 1, 6);
            return $"<{match.Groups["close"].Value}h{level}{match.Groups["rest"].Value}>";
        });
    }

    // The sanitizer leaves headings without attributes; the rest group keeps any it may allow in the future.
    [GeneratedRegex(@"<(?<close>/?)h(?<level>[1-6])(?<rest>\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingTag();
}
