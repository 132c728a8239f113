using System.Globalization;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Indicators;

/// <summary>Field checks shared by the JSON and CSV readers, so both refuse the same things with the same words.</summary>
internal static class SotkanetRows
{
    public static int PositiveId(string? text, int row, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SotkanetFormatException(row, field, "Missing");
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            throw new SotkanetFormatException(row, field, "NotANumber", text);
        }
        return id;
    }

    public static int Year(string? text, int row)
    {
        var year = PositiveId(text, row, "year");
        return year is < 1900 or > 2100 ? throw new SotkanetFormatException(row, "year", "OutOfRange", text) : year;
    }

    public static Gender Gender(string? text, int row) => text?.Trim().ToLowerInvariant() switch
    {
        "total" or "" or null => Domain.Indicators.Gender.Total,
        "male" => Domain.Indicators.Gender.Male,
        "female" => Domain.Indicators.Gender.Female,
        _ => throw new SotkanetFormatException(row, "gender", "UnknownGender", text),
    };

    /// <summary>Sotkanet writes "12.3" in JSON and, in some CSV exports, "12,3". An empty value means no data.</summary>
    public static double? Number(string? text, int row, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalised = text.Trim().Replace(',', '.');
        return double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SotkanetFormatException(row, field, "NotANumber", text);
    }
}
