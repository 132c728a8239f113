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

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Whether a spreadsheet would read the text as a formula.</summary>
    public static bool WouldRunAsFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
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
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in new[] { columns }.Concat(rows))
        {
            text.AppendJoin(Separator, row.Select(CsvField)).Append("\r\n");
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
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

    private static string CsvField(string field)
    {
        field = Neutralised(field ?? string.Empty);
        return field.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
    }
}
