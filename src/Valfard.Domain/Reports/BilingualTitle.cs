using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// The rule every Finnish/Swedish title pair follows: at least one language, neither too long, and a Swedish-only
/// title also serves as the Finnish one so lists never show a blank.
/// </summary>
internal static class BilingualTitle
{
    public static (string Fi, string Sv) Require(string? titleFi, string? titleSv, string missingKey)
    {
        var fi = titleFi?.Trim() ?? string.Empty;
        var sv = titleSv?.Trim() ?? string.Empty;
        if (fi.Length == 0 && sv.Length == 0)
        {
            throw new DomainException(missingKey);
        }
        if (fi.Length > ReportLimits.TitleMaxLength || sv.Length > ReportLimits.TitleMaxLength)
        {
            throw new DomainException("Validation.TitleTooLong");
        }
        return (fi.Length > 0 ? fi : sv, sv);
    }
}
