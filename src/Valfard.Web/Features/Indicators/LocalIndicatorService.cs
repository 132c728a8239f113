using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

public sealed record LocalIndicatorItem(Guid Id, string Title, string Unit, int Values, int? LatestYear);

public sealed record LocalValueItem(int Year, Guid? DistrictId, string Area, double Value, double? Count, double? Denominator, string Source,
    string EnteredBy, DateTimeOffset EnteredAt);

/// <summary>A district's latest value against the whole municipality; null comparison when it has no value.</summary>
public sealed record DistrictRow(Guid Id, string Name, DistrictComparison? Comparison);

public sealed record DistrictChoice(Guid Id, string Name);

/// <summary>An own indicator's districts that have values, each compared with the whole municipality.</summary>
public sealed record LocalDistrictSummary(Guid Id, string Title, string Unit, IReadOnlyList<DistrictRow> Districts);

public sealed class LocalIndicatorPage
{
    public required Guid Id { get; init; }
    public required Guid Version { get; init; }
    public required IndicatorPageViewModel Chart { get; init; }
    public required IReadOnlyList<LocalValueItem> Values { get; init; }

    /// <summary>Each district with its comparison with the whole municipality; empty when the organisation has no districts.</summary>
    public required IReadOnlyList<DistrictRow> Districts { get; init; }
    public required IReadOnlyList<DistrictChoice> DistrictChoices { get; init; }

    /// <summary>What kind of number the unit names: a share or a rate can be compared by district, a count cannot.</summary>
    public required ValueKind Kind { get; init; }
    public required int MinimumEvents { get; init; }
}

