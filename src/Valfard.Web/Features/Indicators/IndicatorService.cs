using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

/// <summary>Reads the catalogue for the signed-in organisation: its own region against its county and the whole country.</summary>
public sealed class IndicatorService(ValfardDbContext db, ICurrentOrganisation current)
{
    public async Task<IReadOnlyList<IndicatorListItem>> CatalogAsync(string? search, string language, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var latest = await db.IndicatorValues.GroupBy(v => v.IndicatorId).Select(g => new { g.Key, Year = g.Max(v => v.Year) })
            .ToDictionaryAsync(g => g.Key, g => g.Year, cancellationToken);
        var term = search?.Trim() ?? string.Empty;
        return indicators
            .Where(i => term.Length == 0 || i.TitleIn(language).Contains(term, StringComparison.CurrentCultureIgnoreCase)
                        || i.Id.ToString(CultureInfo.InvariantCulture) == term)
            .OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new IndicatorListItem(i.Id, i.TitleIn(language), i.PrimaryValueType, latest.TryGetValue(i.Id, out var y) ? y : null))
            .ToList();
    }

    public async Task<IndicatorPageViewModel?> PageAsync(int id, string language, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync([id], language, cancellationToken);
        return pages.Count > 0 ? pages[0] : null;
    }

    /// <summary>
    /// Several indicators for one page (a report section shows a few): the organisation's regions are worked out once
    /// and the values of all the indicators come in one query.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorPageViewModel>> PagesAsync(IReadOnlyList<int> ids, string language, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null || ids.Count == 0)
        {
            return [];
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var regions = await ComparisonRegionsAsync(organisation, cancellationToken);
        var regionIds = regions.Select(r => r.Region.Id).ToList();
        var values = (await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && regionIds.Contains(v.RegionId)).ToListAsync(cancellationToken))
            .ToLookup(v => v.IndicatorId);
        return ids.Where(indicators.ContainsKey).Select(id => Build(indicators[id], regions, values[id].ToList(), language)).ToList();
    }

    private static IndicatorPageViewModel Build(Indicator indicator, List<(Region Region, string Kind)> regions, List<IndicatorValue> values,
        string language)
    {
        var years = values.Select(v => v.Year).Distinct().Order().ToList();
        var genders = indicator.HasGenders ? new[] { Gender.Total, Gender.Female, Gender.Male } : [Gender.Total];
        var series = new List<IndicatorSeries>();
        foreach (var gender in genders)
        {
            foreach (var (region, kind) in regions)
            {
                var points = years.Select(y => new SeriesPoint(y,
                    values.FirstOrDefault(v => v.RegionId == region.Id && v.Year == y && v.Gender == gender)?.Value)).ToList();
                if (points.Any(p => p.Value is not null))
                {
                    series.Add(new IndicatorSeries(region.TitleIn(language), kind, gender, points));
                }
            }
        }
        var own = series.FirstOrDefault(s => s.RegionKind == "own" && s.Gender == Gender.Total);
        return new IndicatorPageViewModel
        {
            Id = indicator.Id,
            Title = indicator.TitleIn(language),
            Description = language == "sv" && indicator.DescriptionSv.Length > 0 ? indicator.DescriptionSv : indicator.DescriptionFi,
            Interpretation = language == "sv" && indicator.InterpretationSv.Length > 0 ? indicator.InterpretationSv : indicator.InterpretationFi,
            Unit = indicator.PrimaryValueType,
            Decimals = indicator.Decimals,
            Direction = indicator.Direction,
            Source = indicator.Organization,
            Years = years,
            Series = series,
            Trend = own is null ? null : TrendRule.Evaluate(own.Points.Select(p => (p.Year, p.Value)), indicator.Direction),
            TrendRegion = own?.Region,
        };
    }

    /// <summary>
    /// Sets which way is good for an indicator. The catalogue is shared, so this applies to every organisation; it
    /// is what turns a rising or falling trend into an improving or worsening one.
    /// </summary>
    public async Task<OperationResult> SetDirectionAsync(int id, IndicatorDirection direction, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null || !Enum.IsDefined(direction))
        {
            return OperationResult.Missing();
        }
        indicator.Direction = direction;
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>The indicator table as CSV: one row per region, gender and year; a missing value stays empty.</summary>
    public static string ToCsv(IndicatorPageViewModel page)
    {
        var csv = new StringBuilder();
        csv.Append("indicator;region;gender;year;value\n");
        foreach (var series in page.Series)
        {
            foreach (var point in series.Points)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{page.Id};{Escape(series.Region)};{series.Gender.ToString().ToLowerInvariant()};{point.Year};");
                csv.Append(point.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append('\n');
            }
        }
        return csv.ToString();
    }

    /// <summary>The same table as an Excel workbook: one row per region and gender, one column per year, numbers as numbers.</summary>
    public static byte[] ToXlsx(IndicatorPageViewModel page, string regionHeading, Func<Gender, string> genderName)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add($"{page.Id}");
        sheet.Cell(1, 1).Value = page.Title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = $"{page.Source} · {page.Unit}";
        sheet.Cell(4, 1).Value = regionHeading;
        for (var i = 0; i < page.Years.Count; i++)
        {
            sheet.Cell(4, i + 2).Value = page.Years[i];
        }
        sheet.Row(4).Style.Font.Bold = true;
        var row = 5;
        foreach (var series in page.Series)
        {
            sheet.Cell(row, 1).Value = series.Gender == Gender.Total ? series.Region : $"{series.Region}, {genderName(series.Gender)}";
            for (var i = 0; i < series.Points.Count; i++)
            {
                if (series.Points[i].Value is { } value)
                {
                    sheet.Cell(row, i + 2).Value = value;
                }
            }
            row++;
        }
        // Fixed widths: ClosedXML 0.95 measures text through System.Drawing, which Linux servers do not have.
        sheet.Column(1).Width = 48;
        sheet.Columns(2, page.Years.Count + 1).Width = 10;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Escape(string text) =>
        text.Contains(';', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
            ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : text;

    /// <summary>
    /// A municipality sees itself, its county and the country; a county sees itself, its member municipalities and
    /// the country. Regions are matched by Sotkanet category and the organisation's official code.
    /// </summary>
    private async Task<List<(Region Region, string Kind)>> ComparisonRegionsAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var all = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var category = organisation.Kind == OrganisationKind.Municipality ? Region.Municipality : Region.County;
        var own = all.FirstOrDefault(r => r.Category == category && r.Code == organisation.OfficialCode);
        var result = new List<(Region, string)>();
        if (own is not null)
        {
            result.Add((own, "own"));
            if (organisation.Kind == OrganisationKind.Municipality)
            {
                result.AddRange(all.Where(r => r.Category == Region.County && own.MemberOfIds().Contains(r.Id)).Select(r => (r, "county")));
            }
            else
            {
                result.AddRange(all.Where(r => r.Category == Region.Municipality && r.MemberOfIds().Contains(own.Id))
                    .OrderBy(r => r.TitleFi, StringComparer.CurrentCulture).Select(r => (r, "member")));
            }
        }
        result.AddRange(all.Where(r => r.Category == Region.Country).OrderBy(r => r.Id).Take(1).Select(r => (r, "country")));
        return result;
    }
}
