using System.Globalization;
using System.Resources;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Plans;

/// <summary>
/// The Finnish and Swedish words a plan file may use instead of the English tokens (language review #49): exactly the
/// words the plan pages show ("Käynnissä", "Pågår", "Nuoret"), matched without regard to case, so a coordinator can
/// copy what they see. Read from the resource files themselves so the two never drift apart.
/// </summary>
public static class PlanCsvAliases
{
    private static readonly ResourceManager Resources = new("Valfard.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly string[] Languages = ["fi", "sv"];

    /// <summary>The row kinds have no label of their own in the UI: the words of the plan's vocabulary.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tavoite"] = "goal",
        ["mål"] = "goal",
        ["toimenpide"] = "measure",
        ["åtgärd"] = "measure",
    };

    public static string Kind(string text) => Kinds.GetValueOrDefault(text.Trim(), text);

    public static bool TryLifeStage(string text, out LifeStage value) => TryEnum("LifeStage.", text, out value);

    public static bool TryStatus(string text, out MeasureStatus value) => TryEnum("Plan.MeasureStatus.", text, out value);

    public static bool TryPartner(string text, out MeasurePartners value)
    {
        foreach (var kind in PlanLimits.PartnerKinds)
        {
            if (IsWordFor($"Plan.Partner.{kind}", text))
            {
                value = kind;
                return true;
            }
        }
        value = MeasurePartners.None;
        return false;
    }

    private static bool TryEnum<T>(string prefix, string text, out T value) where T : struct, Enum
    {
        foreach (var member in Enum.GetValues<T>())
        {
            if (IsWordFor(prefix + member, text))
            {
                value = member;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static bool IsWordFor(string key, string text) =>
        Languages.Any(language => Resources.GetString(key, CultureInfo.GetCultureInfo(language)) is { Length: > 0 } word
            && string.Equals(word, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
