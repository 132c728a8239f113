using Valfard.Domain.Statistics;

namespace Valfard.Web.Features.Indicators;

/// <summary>The installation's statistics settings (section <c>Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>
    /// Below this many events a value is shown but not compared: a few cases more or less would move it a lot.
    /// THL and PHE use 5.
    /// </summary>
    public int MinimumEvents { get; set; } = SmallNumberRule.DefaultMinimumEvents;

    /// <summary>
    /// The Sotkanet indicator whose values are the regions' populations, for the suggested comparison municipalities:
    /// 127 ("Väestö 31.12."). The demo sets its SAMPLE population indicator instead.
    /// </summary>
    public int PopulationIndicatorId { get; set; } = 127;

    public SmallNumberRule SmallNumberRule => SmallNumberRule.MinimumEvents(MinimumEvents);
}
