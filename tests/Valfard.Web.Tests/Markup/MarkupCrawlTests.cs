using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Valfard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Valfard.Web.Tests.Markup;

/// <summary>
/// Every page of every role, found by following links: it shows only translated text (issue 17 §11) and its markup
/// passes the Nu HTML Checker (§14). Pages other features add are found through their links without listing them.
/// </summary>
public sealed partial class MarkupCrawlTests(SiteCrawl crawl, ITestOutputHelper output) : IClassFixture<SiteCrawl>
{
    [Fact]
    public void Every_role_reaches_its_pages_and_every_link_it_is_shown_works()
    {
        output.WriteLine(crawl.Counts());
        foreach (var ((language, user), result) in crawl.Crawls)
        {
            // The public site alone has its front page, the organisation, a report, accessibility and privacy.
            Assert.True(result.Pages.Count >= 5, $"{language} {user}: only {result.Pages.Count} pages were reached");
        }
        var failures = crawl.Crawls.SelectMany(c => c.Value.Failures.Select(f => $"{c.Key.Language} {c.Key.User}: {f}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void No_page_shows_a_resource_key_or_an_enum_name(string language)
    {
        var parser = new HtmlParser();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ((crawlLanguage, user), result) in crawl.Crawls.Where(c => c.Key.Language == language))
        {
            foreach (var page in result.Pages)
            {
                using var document = parser.ParseDocument(page.Html);
                foreach (var (text, shown) in ShownText(document, language))
                {
                    foreach (var raw in Untranslated(text, shown))
                    {
                        problems.Add($"{page.Shape} ({user}, e.g. {page.Url}): “{raw}” in “{Shorten(text)}”");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} untranslated texts in {language}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_page_passes_the_nu_html_checker()
    {
        var jar = VnuJar();
        var folder = Directory.CreateTempSubdirectory("valfard-vnu-");
        try
        {
            // One file per page shape and language: the checker judges how a kind of page is built.
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var shapes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ((language, user), result) in crawl.Crawls)
            {
                foreach (var page in result.Pages)
                {
                    if (!shapes.Add($"{language} {page.Shape}"))
                    {
                        continue;
                    }
                    var path = Path.Combine(folder.FullName, $"{files.Count:D4}.html");
                    await File.WriteAllTextAsync(path, page.Html);
                    files[path] = $"{language} {page.Shape} ({user}, e.g. {page.Url})";
                }
            }
            var messages = await RunVnuAsync(jar, files.Keys);
            var errors = messages
                .Select(m => $"{files.GetValueOrDefault(FileOf(m.Url), m.Url)}: line {m.Line}: {m.Message} [{Shorten(m.Extract ?? string.Empty)}]")
                .ToList();
            output.WriteLine($"{files.Count} pages checked, {errors.Count} errors");
            Assert.True(errors.Count == 0, $"{errors.Count} errors from the Nu HTML Checker in {files.Count} pages:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        static string FileOf(string url) => url.StartsWith("file:", StringComparison.Ordinal) ? "/" + url["file:".Length..].TrimStart('/') : url;
    }

    /// <summary>
    /// The text a person reads or hears (text outside scripts and styles, the title, labelling attributes), each with
    /// the language its nearest lang attribute gives it: an English sector name in its own lang="en" cell is right,
    /// and a signed-in user's crawl also reaches the public site in the other languages (/en/demo).
    /// </summary>
    private static IEnumerable<(string Text, string Language)> ShownText(IDocument document, string language)
    {
        var pageLanguage = document.DocumentElement.GetAttribute("lang") ?? language;
        yield return (document.Title ?? string.Empty, pageLanguage);
        if (document.Body is null)
        {
            yield break;
        }
        foreach (var text in document.Body.Descendants<IText>())
        {
            if (text.ParentElement is null or { LocalName: "script" or "style" or "template" or "noscript" })
            {
                continue;
            }
            if (!string.IsNullOrWhiteSpace(text.Data))
            {
                yield return (text.Data.Trim(), LanguageOf(text.ParentElement, pageLanguage));
            }
        }
        foreach (var element in document.Body.Descendants<IElement>())
        {
            foreach (var attribute in new[] { "title", "aria-label", "alt", "placeholder", "aria-description" })
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } value)
                {
                    yield return (value, LanguageOf(element, pageLanguage));
                }
            }
            if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { Length: > 0 } label)
            {
                yield return (label, LanguageOf(element, pageLanguage));
            }
        }
    }

    private static string LanguageOf(IElement element, string pageLanguage) =>
        element.Closest("[lang]")?.GetAttribute("lang") is { Length: >= 2 } lang ? lang[..2] : pageLanguage;

    /// <summary>Enum names that are also ordinary Swedish or Finnish words ("Text på finska", "Regional välfärdsberättelse").</summary>
    private static readonly HashSet<string> AlsoWords = new(StringComparer.Ordinal) { "Text", "Regional" };

    /// <summary>
    /// Resource keys ("Audit.Workflow.Publish": dotted PascalCase under a prefix the resources use) and enum names
    /// ("InReview"; in Finnish and Swedish also one-word ones such as "Draft") found in a text.
    /// </summary>
    private static IEnumerable<string> Untranslated(string text, string language)
    {
        foreach (Match match in DottedKey().Matches(text))
        {
            if (KeyPrefixes.Contains(match.Value.Split('.')[0]))
            {
                yield return match.Value;
            }
        }
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value;
            if (EnumNames.Contains(word) && !AlsoWords.Contains(word) && (language != "en" || CompoundWord().IsMatch(word)))
            {
                yield return word;
            }
        }
    }

    private static string Shorten(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }

    private static readonly HashSet<string> KeyPrefixes = LoadKeyPrefixes();

    private static HashSet<string> LoadKeyPrefixes()
    {
        var resx = Path.Combine(RepositoryRoot(), "src", "Valfard.Web", "Resources", "SharedResource.resx");
        return XDocument.Load(resx).Root!.Elements("data").Select(d => d.Attribute("name")!.Value.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every member name of the app's enums (statuses, kinds, reasons), as code would print them untranslated.</summary>
    private static readonly HashSet<string> EnumNames =
        new[] { typeof(Valfard.Domain.Common.DomainException).Assembly, typeof(Program).Assembly, typeof(Valfard.Infrastructure.Mail.EmailMessage).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("Valfard", StringComparison.Ordinal) == true)
            .SelectMany(Enum.GetNames)
            .Where(n => n.Length > 2)
            .ToHashSet(StringComparer.Ordinal);

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Valfard.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Valfard.sln was not found above {AppContext.BaseDirectory}");
    }

    private const string VnuInstall = "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar";

    /// <summary>The checker that test.sh installs with `npm ci` in tools/vnu; its absence fails the test, never skips it.</summary>
    private static string VnuJar()
    {
        var jar = Path.Combine(RepositoryRoot(), VnuInstall);
        Assert.True(File.Exists(jar),
            $"The Nu HTML Checker was not found at {jar}. Install it with `npm ci --prefix tools/vnu` (test.sh does this), and Java 17 or later " +
            "(`apt-get install -y default-jre-headless`).");
        return jar;
    }

    private sealed record VnuMessage(string Url, int Line, string Message, string? Extract);

    private static async Task<List<VnuMessage>> RunVnuAsync(string jar, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Java was not found to run the Nu HTML Checker: apt-get install -y default-jre-headless", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            // The checker writes its JSON report to standard error.
            var json = await stderr;
            Assert.True(json.TrimStart().StartsWith('{'), $"The Nu HTML Checker did not answer with JSON (exit {process.ExitCode}): {json}{await stdout}");
            using var report = JsonDocument.Parse(json);
            return report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => new VnuMessage(
                    m.TryGetProperty("url", out var url) ? url.GetString()! : "?",
                    m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    m.GetProperty("message").GetString()!,
                    m.TryGetProperty("extract", out var extract) ? extract.GetString() : null))
                .ToList();
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+\b")]
    private static partial Regex DottedKey();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex CompoundWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
