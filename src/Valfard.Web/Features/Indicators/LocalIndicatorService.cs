using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

public sealed record LocalIndicatorItem(Guid Id, string Title, string Unit, int Values, int? LatestYear);

public sealed record LocalValueItem(int Year, double Value, string Source, string EnteredBy, DateTimeOffset EnteredAt);

public sealed class LocalIndicatorPage
{
    public required Guid Id { get; init; }
    public required Guid Version { get; init; }
    public required IndicatorPageViewModel Chart { get; init; }
    public required IReadOnlyList<LocalValueItem> Values { get; init; }
}

/// <summary>Indicators without a Sotkanet source: values entered by hand, each with its year and source.</summary>
public sealed class LocalIndicatorService(ValfardDbContext db, ICurrentOrganisation current, TimeProvider clock)
{
    public async Task<IReadOnlyList<LocalIndicatorItem>> ListAsync(string language, CancellationToken cancellationToken) =>
        (await db.LocalIndicators.AsNoTracking().Include(i => i.Values).ToListAsync(cancellationToken))
            .OrderBy(i => i.TitleIn(language), StringComparer.CurrentCulture)
            .Select(i => new LocalIndicatorItem(i.Id, i.TitleIn(language), i.Unit, i.Values.Count, i.Values.Count == 0 ? null : i.Values.Max(v => v.Year)))
            .ToList();

    public async Task<LocalIndicatorPage?> PageAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var indicator = await db.LocalIndicators.AsNoTracking().Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (indicator is null || organisation is null)
        {
            return null;
        }
        var values = indicator.Values.OrderBy(v => v.Year).ToList();
        var years = values.Count == 0 ? [] : Enumerable.Range(values[0].Year, values[^1].Year - values[0].Year + 1).ToList();
        var points = years.Select(y => new SeriesPoint(y, values.FirstOrDefault(v => v.Year == y)?.Value)).ToList();
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
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
                Series = values.Count == 0 ? [] : [new IndicatorSeries(organisation.NameIn(language), "own", Gender.Total, points)],
                // Typed in by hand without numerators: the unit may name a scale, but no interval can be computed, and
                // the analysis says so instead of judging.
                Analysis = values.Count == 0 ? null : IndicatorAnalysis.Analyse(
                    points.Select(p => new ObservedValue(p.Year, p.Value, null)).ToList(), [],
                    ValueScale.For(string.Empty, new LocalizedText(indicator.Unit, indicator.Unit, indicator.Unit),
                        new LocalizedText(indicator.TitleFi, indicator.TitleSv, string.Empty), []),
                    indicator.Direction, SmallNumberRule.Default),
                TrendRegion = organisation.NameIn(language),
                Downloadable = false,
            },
            Values = values.OrderByDescending(v => v.Year)
                .Select(v => new LocalValueItem(v.Year, v.Value, v.Source, names.GetValueOrDefault(v.EnteredById, "?"), v.EnteredAt)).ToList(),
        };
    }

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

    public async Task<OperationResult> RecordAsync(Guid id, int year, double? value, string? source, Guid version, Guid userId,
        CancellationToken cancellationToken)
    {
        var indicator = await db.LocalIndicators.Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Missing();
        }
        if (value is null)
        {
            return OperationResult.Fail("value", "Validation.ValueNotNumber");
        }
        db.ExpectVersion(indicator, version);
        return await db.ChangeAsync(() =>
        {
            indicator.Record(year, value.Value, source ?? string.Empty, userId, clock.GetUtcNow());
            db.ChangedThroughItsRows(indicator);
        }, cancellationToken);
    }

    public async Task<OperationResult> RemoveAsync(Guid id, int year, CancellationToken cancellationToken)
    {
        var indicator = await db.LocalIndicators.Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null || !indicator.Remove(year))
        {
            return OperationResult.Missing();
        }
        db.ChangedThroughItsRows(indicator);
        return await db.SaveAsync(cancellationToken);
    }
}
