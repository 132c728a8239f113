using System.Globalization;
using System.Text;

namespace Valfard.Web.Common;

/// <summary>
/// The one writer of cells for every CSV and XLSX file Valfard hands out (plan, indicators, open data). Text that a
/// spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return) gets a leading apostrophe, which Excel and LibreOffice read as "this is text", so a goal titled
/// <c>=HYPERLINK(…)</c> cannot run when a council secretary opens the file. A real number, negative ones included,
/// stays a number.
/// </summary>
public static class SpreadsheetText
{
    public const char Separator = ';';

    /// <summary>A number with a decimal comma, as Finnish and Swedish spreadsheets write it: still a number, not a formula.</summary>
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Whether a spreadsheet would read the text as a formula.</summary>
    public static bool WouldRunAsFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !double.TryParse(text, NumberStyles.Float, DecimalComma, out _);
    }

    /// <summary>The text as a spreadsheet will show it and never run it.</summary>
    public static string Neutralised(string text) => WouldRunAsFormula(text) ? "'" + text : text;

    /// <summary>
    /// A field read back from a file Valfard wrote: the apostrophe <see cref="Neutralised"/> added is taken off again,
    /// so a plan exported and imported keeps "-5 % vähemmän" as it was.
    /// </summary>
    public static string Restored(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length > 1 && field[0] == '\'' && WouldRunAsFormula(field[1..]) ? field[1..] : field;
    }

    /// <summary>
    /// RFC 4180 with a semicolon, the way Finnish and Swedish spreadsheet programs save CSV: UTF-8 with a byte order
    /// mark, CRLF between records, a field quoted when it holds a semicolon, a quote, a line break or surrounding
    /// spaces, quotes doubled inside quoted fields, and every field <see cref="Neutralised"/>.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        Csv(columns, rows, CsvFormat.Spreadsheet);

    /// <summary>The same, in the given format: <see cref="CsvFormat.Machine"/> for programs, with a comma and no byte order mark.</summary>
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, CsvFormat format)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(format);
        var text = new StringBuilder();
        foreach (var row in new[] { columns }.Concat(rows))
        {
            text.AppendJoin(format.Separator, row.Select(field => CsvField(field, format.Separator))).Append("\r\n");
        }
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return format.ByteOrderMark ? [.. Utf8WithBom.GetPreamble(), .. body] : body;
    }

    /// <summary>
    /// Text into a workbook cell: always stored as text, never as a formula, and text that would run as one carries
    /// Excel's quote prefix (the hidden apostrophe), so it stays text even when someone edits the cell.
    /// </summary>
    public static void WriteText(ClosedXML.Excel.IXLCell cell, string text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.SetValue(text ?? string.Empty);
        cell.DataType = ClosedXML.Excel.XLDataType.Text;
        if (WouldRunAsFormula(text ?? string.Empty))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private static string CsvField(string field, char separator)
    {
        field = Neutralised(field ?? string.Empty);
        return field.IndexOfAny([separator, '"', '\r', '\n']) >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
    }
}

/// <summary>
/// How a CSV file is written. People open CSV in Excel, and Finnish and Swedish Excel read only a semicolon file with a
/// decimal comma and a byte order mark as a table of numbers; programs expect RFC 4180's comma and a decimal point.
/// </summary>
public sealed record CsvFormat(char Separator, bool ByteOrderMark, string DecimalSeparator)
{
    public static readonly CsvFormat Spreadsheet = new(';', ByteOrderMark: true, DecimalSeparator: ",");
    public static readonly CsvFormat Machine = new(',', ByteOrderMark: false, DecimalSeparator: ".");

    /// <summary>
    /// A number as this format writes it: never a thousands separator and always an ASCII minus, which Excel needs
    /// (the Finnish culture's own minus is U+2212, which Excel reads as text).
    /// </summary>
    public string Number<T>(T value) where T : struct, IFormattable
    {
        var text = value.ToString(null, CultureInfo.InvariantCulture);
        return DecimalSeparator == "." ? text : text.Replace(".", DecimalSeparator, StringComparison.Ordinal);
    }
}
