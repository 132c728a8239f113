namespace Valfard.Domain.Common;

/// <summary>
/// Thrown when an operation would break a rule of the domain. The message is a resource key the UI translates; the
/// field, when the refusal is about one value, is the name of the property it concerns (e.g. <c>Code</c>), which the
/// forms reuse as their field names, so the web layer can put the message next to that field without a lookup table.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, string field) : base(message) => Field = field;

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() { }

    /// <summary>The property the refusal is about, or null when it concerns the whole operation.</summary>
    public string? Field { get; }
}
