using System.Text.Json;

namespace Valfard.Domain.Tests.Statistics;

/// <summary>
/// The published worked examples in <c>../shared/stats-worked-examples/cases.json</c> next to the folder holding
/// Valfard.sln (its README names the source of every case). Read in place, never copied into the repository.
/// </summary>
public static class WorkedExamples
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(Load);

    public static string? File { get; } = Find();

    public static string SkipReason =>
        $"Skipped: the worked examples were not found at ../shared/stats-worked-examples/cases.json next to the repository holding Valfard.sln (looked up from {AppContext.BaseDirectory}).";

    /// <summary>Section 1 Wilson, 2 Byar/exact Poisson, 3 trend, 4 benchmark comparison, from the case id's prefix.</summary>
    public static int SectionOf(string id) => id switch
    {
        _ when id.StartsWith("wilson-", StringComparison.Ordinal) => 1,
        _ when id.StartsWith("byars-", StringComparison.Ordinal) || id.StartsWith("rate-", StringComparison.Ordinal)
            || id.StartsWith("exact-", StringComparison.Ordinal) => 2,
        _ when id.StartsWith("trend-", StringComparison.Ordinal) => 3,
        _ when id.StartsWith("bench-", StringComparison.Ordinal) => 4,
        _ => 0,
    };

    public static IReadOnlyCollection<string> AllIds => File is null ? [] : Cases.Value.Keys;

    /// <summary>Case ids of a section for a [Theory]; a single placeholder when the file is absent (the theory is then skipped).</summary>
    public static TheoryData<string> Section(int section)
    {
        var data = new TheoryData<string>();
        if (File is null)
        {
            data.Add("(cases.json not found)");
            return data;
        }
        foreach (var id in Cases.Value.Keys.Where(id => SectionOf(id) == section))
        {
            data.Add(id);
        }
        return data;
    }

    public static JsonElement Case(string id) => Cases.Value[id];

    /// <summary>Whether <paramref name="actual"/> is within the case's tolerance ({"rel": r} or {"abs": a}) of <paramref name="expected"/>.</summary>
    public static bool Within(JsonElement tolerance, double expected, double actual)
    {
        if (tolerance.TryGetProperty("rel", out var rel))
        {
            return Math.Abs(actual - expected) <= rel.GetDouble() * Math.Abs(expected);
        }
        return Math.Abs(actual - expected) <= tolerance.GetProperty("abs").GetDouble();
    }

    public static void AssertWithin(JsonElement @case, string name, double actual)
    {
        var expected = @case.GetProperty("expected").GetProperty(name).GetDouble();
        var tolerance = @case.GetProperty("tolerance");
        Assert.True(Within(tolerance, expected, actual), $"{@case.GetProperty("id").GetString()} {name}: expected {expected:R} within {tolerance}, got {actual:R}");
    }

    private static Dictionary<string, JsonElement> Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File ?? throw new InvalidOperationException(SkipReason)));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Valfard.sln")))
            {
                var file = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "stats-worked-examples", "cases.json"));
                return System.IO.File.Exists(file) ? file : null;
            }
        }
        return null;
    }
}

/// <summary>A theory over the worked examples; reported as skipped, with the reason, when cases.json is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkedExamplesTheoryAttribute : TheoryAttribute
{
    public WorkedExamplesTheoryAttribute()
    {
        if (WorkedExamples.File is null)
        {
            Skip = WorkedExamples.SkipReason;
        }
    }
}

/// <summary>A fact over the worked examples; reported as skipped, with the reason, when cases.json is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkedExamplesFactAttribute : FactAttribute
{
    public WorkedExamplesFactAttribute()
    {
        if (WorkedExamples.File is null)
        {
            Skip = WorkedExamples.SkipReason;
        }
    }
}
