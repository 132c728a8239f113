using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Valfard.Web.Tests.Localization;

/// <summary>
/// One term per concept: no resource string, THL template text or demo text uses a term that docs/glossary.md marks
/// "do not use". The glossary is the list writers follow, so the test reads it rather than a copy of it.
/// </summary>
public sealed partial class GlossaryTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
    private static readonly string WebProject = Path.Combine(Root, "src", "Valfard.Web");

    internal sealed record Banned(string Language, string Term, string Instead)
    {
        /// <summary>At the start of a word; "*" for any further letters, otherwise the word must end with the term.</summary>
        public Regex Pattern { get; } = new(
            @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", Term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word))
                + (Term.EndsWith('*') ? string.Empty : @"(?![\p{L}\p{N}])"),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static string Word(string word) => word.EndsWith('*') ? Regex.Escape(word.TrimEnd('*')) + @"\p{L}*" : Regex.Escape(word);
    }

    internal static IReadOnlyList<Banned> DoNotUse()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "glossary.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Do not use");
        Assert.True(start >= 0, "docs/glossary.md has no \"## Do not use\" section");
        return lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c[0] != "language")
            .Select(c => new Banned(c[0], c[1], c[2]))
            .ToList();
    }

    private static Dictionary<string, string> Resources(string suffix) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource{suffix}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    /// <summary>The string literals of a source file: the THL template's and the demo's fi/sv texts.</summary>
    private static IEnumerable<(string Where, string Text)> Literals(string relativePath) =>
        StringLiteral().Matches(File.ReadAllText(Path.Combine(Root, relativePath)))
            .Select(m => ($"{Path.GetFileName(relativePath)}: \"{Shorten(m.Groups[1].Value)}\"", m.Groups[1].Value));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static readonly string[] Languages = ["fi", "sv", "en"];

    private static readonly string[] SourceTexts =
    [
        "src/Valfard.Domain/Reports/ThlTemplate.cs",
        "src/Valfard.Web/Features/Reports/ReportService.cs",
        "src/Valfard.Web/Features/Admin/DefaultSectors.cs",
        "src/Valfard.Web/Startup/Demo/DemoReportTexts.cs",
        "src/Valfard.Web/Startup/Demo/DemoReportSeeder.cs",
        "src/Valfard.Web/Startup/Demo/DemoPlanSeeder.cs",
        "src/Valfard.Web/Startup/Demo/DemoArchiveSeeder.cs",
        "src/Valfard.Web/Startup/Demo/DemoIndicatorSeeder.cs",
    ];

    [Fact]
    public void The_glossary_lists_terms_for_finnish_swedish_and_english()
    {
        var banned = DoNotUse();
        Assert.Contains(banned, b => b.Language == "fi");
        Assert.Contains(banned, b => b.Language == "sv");
        Assert.Contains(banned, b => b.Language == "en");
        Assert.All(banned, b => Assert.Contains(b.Language, Languages));
        Assert.All(banned, b => Assert.False(string.IsNullOrWhiteSpace(b.Instead), b.Term));
    }

    [Theory]
    [InlineData("fi", "raportti*", "Tämä raporttikin on julkinen.", true)]
    [InlineData("fi", "raportti*", "Hyvinvointikertomuksen vuosiraportti 2025", false)]
    [InlineData("fi", "luku jaettu", "Luku jaettu", true)]
    [InlineData("fi", "luku jaettu", "Luku jaettuna", false)]
    [InlineData("sv", "livsfas*", "per livsfaserna", true)]
    [InlineData("sv", "ladda ned", "Ladda  ned säkerhetskopia", true)]
    [InlineData("sv", "ladda ned", "Ladda ner säkerhetskopia", false)]
    [InlineData("sv", "årlig rapport", "Årlig välfärdsrapport", false)]
    public void A_term_matches_at_a_word_start_and_a_star_takes_endings(string language, string term, string text, bool matches) =>
        Assert.Equal(matches, new Banned(language, term, "x").Pattern.IsMatch(text));

    [Fact]
    public void No_resource_string_uses_a_term_the_glossary_marks_do_not_use()
    {
        var banned = DoNotUse();
        var files = new[] { ("en", string.Empty), ("en", ".en"), ("fi", ".fi"), ("sv", ".sv") };
        var found = (
            from file in files
            from pair in Resources(file.Item2)
            from term in banned
            where term.Language == file.Item1 && term.Pattern.IsMatch(pair.Value)
            select $"SharedResource{file.Item2}.resx {pair.Key}: \"{term.Term}\" (use \"{term.Instead}\")").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void No_template_or_demo_text_uses_a_term_the_glossary_marks_do_not_use()
    {
        // A literal holds Finnish or Swedish without saying which; the banned terms of the two do not collide.
        var banned = DoNotUse().Where(b => b.Language is "fi" or "sv").ToList();
        var found = (
            from path in SourceTexts
            from literal in Literals(path)
            from term in banned
            where term.Pattern.IsMatch(literal.Text)
            select $"{literal.Where}: \"{term.Term}\" (use \"{term.Instead}\")").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void Every_counted_key_used_in_views_and_code_has_a_singular_and_a_plural_form()
    {
        var keys = Resources(string.Empty).Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PluralCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(keys.Contains($"{key}.One") && keys.Contains($"{key}.Other"), key));
    }

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\.Plural\(""([A-Za-z0-9_.]+)""")]
    private static partial Regex PluralCall();
}
