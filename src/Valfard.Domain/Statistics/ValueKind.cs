namespace Valfard.Domain.Statistics;

/// <summary>What kind of number an indicator value is; decides which interval and trend test apply.</summary>
public enum ValueKind
{
    /// <summary>A share of a population: events of a denominator, shown per 100 (per cent) or per 1,000.</summary>
    Proportion = 0,

    /// <summary>Events per population, per 1,000, 10,000 or 100,000; may exceed the multiplier.</summary>
    CrudeRate = 1,

    /// <summary>A plain number of events (e.g. number of clients).</summary>
    Count = 2,

    /// <summary>A directly age-standardised rate; an interval needs the age-specific counts, which Sotkanet does not give.</summary>
    AgeStandardisedRate = 3,

    /// <summary>An indirectly standardised ratio or proportion (SMR-like).</summary>
    IndirectlyStandardisedRatio = 4,

    /// <summary>A composite index (e.g. THL's morbidity index).</summary>
    Index = 5,

    /// <summary>A weighted survey estimate (e.g. school health survey per cent); needs the number of respondents.</summary>
    SurveyEstimate = 6,

    /// <summary>Anything else (a mean, a euro amount…).</summary>
    Other = 7,
}
