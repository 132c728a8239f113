using System.Text;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>One record of a CSV file and the line of the file it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A record-level problem: line, column name (empty for the whole record) and a resource key with its arguments.</summary>
public sealed record CsvProblem(int Line, string Column, string Key, params object[] Arguments);

/// <summary>
/// RFC 4180 with a semicolon as the separator, the way Finnish and Swedish spreadsheet programs save CSV: UTF-8 with a
/// byte order mark, CRLF between records, fields quoted when they hold a semicolon, a quote, a line break or
/// surrounding spaces, quotes doubled inside quoted fields. The format of the plan file is in docs/plan-csv-format.md.
/// </summary>
public static class PlanCsv
{
    public const char Separator = ';';

    public static readonly IReadOnlyList<string> Columns =
    [
        "kind", "goal", "code", "title_fi", "title_sv", "description_fi", "description_sv", "life_stage", "strategy",
        "sector", "responsible", "partners", "partner_names", "start_year", "end_year", "resources", "budget_eur", "status",
    ];

    /// <summary>Written by the shared spreadsheet writer, so a cell that would run as a formula is neutralised.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows) => SpreadsheetText.Csv(Columns, rows);

    /// <summary>Reads every record, or stops at the first broken quote and reports it (nothing after it can be trusted).</summary>
    public static (IReadOnlyList<CsvRecord> Records, CsvProblem? Problem) Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return ([], new CsvProblem(1, string.Empty, "Plan.Csv.NotUtf8"));
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                var startLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return (records, new CsvProblem(startLine, string.Empty, "Plan.Csv.UnclosedQuote"));
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n')
                    {
                        line++;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != Separator && text[i] != '\r' && text[i] != '\n')
                {
                    return (records, new CsvProblem(line, string.Empty, "Plan.Csv.TextAfterQuote"));
                }
                atFieldStart = false;
                continue;
            }
            if (c == Separator)
            {
                fields.Add(SpreadsheetText.Restored(field.ToString()));
                field.Clear();
                atFieldStart = true;
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                fields.Add(SpreadsheetText.Restored(field.ToString()));
                field.Clear();
                if (!(fields.Count == 1 && fields[0].Length == 0))
                {
                    records.Add(new CsvRecord(recordLine, fields.ToList()));
                }
                fields.Clear();
                atFieldStart = true;
                line++;
                recordLine = line;
                continue;
            }
            field.Append(c);
            atFieldStart = false;
            i++;
        }
        if (field.Length > 0 || fields.Count > 0 || !atFieldStart)
        {
            fields.Add(SpreadsheetText.Restored(field.ToString()));
            records.Add(new CsvRecord(recordLine, fields.ToList()));
        }
        return (records, null);
    }
}
