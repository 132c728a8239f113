using System.Text.RegularExpressions;
using Valfard.Domain.Reports;

namespace Valfard.Web.Features.Reports;

/// <summary>
/// An audit entry's details in the reader's language. The trail stores what happened as it happened, with statuses and
/// kinds by their code names ("Draft → InReview", "Luku 3: Done", "Joy: …"), so that entries written before a
/// translation changed still read right; the names are translated only when the trail is shown.
/// </summary>
public static partial class AuditDetails
{
    public static string Shown(string action, string details, Func<string, string> translate)
    {
        if (action.StartsWith("Workflow.", StringComparison.Ordinal) && Move().Match(details) is { Success: true } move
            && Enum.TryParse<ReportStatus>(move.Groups["from"].Value, out _) && Enum.TryParse<ReportStatus>(move.Groups["to"].Value, out _))
        {
            return $"{translate($"ReportStatus.{move.Groups["from"].Value}")} → {translate($"ReportStatus.{move.Groups["to"].Value}")}{move.Groups["rest"].Value}";
        }
        if (action is "Section.StatusChanged" && TrailingStatus().Match(details) is { Success: true } status && IsSectionStatus(status.Groups["status"].Value))
        {
            return $"{status.Groups["title"].Value}: {translate($"SectionStatus.{status.Groups["status"].Value}")}";
        }
        if (action is "Section.Assigned" && Assigned().Match(details) is { Success: true } assigned && IsSectionStatus(assigned.Groups["status"].Value))
        {
            return $"{assigned.Groups["title"].Value}: {translate($"SectionStatus.{assigned.Groups["status"].Value}")}, {assigned.Groups["due"].Value}";
        }
        if (action.StartsWith("Observation.", StringComparison.Ordinal) && LeadingKind().Match(details) is { Success: true } kind
            && Enum.GetNames<ObservationKind>().Contains(kind.Groups["kind"].Value))
        {
            return $"{translate($"ObservationKind.{kind.Groups["kind"].Value}")}: {kind.Groups["text"].Value}";
        }
        if (action is "County.Support.Asked" && Enum.TryParse<Valfard.Domain.Counties.SupportKind>(details, out _))
        {
            return translate($"County.Support.Kind.{details}");
        }
        return details;
    }

    private static bool IsSectionStatus(string name) => Enum.GetNames<SectionStatus>().Contains(name);

    [GeneratedRegex(@"^(?<from>[A-Za-z]+) → (?<to>[A-Za-z]+)(?<rest>(: .*)?)$", RegexOptions.Singleline)]
    private static partial Regex Move();

    [GeneratedRegex(@"^(?<title>.*): (?<status>[A-Za-z]+)$", RegexOptions.Singleline)]
    private static partial Regex TrailingStatus();

    [GeneratedRegex(@"^(?<title>.*): (?<status>[A-Za-z]+), (?<due>[-0-9]+)$", RegexOptions.Singleline)]
    private static partial Regex Assigned();

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex LeadingKind();
}
