using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

/// <summary>Reads the catalogue for the signed-in organisation: its own region against its county and the whole country.</summary>
public sealed class IndicatorService(ValfardDbContext db, ICurrentOrganisation current, IOptions<StatisticsOptions> statistics,
    AgeGroupService ageGroups)
{
    /// <param name="chosenRegions">Regions of any category to show besides the organisation's own comparison.</param>
    public async Task<IndicatorPageViewModel?> PageAsync(int id, string language, IReadOnlyList<int> chosenRegions, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync([id], language, chosenRegions, cancellationToken);
        if (pages.Count == 0)
        {
            return null;
        }
        // Every region the indicator has values for can be added, whatever its category (EUROOPPA, POHJOISMAAT, …).
        var withValues = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id).Select(v => v.RegionId).Distinct()
            .ToListAsync(cancellationToken);
        var choices = (await db.Regions.AsNoTracking().Where(r => withValues.Contains(r.Id)).ToListAsync(cancellationToken))
            .OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.TitleIn(language), StringComparer.CurrentCulture)
            .Select(r => new RegionChoice(r.Id, ChosenLabel(r, language), chosenRegions.Contains(r.Id))).ToList();
        var page = pages[0];
        var byAge = await ageGroups.ForAsync([id], language, cancellationToken);
        return new IndicatorPageViewModel
        {
            Id = page.Id,
            Title = page.Title,
            Interpretation = page.Interpretation,
            Details = page.Details,
            HasFullMetadata = page.HasFullMetadata,
            Unit = page.Unit,
            Decimals = page.Decimals,
            Direction = page.Direction,
            Source = page.Source,
            Years = page.Years,
            Series = page.Series,
            Analysis = page.Analysis,
            TrendRegion = page.TrendRegion,
            RegionChoices = choices,
            AgeGroups = byAge.GetValueOrDefault(id),
        };
    }

    /// <summary>
    /// Several indicators for one page (a report section shows a few): the organisation's regions are worked out once
    /// and the values of all the indicators come in one query.
    /// </summary>
    public Task<IReadOnlyList<IndicatorPageViewModel>> PagesAsync(IReadOnlyList<int> ids, string language, CancellationToken cancellationToken) =>
        PagesAsync(ids, language, [], cancellationToken);

    private async Task<IReadOnlyList<IndicatorPageViewModel>> PagesAsync(IReadOnlyList<int> ids, string language, IReadOnlyList<int> chosenRegions,
        CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null || ids.Count == 0)
        {
            return [];
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var regions = await ComparisonRegionsAsync(organisation, cancellationToken);
        if (chosenRegions.Count > 0)
        {
            var shown = regions.Select(r => r.Region.Id).ToHashSet();
            var chosen = await db.Regions.AsNoTracking().Where(r => chosenRegions.Contains(r.Id)).ToListAsync(cancellationToken);
            regions.AddRange(chosen.Where(r => !shown.Contains(r.Id)).OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Id)
                .Select(r => (r, "chosen")));
        }
        // The comparison municipalities are judged against as one median, not drawn as lines of their own.
        var peers = await db.PeerGroups.AsNoTracking().SelectMany(g => g.Members.Select(m => m.RegionId)).ToListAsync(cancellationToken);
        var regionIds = regions.Select(r => r.Region.Id).ToList();
        var peerIds = peers.Except(regionIds).ToList();
        var shownValues = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && regionIds.Contains(v.RegionId)).ToListAsync(cancellationToken);
        // Peers are judged by their totals only: reading their genders too would triple the rows of an overview.
        var peerValues = peerIds.Count == 0
            ? []
            : await db.IndicatorValues.AsNoTracking()
                .Where(v => ids.Contains(v.IndicatorId) && peerIds.Contains(v.RegionId) && v.Gender == Gender.Total).ToListAsync(cancellationToken);
        var values = shownValues.Concat(peerValues).ToLookup(v => v.IndicatorId);
        return ids.Where(indicators.ContainsKey)
            .Select(id => Build(indicators[id], regions, peers, values[id].ToList(), language, statistics.Value.SmallNumberRule)).ToList();
    }

    /// <summary>A chosen region is named with its category and code: Finland is 246 both in EUROOPPA and in POHJOISMAAT.</summary>
    private static string ChosenLabel(Region region, string language) => $"{region.TitleIn(language)} ({region.Category} {region.Code})";

    private static IndicatorPageViewModel Build(Indicator indicator, List<(Region Region, string Kind)> regions, IReadOnlyList<int> peers,
        List<IndicatorValue> values, string language, SmallNumberRule smallNumbers)
    {
        var scale = ValueScale.For(indicator);
        var shownRegions = regions.Select(r => r.Region.Id).ToHashSet();
        var peerSeries = peers.Select(peer => (IReadOnlyList<ObservedValue>)values
            .Where(v => v.RegionId == peer && v.Gender == Gender.Total).Select(v => new ObservedValue(v.Year, v.Value, v.AbsValue)).ToList()).ToList();
        values = values.Where(v => shownRegions.Contains(v.RegionId)).ToList();
        var years = values.Select(v => v.Year).Distinct().Order().ToList();
        // The data decides the genders: Sotkanet's classification is often empty even when the values are by sex,
        // and some indicators are about women or men only.
        var genders = values.Select(v => v.Gender).Distinct().OrderBy(g => g switch { Gender.Total => 0, Gender.Female => 1, _ => 2 }).ToList();
        // One row per region, year and gender (the table's key), so a dictionary finds each point at once: an
        // overview builds 150 of these pages in one request.
        var byPoint = values.ToDictionary(v => (v.RegionId, v.Year, v.Gender));
        var series = new List<IndicatorSeries>();
        foreach (var gender in genders)
        {
            foreach (var (region, kind) in regions)
            {
                var points = years.Select(y => byPoint.TryGetValue((region.Id, y, gender), out var found)
                    ? new SeriesPoint(y, found.Value, found.AbsValue)
                    : new SeriesPoint(y, null)).ToList();
                if (points.Any(p => p.Value is not null))
                {
                    series.Add(new IndicatorSeries(kind == "chosen" ? ChosenLabel(region, language) : region.TitleIn(language), kind, gender, points));
                }
            }
        }
        var own = series.FirstOrDefault(s => s.RegionKind == "own" && s.Gender == Gender.Total);
        return new IndicatorPageViewModel
        {
            Id = indicator.Id,
            Title = indicator.TitleIn(language),
            Interpretation = IndicatorText.From(indicator.Interpretation, language),
            Details = new IndicatorDetails
            {
                Description = IndicatorText.From(indicator.Description, language),
                Limits = IndicatorText.From(indicator.Limits, language),
                Legislation = IndicatorText.From(indicator.Legislation, language),
                Notices = IndicatorText.From(indicator.Notices, language),
                Sources = indicator.Sources.Select(s => new IndicatorSourceItem(s.Title.Pick(language), s.Organisation.Pick(language),
                    IndicatorText.From(s.Description, language))).ToList(),
                Subjects = indicator.Subjects.Select(s => s.Pick(language)).Where(s => s.Length > 0).ToList(),
                UnitCode = indicator.UnitCode,
                Age = indicator.Age.Title.Pick(language),
                Sex = indicator.Sex.Title.Pick(language),
                DataUpdated = indicator.DataUpdated,
                RangeStart = indicator.RangeStart,
                RangeEnd = indicator.RangeEnd,
            },
            HasFullMetadata = indicator.HasFullMetadata,
            Unit = indicator.Unit.Pick(language),
            Decimals = indicator.Decimals,
            Direction = indicator.Direction,
            Source = indicator.SourceOrganisation.Pick(language),
            Years = years,
            Series = series,
            Analysis = own is null ? null : Analyse(own, series, peerSeries, scale, indicator.Direction, smallNumbers) with
            {
                Gender = GenderGapOf(series, scale, indicator.Direction, smallNumbers),
            },
            TrendRegion = own?.Region,
        };
    }

    /// <summary>
    /// The own area's latest value against the county (for a municipality) and the whole country, totals only: the
    /// members of a county and regions chosen on the page are shown, not judged.
    /// </summary>
    internal static IndicatorAnalysis Analyse(IndicatorSeries own, IReadOnlyList<IndicatorSeries> series,
        IReadOnlyList<IReadOnlyList<ObservedValue>> peers, ValueScale scale, IndicatorDirection direction, SmallNumberRule smallNumbers)
    {
        var benchmarks = series.Where(s => s.Gender == Gender.Total && s.RegionKind is "county" or "country")
            .Select(s => new BenchmarkSeries(s.RegionKind, s.Region, Observed(s))).ToList();
        if (peers.Count > 0)
        {
            // Named on the page in its language ("vertailukunnat"), so the frozen snapshot keeps no wording.
            benchmarks.Add(BenchmarkSeries.PeerMedian(string.Empty, peers));
        }
        return IndicatorAnalysis.Analyse(Observed(own), benchmarks, scale, direction, smallNumbers);
    }

    private static List<ObservedValue> Observed(IndicatorSeries series) =>
        series.Points.Select(p => new ObservedValue(p.Year, p.Value, p.AbsValue)).ToList();

    /// <summary>The own area's women against its men, when the values are given by gender.</summary>
    private static GenderGap? GenderGapOf(IReadOnlyList<IndicatorSeries> series, ValueScale scale, IndicatorDirection direction, SmallNumberRule rule)
    {
        var female = series.FirstOrDefault(s => s.RegionKind == "own" && s.Gender == Gender.Female);
        var male = series.FirstOrDefault(s => s.RegionKind == "own" && s.Gender == Gender.Male);
        return female is null || male is null ? null : GenderGap.Of(Observed(female), Observed(male), scale, direction, rule);
    }

    /// <summary>The indicator table as CSV: one row per region, gender and year; a missing value stays empty.</summary>
    public static byte[] ToCsv(IndicatorPageViewModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = page.Id.ToString(CultureInfo.InvariantCulture);
        return SpreadsheetText.Csv(["indicator", "region", "gender", "year", "value"],
            from series in page.Series
            from point in series.Points
            select (IReadOnlyList<string>)[id, series.Region, series.Gender.ToString().ToLowerInvariant(),
                point.Year.ToString(CultureInfo.InvariantCulture), point.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty]);
    }

    /// <summary>The same table as an Excel workbook: one row per region and gender, one column per year, numbers as numbers.</summary>
    public static byte[] ToXlsx(IndicatorPageViewModel page, string regionHeading, Func<Gender, string> genderName)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add($"{page.Id}");
        SpreadsheetText.WriteText(sheet.Cell(1, 1), page.Title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        SpreadsheetText.WriteText(sheet.Cell(2, 1), $"{page.Source} · {page.Unit}");
        SpreadsheetText.WriteText(sheet.Cell(4, 1), regionHeading);
        for (var i = 0; i < page.Years.Count; i++)
        {
            sheet.Cell(4, i + 2).Value = page.Years[i];
        }
        sheet.Row(4).Style.Font.Bold = true;
        var row = 5;
        foreach (var series in page.Series)
        {
            SpreadsheetText.WriteText(sheet.Cell(row, 1), series.Gender == Gender.Total ? series.Region : $"{series.Region}, {genderName(series.Gender)}");
            for (var i = 0; i < series.Points.Count; i++)
            {
                if (series.Points[i].Value is { } value)
                {
                    var cell = sheet.Cell(row, i + 2);
                    cell.Value = value;
                    // The indicator's own decimals, or as many as the value has: never rounded to a whole number.
                    var decimals = page.Decimals ?? IndicatorNumber.DecimalsAsGiven(value);
                    cell.Style.NumberFormat.Format = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
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

    /// <summary>
    /// A municipality sees itself, its county and the country; a county sees itself, its member municipalities and
    /// the country. Regions are matched by Sotkanet category and the organisation's official code.
    /// </summary>
    private async Task<List<(Region Region, string Kind)>> ComparisonRegionsAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var all = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var category = PeerService.CategoryOf(organisation.Kind);
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
