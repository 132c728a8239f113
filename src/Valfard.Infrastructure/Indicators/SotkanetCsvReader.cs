using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Indicators;

/// <summary>
/// Reads Sotkanet's semicolon-separated data export (/rest/1.1/csv): a header row naming the columns (indicator;
/// region; year; gender; primary value; absolute value), then one value per row. Column order follows the header.
/// </summary>
public static class SotkanetCsvReader
{
    private static readonly string[] ValueColumns = ["primary value", "value"];
    private static readonly string[] AbsoluteColumns = ["absolute value", "absvalue"];

    public static IEnumerable<IndicatorValue> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new SotkanetFormatException(1, "header", "Missing");
        var columns = header.TrimStart('\uFEFF').Split(';').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();
        int Column(string name, bool required, params string[] alternatives)
        {
            var index = columns.FindIndex(c => c == name || alternatives.Contains(c));
            return index < 0 && required ? throw new SotkanetFormatException(1, name, "Missing") : index;
        }
        var indicator = Column("indicator", true);
        var region = Column("region", true);
        var year = Column("year", true);
        var gender = Column("gender", false);
        var value = Column(ValueColumns[0], true, ValueColumns[1]);
        var absolute = Column(AbsoluteColumns[0], false, AbsoluteColumns[1]);

        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(';');
            string? Cell(int index) => index >= 0 && index < cells.Length ? cells[index].Trim().Trim('"') : null;
            if (cells.Length < columns.Count)
            {
                throw new SotkanetFormatException(row, columns[cells.Length], "Missing");
            }
            yield return new IndicatorValue(
                SotkanetRows.PositiveId(Cell(indicator), row, "indicator"),
                SotkanetRows.PositiveId(Cell(region), row, "region"),
                SotkanetRows.Year(Cell(year), row),
                SotkanetRows.Gender(Cell(gender), row),
                SotkanetRows.Number(Cell(value), row, "value"),
                SotkanetRows.Number(Cell(absolute), row, "absValue"));
        }
    }
}
