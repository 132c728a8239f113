namespace Valfard.Web.Common;

/// <summary>Outcome of a command: success, or error resource keys (field name null for the whole form).</summary>
public sealed class OperationResult
{
    private readonly List<(string? Field, string Key)> _errors = [];

    public static OperationResult Success { get; } = new();

    public bool Succeeded => _errors.Count == 0;
    public bool NotFound { get; private init; }
    public bool Conflict { get; private init; }
    public IReadOnlyList<(string? Field, string Key)> Errors => _errors;

    /// <summary>Done, but something the user should know about went wrong on the side (e.g. a mail not sent).</summary>
    public string? Warning { get; private init; }

    public static OperationResult DoneWithWarning(string key) => new() { Warning = key };

    public static OperationResult Missing() => new() { NotFound = true };

    public static OperationResult Stale() => new OperationResult { Conflict = true }.With(null, "Error.Conflict");

    public static OperationResult Fail(string? field, string key) => new OperationResult().With(field, key);

    /// <summary>The domain refused the change: its message key, on the field it named (or the whole form).</summary>
    public static OperationResult Refused(Valfard.Domain.Common.DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Fail(refusal.Field, refusal.Message);
    }

    /// <summary>Values the error messages name, e.g. the unknown ids of a list ({0} in the resource text).</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    public OperationResult WithArgument(string argument)
    {
        Arguments = [.. Arguments, argument];
        return this;
    }

    public OperationResult With(string? field, string key)
    {
        _errors.Add((field, key));
        return this;
    }
}
