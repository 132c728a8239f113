using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Indicators;

/// <summary>One indicator in a page of search results.</summary>
/// <param name="TitleLanguage">The language the title is in: the page's own, or another when the page's is missing.</param>
/// <param name="LatestYear">The latest year with stored values, or else the latest Sotkanet says it has (its range end).</param>
public sealed record CatalogueItem(int Id, string Title, string TitleLanguage, bool TitleIsFallback, string Source, int? LatestYear, bool HasValues);

/// <summary>One page of the catalogue, for a search or for the whole list.</summary>
public sealed class CatalogueSearchResult
{
    public required string Search { get; init; }
    public required IReadOnlyList<CatalogueItem> Items { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }

    /// <summary>True when the catalogue holds no indicators at all, whatever was searched.</summary>
    public required bool CatalogueEmpty { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int FirstOnPage => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int LastOnPage => Math.Min(Total, Page * PageSize);
}

/// <summary>An indicator just added to a set or a section, with whether it has values yet (if not, "fetch now").</summary>
public sealed record AddedIndicator(int Id, string Title, string? SetName, bool HasValues);

/// <summary>A set of the organisation's own that a search result can be added to.</summary>
public sealed record SetChoice(Guid Id, string Name);

/// <summary>
/// Searches the national indicator catalogue by words in Finnish, Swedish or English, or by id, one page at a time
/// (ADR 0020). The database does the work: the words are matched against each indicator's normalized search column,
/// counted and paged in SQL, and the latest year is looked up for the rows of the page only, each one an index seek.
/// Nothing loads the whole catalogue or its values.
/// </summary>
public sealed class IndicatorCatalogue(ValfardDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 200;
    public const int MaxWords = 10;

    /// <summary>How many years a "fetch now" asks Sotkanet for, the current one included.</summary>
    public const int FetchYears = 15;

    public async Task<CatalogueSearchResult> SearchAsync(string? search, int page, int pageSize, string language, CancellationToken cancellationToken)
    {
        search = (search ?? string.Empty).Trim();
        if (search.Length > MaxSearchLength)
        {
            search = search[..MaxSearchLength];
        }
        var words = CatalogueSearchText.Words(search).Take(MaxWords).ToList();
        var query = db.Indicators.AsNoTracking();
        foreach (var word in words)
        {
            query = query.Where(i => i.SearchText.Contains(word));
        }
        var total = await query.CountAsync(cancellationToken);
        var catalogueEmpty = total == 0 && (words.Count == 0 || !await db.Indicators.AnyAsync(cancellationToken));
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        // A number typed alone is most likely an id: that indicator comes first, the titles with the number after it.
        var exactId = words.Count == 1 && int.TryParse(words[0], out var id) ? id : -1;
        var rows = await OrderedByTitle(query.OrderBy(i => i.Id == exactId ? 0 : 1), language).ThenBy(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new
            {
                i.Id,
                i.Title.Fi,
                i.Title.Sv,
                i.Title.En,
                SourceFi = i.SourceOrganisation.Fi,
                SourceSv = i.SourceOrganisation.Sv,
                SourceEn = i.SourceOrganisation.En,
                i.RangeEnd,
            })
            .ToListAsync(cancellationToken);
        var latest = await LatestYearsAsync(rows.Select(r => r.Id).ToList(), cancellationToken);
        var items = rows.Select(r =>
        {
            var title = new LocalizedText(r.Fi, r.Sv, r.En).In(language) ?? ($"#{r.Id}", language);
            var year = latest.GetValueOrDefault(r.Id);
            return new CatalogueItem(r.Id, title.Text, title.Language, title.Language != language,
                new LocalizedText(r.SourceFi, r.SourceSv, r.SourceEn).Pick(language), year ?? r.RangeEnd, year is not null);
        }).ToList();
        return new CatalogueSearchResult
        {
            Search = search,
            Items = items,
            Total = total,
            Page = page,
            PageSize = pageSize,
            CatalogueEmpty = catalogueEmpty,
        };
    }

    /// <summary>The page's language orders the list; an indicator without a title in it sorts by its Finnish one.</summary>
    private static IOrderedQueryable<Indicator> OrderedByTitle(IOrderedQueryable<Indicator> query, string language) => language switch
    {
        "sv" => query.ThenBy(i => i.Title.Sv != string.Empty ? i.Title.Sv : i.Title.Fi),
        "en" => query.ThenBy(i => i.Title.En != string.Empty ? i.Title.En : i.Title.Fi),
        _ => query.ThenBy(i => i.Title.Fi != string.Empty ? i.Title.Fi : i.Title.Sv),
    };

    /// <summary>
    /// The latest year with values of each of a few indicators: MAX(Year) per indicator as a correlated subquery, which
    /// the (IndicatorId, Year) index answers with one seek each.
    /// </summary>
    private async Task<Dictionary<int, int?>> LatestYearsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, Year = db.IndicatorValues.Where(v => v.IndicatorId == i.Id).Max(v => (int?)v.Year) })
            .ToDictionaryAsync(r => r.Id, r => r.Year, cancellationToken);
    }

    /// <summary>The organisation's own sets, to add a result to; the query filter keeps them the organisation's.</summary>
    public async Task<IReadOnlyList<SetChoice>> OwnSetsAsync(CancellationToken cancellationToken) =>
        (await db.IndicatorSets.AsNoTracking().Select(s => new SetChoice(s.Id, s.Name)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>What the page says about an indicator just added; null when it is not in the catalogue.</summary>
    public async Task<AddedIndicator?> AddedAsync(int id, Guid? setId, string language, CancellationToken cancellationToken)
    {
        var title = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Title.Fi, i.Title.Sv, i.Title.En }).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }
        var setName = setId is { } set ? await db.IndicatorSets.AsNoTracking().Where(s => s.Id == set).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return new AddedIndicator(id, new LocalizedText(title.Fi, title.Sv, title.En).Pick(language), setName, await HasValuesAsync(id, cancellationToken));
    }

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.Indicators.AnyAsync(i => i.Id == id, cancellationToken);

    public Task<bool> HasValuesAsync(int id, CancellationToken cancellationToken) =>
        db.IndicatorValues.AnyAsync(v => v.IndicatorId == id, cancellationToken);

    /// <summary>The years a "fetch now" asks for: the last <see cref="FetchYears"/>, this one included.</summary>
    public IReadOnlyList<int> FetchWindow()
    {
        var thisYear = clock.GetUtcNow().Year;
        return Enumerable.Range(thisYear - FetchYears + 1, FetchYears).ToList();
    }
}
