using System.Globalization;
using System.Runtime.CompilerServices;
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
/// Reads Sotkanet's JSON: the /indicators list, one indicator's /indicators/{id} metadata, the /regions list and the
/// /json data rows
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
        ArgumentNullException.ThrowIfNull(document);
        // /indicators/{id} answers with one object, not a list.
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out _) && document.RootElement.TryGetProperty("title", out _))
        {
            return SotkanetFileKind.Indicators;
        }
        var items = Items(document);
        if (items.GetArrayLength() == 0)
        {
            throw new SotkanetFormatException(1, "json", "Missing");
        }
        return DetectItem(items[0]);
    }

    public static IEnumerable<IndicatorValue> ReadData(JsonDocument document)
    {
        var row = 0;
        foreach (var item in Items(document).EnumerateArray())
        {
            row++;
            yield return ReadValue(item, row);
        }
    }

    private static readonly JsonSerializerOptions StreamOptions = new() { AllowTrailingCommas = true };

    /// <summary>
    /// Reads a list one item at a time, so a file of millions of rows never sits in memory whole. A syntax error is
    /// reported with the number of the row it is in.
    /// </summary>
    public static async IAsyncEnumerable<JsonElement> StreamItems(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 0;
        await using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, StreamOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (JsonException)
            {
                throw new SotkanetFormatException(row + 1, "json", "NotJson");
            }
            row++;
            yield return items.Current;
        }
    }

    /// <summary>The /json data rows of a stream, read one at a time.</summary>
    public static async IAsyncEnumerable<IndicatorValue> StreamData(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 0;
        await foreach (var item in StreamItems(stream, cancellationToken))
        {
            row++;
            yield return ReadValue(item, row);
        }
    }

    /// <summary>Which kind of list an item belongs to, from its fields.</summary>
    public static SotkanetFileKind DetectItem(JsonElement first)
    {
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

    private static IndicatorValue ReadValue(JsonElement item, int row) =>
        item.ValueKind != JsonValueKind.Object
            ? throw new SotkanetFormatException(row, "json", "UnknownFormat")
            : new IndicatorValue(
                SotkanetRows.PositiveId(Scalar(item, "indicator"), row, "indicator"),
                SotkanetRows.PositiveId(Scalar(item, "region"), row, "region"),
                SotkanetRows.Year(Scalar(item, "year"), row),
                SotkanetRows.Gender(Scalar(item, "gender"), row),
                SotkanetRows.Number(Scalar(item, "value"), row, "value"),
                SotkanetRows.Number(Scalar(item, "absValue"), row, "absValue"));

    /// <summary>
    /// The /indicators list, or one /indicators/{id} object (read as a list of one). A list entry carries only the
    /// title, organisation and classifications; an item with any of the richer fields counts as full metadata.
    /// </summary>
    public static IReadOnlyList<Indicator> ReadIndicators(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return [ReadIndicator(document.RootElement, 1)];
        }
        var result = new List<Indicator>();
        var row = 0;
        foreach (var item in Items(document).EnumerateArray())
        {
            row++;
            result.Add(ReadIndicator(item, row));
        }
        return result;
    }

    private static readonly string[] FullMetadataFields =
        ["description", "interpretation", "limits", "legislation", "notices", "primaryValueType", "decimals", "range",
         "data-updated", "sources", "subjects", "groups"];

    private static Indicator ReadIndicator(JsonElement item, int row)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SotkanetFormatException(row, "json", "UnknownFormat");
        }
        var organisation = Property(item, "organization");
        var unit = Property(item, "primaryValueType");
        var classifications = Property(item, "classifications");
        var indicator = new Indicator(SotkanetRows.PositiveId(Scalar(item, "id"), row, "id"))
        {
            Title = Texts(item, "title"),
            Description = Texts(item, "description"),
            Interpretation = Texts(item, "interpretation"),
            Limits = Texts(item, "limits"),
            Legislation = Texts(item, "legislation"),
            Notices = Texts(item, "notices"),
            UnitCode = unit is { } u ? Scalar(u, "code") ?? string.Empty : string.Empty,
            Unit = unit is { } t ? Texts(t, "title") : LocalizedText.Empty,
            Decimals = Property(item, "decimals") is { ValueKind: JsonValueKind.Number } decimals && decimals.TryGetInt32(out var d) ? d : null,
            DataUpdated = Scalar(item, "data-updated") is { } updated
                && DateOnly.TryParseExact(updated.Length >= 10 ? updated[..10] : updated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : null,
            RangeStart = Range(item, "start"),
            RangeEnd = Range(item, "end"),
            SourceOrganisationId = organisation is { } o && Property(o, "id") is { ValueKind: JsonValueKind.Number } id && id.TryGetInt32(out var oid) ? oid : null,
            SourceOrganisation = organisation is { } org ? Texts(org, "title") : LocalizedText.Empty,
            Sources = Array(item, "sources").Select(source => new IndicatorSource(
                Property(source, "organization") is { } so && Property(so, "id") is { ValueKind: JsonValueKind.Number } sid && sid.TryGetInt32(out var s) ? s : null,
                Property(source, "organization") is { } sorg ? Texts(sorg, "title") : LocalizedText.Empty,
                Texts(source, "title"),
                Texts(source, "description"))).ToList(),
            Subjects = Array(item, "subjects").Select(subject => Text(subject)).Where(subject => !subject.IsEmpty).ToList(),
            Groups = Array(item, "groups").Where(g => g.ValueKind == JsonValueKind.Number && g.TryGetInt32(out _)).Select(g => g.GetInt32()).ToList(),
            Sex = Classification(classifications, "sex"),
            Age = Classification(classifications, "age"),
            HasFullMetadata = FullMetadataFields.Any(field => item.TryGetProperty(field, out _)),
        };
        if (indicator.Title.IsEmpty)
        {
            throw new SotkanetFormatException(row, "title", "Missing");
        }
        return indicator;
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

    private static JsonElement? Property(JsonElement? item, string name) =>
        item is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static List<JsonElement> Array(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];

    /// <summary>Sotkanet's texts are <c>{"fi":…,"sv":…,"en":…}</c>; a plain string is taken as Finnish.</summary>
    private static LocalizedText Texts(JsonElement item, string name) =>
        Property(item, name) is { } value ? Text(value) : LocalizedText.Empty;

    private static LocalizedText Text(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return new LocalizedText(value.GetString() ?? string.Empty, string.Empty, string.Empty);
        }
        string One(string language) =>
            value.ValueKind == JsonValueKind.Object && value.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString() ?? string.Empty
                : string.Empty;
        return new LocalizedText(One("fi"), One("sv"), One("en"));
    }

    private static string Text(JsonElement item, string name, string language) => Texts(item, name)[language];

    private static IndicatorClassification Classification(JsonElement? classifications, string name) =>
        Property(classifications, name) is { } classification
            ? new IndicatorClassification(Texts(classification, "title"),
                Array(classification, "values").Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList())
            : IndicatorClassification.None;

    private static int? Range(JsonElement item, string end) =>
        item.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object
            && range.TryGetProperty(end, out var value) && value.TryGetInt32(out var year) ? year : null;
}
