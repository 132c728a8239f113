using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Valfard.Web.Tests.Startup;

/// <summary>Every UI string exists in Finnish, Swedish and English, and every key the code uses is defined.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Valfard.Web"));

    private static Dictionary<string, string> Load(string suffix) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource{suffix}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Theory]
    [InlineData(".fi")]
    [InlineData(".sv")]
    [InlineData(".en")]
    public void Each_language_has_every_key_with_text(string suffix)
    {
        var neutral = Load(string.Empty);
        var language = Load(suffix);

        Assert.Empty(neutral.Keys.Except(language.Keys));
        Assert.Empty(language.Keys.Except(neutral.Keys));
        Assert.All(language, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(language, pair => Assert.Equal(Placeholders(neutral[pair.Key]), Placeholders(pair.Value)));
    }

    [Fact]
    public void Every_literal_key_used_in_views_and_code_is_defined()
    {
        var keys = Load(string.Empty).Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order());

    [GeneratedRegex(@"(?:L|localizer)\[""([A-Za-z0-9_.]+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
