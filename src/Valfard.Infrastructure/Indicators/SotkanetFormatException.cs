namespace Valfard.Infrastructure.Indicators;

/// <summary>
/// A file that is not in Sotkanet's format. Names the row (1-based, the header is row 1 in CSV) and the field, and a
/// problem code the UI words in the user's language.
/// </summary>
public sealed class SotkanetFormatException : Exception
{
    public SotkanetFormatException(int row, string field, string problem, string? value = null)
        : base($"Row {row}, field '{field}': {problem}{(value is null ? string.Empty : $" ('{value}')")}")
    {
        Row = row;
        Field = field;
        Problem = problem;
        Value = value;
    }

    public SotkanetFormatException() { }

    public SotkanetFormatException(string message) : base(message) => Problem = message;

    public SotkanetFormatException(string message, Exception innerException) : base(message, innerException) => Problem = message;

    public int Row { get; }
    public string Field { get; } = string.Empty;

    /// <summary>
    /// One of: Missing, NotANumber, OutOfRange, UnknownGender, NotJson, NotAList, UnknownFormat, UnknownIndicator.
    /// (A row naming a region the catalogue lacks is skipped and reported in the summary, not refused.)
    /// </summary>
    public string Problem { get; } = string.Empty;
    public string? Value { get; }
}
