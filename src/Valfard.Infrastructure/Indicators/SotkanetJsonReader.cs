using System.Text.Json;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Indicators;

public enum SotkanetFileKind
{
    Indicators,
    Regions,
    Data,
}

/// <summary>
/// Reads Sotkanet's JSON: the /indicators metadata list, the /regions list and the /json data rows
/// (<c>{"indicator":127,"region":833,"year":2023,"gender":"total","value":1234.0,"absValue":1234.0}</c>). Rows are
/// numbered from 1 in the order of the list.
/// </summary>
public static class SotkanetJsonReader
{
    public static JsonDocument Open(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SotkanetFormatException((int)(ex.LineNumber ?? 0) + 1, "json", "NotJson");
        }
    }

    /// <summary>Tells a metadata list, a region list and data rows apart by the fields of the first item.</summary>
    public static SotkanetFileKind Detect(JsonDocument document)
    {
        var items = Items(document);
        if (items.GetArrayLength() == 0)
        {
            throw new SotkanetFormatException(1, "json", "Missing");
        }
        var first = items[0];
        if (first.ValueKind != JsonValueKind.Object)
        {
            throw new SotkanetFormatException(1, "json", "UnknownFormat");
        }
        if (first.TryGetProperty("indicator", out _) && first.TryGetProperty("year", out _))
        {
            return SotkanetFileKind.Data;
        }
        if (first.TryGetProperty("category", out _))
        {
            return SotkanetFileKind.Regions;
        }
        return first.TryGetProperty("title", out _) ? SotkanetFileKind.Indicators : throw new SotkanetFormatException(1, "json", "UnknownFormat");
    }

    public static IEnumerable<IndicatorValue> ReadData(JsonDocument document)
    {
        var row = 0;
        foreach (var item in Items(document).EnumerateArray())
        {
            row++;
            yield return new IndicatorValue(
                SotkanetRows.PositiveId(Scalar(item, "indicator"), row, "indicator"),
                SotkanetRows.PositiveId(Scalar(item, "region"), row, "region"),
                SotkanetRows.Year(Scalar(item, "year"), row),
                SotkanetRows.Gender(Scalar(item, "gender"), row),
                SotkanetRows.Number(Scalar(item, "value"), row, "value"),
                SotkanetRows.Number(Scalar(item, "absValue"), row, "absValue"));
        }
    }

    public static IReadOnlyList<Indicator> ReadIndicators(JsonDocument document)
    {
        var result = new List<Indicator>();
        var row = 0;
        foreach (var item in Items(document).EnumerateArray())
        {
            row++;
            var indicator = new Indicator(SotkanetRows.PositiveId(Scalar(item, "id"), row, "id"))
            {
                TitleFi = Text(item, "title", "fi"),
                TitleSv = Text(item, "title", "sv"),
                TitleEn = Text(item, "title", "en"),
                DescriptionFi = Text(item, "description", "fi"),
                DescriptionSv = Text(item, "description", "sv"),
                InterpretationFi = Text(item, "interpretation", "fi"),
                InterpretationSv = Text(item, "interpretation", "sv"),
                Organization = item.TryGetProperty("organization", out var organization) ? Text(organization, "title", "fi") : string.Empty,
                PrimaryValueType = item.TryGetProperty("primaryValueType", out var type) ? Text(type, "title", "fi") : string.Empty,
                Decimals = item.TryGetProperty("decimals", out var decimals) && decimals.TryGetInt32(out var d) ? d : 0,
                RangeStart = Range(item, "start"),
                RangeEnd = Range(item, "end"),
                HasGenders = HasGenders(item),
            };
            if (indicator.TitleFi.Length == 0 && indicator.TitleSv.Length == 0 && indicator.TitleEn.Length == 0)
            {
                throw new SotkanetFormatException(row, "title", "Missing");
            }
            result.Add(indicator);
        }
        return result;
    }

    public static IReadOnlyList<Region> ReadRegions(JsonDocument document)
    {
        var result = new List<Region>();
        var row = 0;
        foreach (var item in Items(document).EnumerateArray())
        {
            row++;
            var region = new Region(SotkanetRows.PositiveId(Scalar(item, "id"), row, "id"))
            {
                TitleFi = Text(item, "title", "fi"),
                TitleSv = Text(item, "title", "sv"),
                TitleEn = Text(item, "title", "en"),
                Code = Scalar(item, "code") ?? string.Empty,
                Category = Scalar(item, "category") ?? throw new SotkanetFormatException(row, "category", "Missing"),
                MemberOf = item.TryGetProperty("memberOf", out var members) && members.ValueKind == JsonValueKind.Array
                    ? string.Join(',', members.EnumerateArray().Select(m => m.GetRawText()))
                    : string.Empty,
            };
            result.Add(region);
        }
        return result;
    }

    private static JsonElement Items(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement
            : throw new SotkanetFormatException(1, "json", "NotAList");

    private static string? Scalar(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        } : null;

    /// <summary>Sotkanet's texts are <c>{"fi":…,"sv":…,"en":…}</c>; a plain string is taken as Finnish.</summary>
    private static string Text(JsonElement item, string name, string language)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return string.Empty;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return language == "fi" ? value.GetString() ?? string.Empty : string.Empty;
        }
        return value.ValueKind == JsonValueKind.Object && value.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() ?? string.Empty
            : string.Empty;
    }

    private static int? Range(JsonElement item, string end) =>
        item.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object
            && range.TryGetProperty(end, out var value) && value.TryGetInt32(out var year) ? year : null;

    private static bool HasGenders(JsonElement item) =>
        item.TryGetProperty("classifications", out var classifications) && classifications.ValueKind == JsonValueKind.Object
        && classifications.TryGetProperty("sex", out var sex) && sex.ValueKind == JsonValueKind.Object
        && sex.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
        && values.EnumerateArray().Any(v => string.Equals(v.GetString(), "male", StringComparison.OrdinalIgnoreCase));
}
