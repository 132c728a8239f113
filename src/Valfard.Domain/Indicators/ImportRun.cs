using Valfard.Domain.Common;

namespace Valfard.Domain.Indicators;

public enum ImportRunKind
{
    File,
    Live,
    ScheduledSync,
    ManualSync,
}

public enum ImportRunState
{
    Queued,
    Running,
    Done,
    Failed,
}

public enum ImportRunError
{
    None,

    /// <summary>The file or answer is not in Sotkanet's format; row, field and problem say where.</summary>
    Format,
    SotkanetUnavailable,

    /// <summary>The app stopped while the run was running; its staged rows were discarded.</summary>
    Interrupted,
    Unexpected,
}

/// <summary>
/// One import or Sotkanet sync, recorded in the database so that a restart loses neither a queued run nor the fact
/// that a running one was cut off. Runs are installation data: national indicators, not one organisation's.
/// State moves only forward: Queued → Running → Done or Failed (a queued run can also fail, e.g. its file vanished).
/// </summary>
public class ImportRun
{
    public const int SourceMaxLength = 400;
    public const int NameMaxLength = 256;
    public const int ListMaxLength = 2000;
    public const int FieldMaxLength = 100;

    private ImportRun()
    {
        Source = string.Empty;
    }

    private ImportRun(Guid id, ImportRunKind kind, string source, Guid? startedById, string? startedByName, DateTimeOffset now) : this()
    {
        Id = id;
        Kind = kind;
        Source = Limit(source, SourceMaxLength);
        StartedById = startedById;
        StartedByName = startedByName is null ? null : Limit(startedByName, NameMaxLength);
        QueuedAt = now;
        Sequence = now.UtcTicks;
    }

    public static ImportRun ForFile(Guid id, string fileName, string storedPath, Guid startedById, string? startedByName, DateTimeOffset now) =>
        new(id, ImportRunKind.File, fileName, startedById, startedByName, now) { FilePath = storedPath };

    public static ImportRun ForLive(Guid id, IReadOnlyCollection<int> indicatorIds, IReadOnlyCollection<int> years, Guid startedById,
        string? startedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentNullException.ThrowIfNull(years);
        if (indicatorIds.Count == 0 || years.Count == 0)
        {
            throw new DomainException("Indicators.IdsInvalid");
        }
        var ids = string.Join(",", indicatorIds.Distinct());
        return new(id, ImportRunKind.Live, $"Sotkanet: {ids}", startedById, startedByName, now)
        {
            IndicatorIds = Limit(ids, ListMaxLength),
            Years = Limit(string.Join(",", years.Distinct().Order()), ListMaxLength),
        };
    }

    /// <param name="startedById">Who pressed "sync now"; null for the schedule.</param>
    public static ImportRun ForSync(Guid id, Guid? startedById, string? startedByName, DateTimeOffset now) =>
        new(id, startedById is null ? ImportRunKind.ScheduledSync : ImportRunKind.ManualSync, "Sotkanet", startedById, startedByName, now);

    public Guid Id { get; private set; }
    public ImportRunKind Kind { get; private set; }
    public ImportRunState State { get; private set; }

    /// <summary>The file's name or the indicators fetched, as the pages show it.</summary>
    public string Source { get; private set; }

    /// <summary>Where an uploaded file waits for its run; deleted after the run.</summary>
    public string? FilePath { get; private set; }

    /// <summary>For a live fetch: the indicator ids and years asked for, comma-separated.</summary>
    public string? IndicatorIds { get; private set; }
    public string? Years { get; private set; }

    public Guid? StartedById { get; private set; }
    public string? StartedByName { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>Queue order (the enqueue time in ticks): SQLite cannot order date-time-offset values.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public int Processed { get; private set; }
    public int? Total { get; private set; }
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Skipped { get; private set; }

    /// <summary>The ids of the regions the skipped rows named, comma-separated.</summary>
    public string UnknownRegions { get; private set; } = string.Empty;

    public ImportRunError Error { get; private set; }
    public int? ErrorRow { get; private set; }
    public string? ErrorField { get; private set; }
    public string? ErrorProblem { get; private set; }
    public string? ErrorValue { get; private set; }

    /// <summary>Set once the run has started applying its values (see <see cref="BeginApplying"/>).</summary>
    public bool Applying { get; private set; }

    public bool IsFinished => State is ImportRunState.Done or ImportRunState.Failed;

    public IReadOnlyList<int> IndicatorIdList => ParseList(IndicatorIds);
    public IReadOnlyList<int> YearList => ParseList(Years);

    public void Start(DateTimeOffset now)
    {
        if (State != ImportRunState.Queued)
        {
            throw new DomainException("Import.Run.NotQueued");
        }
        State = ImportRunState.Running;
        StartedAt = now;
    }

    public void ReportProgress(int processed, int? total)
    {
        if (State == ImportRunState.Running)
        {
            Processed = processed;
            Total = total;
        }
    }

    /// <summary>
    /// Everything was read and checked: the counts are final, and the values are about to be applied in short steps.
    /// From here a restart resumes the run instead of failing it, because its metadata and regions are already in
    /// and the rest is the staged values, still there.
    /// </summary>
    public void BeginApplying(int added, int updated, int unchanged, int skipped, IEnumerable<int> unknownRegions)
    {
        if (State != ImportRunState.Running || Applying)
        {
            throw new DomainException("Import.Run.NotRunning");
        }
        (Added, Updated, Unchanged, Skipped) = (added, updated, unchanged, skipped);
        UnknownRegions = JoinWithin(unknownRegions, ListMaxLength);
        Applying = true;
    }

    public void Complete(DateTimeOffset now)
    {
        if (State != ImportRunState.Running || !Applying)
        {
            throw new DomainException("Import.Run.NotRunning");
        }
        State = ImportRunState.Done;
        FinishedAt = now;
    }

    public void FailFormat(int row, string field, string problem, string? value, DateTimeOffset now)
    {
        Fail(ImportRunError.Format, now);
        ErrorRow = row;
        ErrorField = Limit(field, FieldMaxLength);
        ErrorProblem = Limit(problem, FieldMaxLength);
        ErrorValue = value is null ? null : Limit(value, FieldMaxLength);
    }

    public void FailUnavailable(DateTimeOffset now) => Fail(ImportRunError.SotkanetUnavailable, now);

    public void FailUnexpected(DateTimeOffset now) => Fail(ImportRunError.Unexpected, now);

    /// <summary>The app stopped while this run was reading; nothing of it was applied.</summary>
    public void Interrupt(DateTimeOffset now)
    {
        if (State != ImportRunState.Running || Applying)
        {
            throw new DomainException("Import.Run.NotRunning");
        }
        Fail(ImportRunError.Interrupted, now);
    }

    private void Fail(ImportRunError error, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new DomainException("Import.Run.Finished");
        }
        State = ImportRunState.Failed;
        Error = error;
        FinishedAt = now;
    }

    /// <summary>Whole ids only: a list too long for its column ends at the last id that fits.</summary>
    private static string JoinWithin(IEnumerable<int> ids, int length)
    {
        var text = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            var next = (text.Length == 0 ? "" : ",") + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (text.Length + next.Length > length)
            {
                break;
            }
            text.Append(next);
        }
        return text.ToString();
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    private static List<int> ParseList(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
