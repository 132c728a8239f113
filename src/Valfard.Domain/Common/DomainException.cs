namespace Valfard.Domain.Common;

/// <summary>Thrown when an operation would break a rule of the domain. The message is a resource key the UI translates.</summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() { }
}
