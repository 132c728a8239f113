using Valfard.Domain.Statistics;

namespace Valfard.Web.Features.Indicators;

/// <summary>
/// The symbols that stand beside every verdict and trend in words (never alone, never colour alone), the same on the
/// indicator page, in documents and in the overview and its legend.
/// </summary>
public static class VerdictSymbols
{
    public static string For(ComparisonOutcome? outcome) => outcome switch
    {
        ComparisonOutcome.Better => "✔",
        ComparisonOutcome.Worse => "✖",
        ComparisonOutcome.Similar => "=",
        ComparisonOutcome.Higher => "↑",
        ComparisonOutcome.Lower => "↓",
        _ => "○",
    };

    public static string For(SignificantTrendResult? trend) => trend?.Sign switch
    {
        1 => "↗",
        -1 => "↘",
        _ => trend?.Outcome == SignificantTrendOutcome.NoSignificantChange ? "→" : "○",
    };
}
