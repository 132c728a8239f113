namespace Valfard.Infrastructure.Indicators;

/// <summary>
/// A value an import has read and checked but not yet applied. Rows are written in short transactions while the
/// file or Sotkanet is read, then applied to the values table in one set-based statement and deleted; rows whose
/// run is no longer running are discarded at start-up. Not a domain entity: it exists only to keep the write lock
/// short (ADR 0019).
/// </summary>
public sealed class StagedIndicatorValue
{
    public const int RunKeyLength = 32;

    /// <summary>The run's id as 32 hex digits: a string compares the same in raw SQL on every provider.</summary>
    public string RunKey { get; set; } = string.Empty;
    public int IndicatorId { get; set; }
    public int RegionId { get; set; }
    public int Year { get; set; }
    public int Gender { get; set; }
    public double? Value { get; set; }
    public double? AbsValue { get; set; }

    public static string KeyOf(Guid runId) => runId.ToString("N");
}