/// <summary>Indicators without a Sotkanet source: values entered by hand, each with its year and source.</summary>
public sealed class LocalIndicatorService(ValfardDbContext db, ICurrentOrganisation current, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<StatisticsOptions> statistics)
{
    public async Task<IReadOnlyList<LocalIndicatorItem>> ListAsync(string language, CancellationToken cancellationToken) =>
        (await db.LocalIndicators.AsNoTracking().Include(i => i.Values).ToListAsync(cancellationToken))
            .OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new LocalIndicatorItem(i.Id, i.TitleIn(language), i.Unit, i.Values.Count, i.Values.Count == 0 ? null : i.Values.Max(v => v.Year)))
            .ToList();

    /// <summary>Every own indicator with its districts compared with the whole municipality, for the overview's group view.</summary>
    public async Task<IReadOnlyList<LocalDistrictSummary>> DistrictSummariesAsync(string language, CancellationToken cancellationToken)
    {
        var districts = (await db.Districts.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(d => d.NameIn(language), StringComparer.CurrentCulture).ToList();
        if (districts.Count == 0)
        {
            return [];
        }
        var rule = statistics.Value.SmallNumberRule;
        var indicators = await db.LocalIndicators.AsNoTracking().Include(i => i.Values).ToListAsync(cancellationToken);
        return indicators.Where(i => i.Values.Any(v => v.DistrictId is not null))
            .OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new LocalDistrictSummary(i.Id, i.TitleIn(language), i.Unit,
                DistrictRows(i, districts, language, rule).Where(r => r.Comparison is not null).ToList()))
            .ToList();
    }

    public async Task<LocalIndicatorPage?> PageAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var indicator = await db.LocalIndicators.AsNoTracking().Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (indicator is null || organisation is null)
        {
            return null;
        }
        // The chart, the interval and the trend are the whole municipality's; districts are compared with it below.
        var values = indicator.Values.Where(v => v.DistrictId is null).OrderBy(v => v.Year).ToList();
        var years = values.Count == 0 ? [] : Enumerable.Range(values[0].Year, values[^1].Year - values[0].Year + 1).ToList();
        var points = years.Select(y => values.FirstOrDefault(v => v.Year == y) is { } v
            ? new SeriesPoint(y, v.Value, v.Count)
            : new SeriesPoint(y, null)).ToList();
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var districts = (await db.Districts.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(d => d.NameIn(language), StringComparer.CurrentCulture).ToList();
        var scale = ScaleOf(indicator);
        var rule = statistics.Value.SmallNumberRule;
        var municipality = organisation.NameIn(language);
        return new LocalIndicatorPage
        {
            Id = indicator.Id,
            Version = indicator.Version,
            Chart = new IndicatorPageViewModel
            {
                Id = 0,
                Title = indicator.TitleIn(language),
                Unit = indicator.Unit,
                // Entered by hand, with no stated precision: shown as entered.
                Decimals = null,
                Direction = indicator.Direction,
                Source = string.Join("; ", values.Select(v => v.Source).Distinct()),
                Years = years,
                Series = values.Count == 0 ? [] : [new IndicatorSeries(municipality, "own", Gender.Total, points)],
                // Typed in by hand: an interval only where the count was entered with the value, and the analysis
                // says so instead of judging where it was not.
                Analysis = values.Count == 0 ? null : IndicatorAnalysis.Analyse(
                    points.Select(p => new ObservedValue(p.Year, p.Value, p.AbsValue)).ToList(), [], scale, indicator.Direction, rule),
                TrendRegion = municipality,
                Downloadable = false,
            },
            Values = indicator.Values.OrderByDescending(v => v.Year).ThenBy(v => v.DistrictId is null ? 0 : 1)
                .ThenBy(v => AreaName(v.DistrictId, districts, language, municipality), StringComparer.CurrentCulture)
                .Select(v => new LocalValueItem(v.Year, v.DistrictId, AreaName(v.DistrictId, districts, language, municipality), v.Value, v.Count,
                    v.Denominator, v.Source, names.GetValueOrDefault(v.EnteredById, "?"), v.EnteredAt)).ToList(),
            Districts = DistrictRows(indicator, districts, language, rule),
            DistrictChoices = districts.Select(d => new DistrictChoice(d.Id, d.NameIn(language))).ToList(),
            Kind = scale.Kind,
            MinimumEvents = rule.Minimum,
        };
    }

    /// <summary>The scale the unit names ("%", "/ 1 000 asukasta"), read as for a Sotkanet indicator.</summary>
    internal static ValueScale ScaleOf(LocalIndicator indicator) =>
        ValueScale.For(string.Empty, new LocalizedText(indicator.Unit, indicator.Unit, indicator.Unit),
            new LocalizedText(indicator.TitleFi, indicator.TitleSv, string.Empty), []);

    /// <summary>Each district's latest value against the whole municipality's value of the same year.</summary>
    private static List<DistrictRow> DistrictRows(LocalIndicator indicator, IReadOnlyList<District> districts, string language, SmallNumberRule rule)
    {
        var scale = ScaleOf(indicator);
        var whole = indicator.Values.Where(v => v.DistrictId is null).Select(Observation).ToList();
        return districts.Select(d => new DistrictRow(d.Id, d.NameIn(language), DistrictComparison.Of(
            indicator.Values.Where(v => v.DistrictId == d.Id).Select(Observation).ToList(), whole, scale, indicator.Direction, rule))).ToList();
    }

    internal static AreaObservation Observation(LocalIndicatorValue value) => new(value.Year, value.Value, value.Count, value.Denominator);

    private static string AreaName(Guid? districtId, IReadOnlyList<District> districts, string language, string municipality) =>
        districtId is null ? municipality : districts.FirstOrDefault(d => d.Id == districtId)?.NameIn(language) ?? "?";

    public async Task<(OperationResult Result, Guid? Id)> CreateAsync(string? titleFi, string? titleSv, string? unit, IndicatorDirection direction,
        CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return (OperationResult.Missing(), null);
        }
        var id = Guid.NewGuid();
        var result = await db.ChangeAsync(() => db.LocalIndicators.Add(
            new LocalIndicator(id, organisationId, titleFi ?? string.Empty, titleSv ?? string.Empty, unit ?? string.Empty, direction)), cancellationToken);
        return (result, result.Succeeded ? id : null);
    }

    public async Task<OperationResult> RecordAsync(Guid id, LocalValueForm form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var indicator = await db.LocalIndicators.Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Missing();
        }
        if (form.Value is null)
        {
            return OperationResult.Fail("value", "Validation.ValueNotNumber");
        }
        if (form.CountGiven && form.Count is null)
        {
            return OperationResult.Fail("count", "Validation.CountNotValid");
        }
        if (form.DenominatorGiven && form.Denominator is null)
        {
            return OperationResult.Fail("denominator", "Validation.DenominatorNotValid");
        }
        // The district must be the organisation's own: the tenant filter hides every other one.
        if (form.DistrictId is { } districtId && !await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken))
        {
            return OperationResult.Fail("district", "Validation.DistrictUnknown");
        }
        db.ExpectVersion(indicator, form.Version);
        return await db.ChangeAsync(() =>
        {
            indicator.Record(form.Year, form.DistrictId, form.Value.Value, form.Count, form.Denominator, form.Source ?? string.Empty, userId,
                clock.GetUtcNow());
            db.ChangedThroughItsRows(indicator);
        }, cancellationToken);
    }

    public async Task<OperationResult> RemoveAsync(Guid id, int year, Guid? districtId, CancellationToken cancellationToken)
    {
        var indicator = await db.LocalIndicators.Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null || !indicator.Remove(year, districtId))
        {
            return OperationResult.Missing();
        }
        db.ChangedThroughItsRows(indicator);
        return await db.SaveAsync(cancellationToken);
    }
}

/// <summary>A value as typed: the numbers already read (null where not a number), and whether count and denominator were filled in.</summary>
public sealed record LocalValueForm(int Year, Guid? DistrictId, double? Value, double? Count, bool CountGiven, double? Denominator, bool DenominatorGiven,
    string? Source, Guid Version);
