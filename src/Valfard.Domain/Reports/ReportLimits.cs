namespace Valfard.Domain.Reports;

/// <summary>Field limits shared by the domain checks and the EF configuration.</summary>
public static class ReportLimits
{
    public const int TitleMaxLength = 300;
    public const int GuidanceMaxLength = 4000;

    /// <summary>About 60 printed pages of text in one section and language; more is a sign of a pasted document.</summary>
    public const int HtmlMaxLength = 400_000;

    /// <summary>Edits by the same person within this time extend one revision instead of starting another.</summary>
    public static readonly TimeSpan RevisionWindow = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<string> ContentLanguages = ["fi", "sv"];
}
