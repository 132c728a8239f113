using System.Globalization;

namespace Valfard.Web.Features.Plans;

/// <summary>The code a new goal or measure is offered.</summary>
public static class PlanCodes
{
    /// <summary>"T1", "T2"… or "T1.1", "T1.2"…: the first free number after the prefix.</summary>
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (used.Contains(prefix + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }
        return prefix + n.ToString(CultureInfo.InvariantCulture);
    }
}
