using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Assessments;

/// <summary>
/// What an assessment may link to: the indicators of the organisation's sets (with their latest value and the same
/// verdicts the indicator pages give) and the goals of its welfare plans.
/// </summary>
public sealed class AssessmentEvidence(ValfardDbContext db, IndicatorService indicators, IndicatorSetService sets)
{
    public async Task<IReadOnlyList<Choice>> IndicatorChoicesAsync(IEnumerable<int> alsoIds, string language, CancellationToken cancellationToken)
    {
        var choices = new List<Choice>();
        var shown = new HashSet<int>();
        foreach (var set in await sets.ListAsync(language, cancellationToken))
        {
            foreach (var member in set.Members.Where(m => shown.Add(m.IndicatorId)))
            {
                choices.Add(new Choice(member.IndicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture), member.Title, set.Name));
            }
        }
        // An indicator linked before it left every set stays choosable, so saving the form does not drop it unseen.
        var extra = alsoIds.Where(id => !shown.Contains(id)).Distinct().ToList();
        var titles = (await db.Indicators.AsNoTracking().Where(i => extra.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id, i => i.Title.Pick(language));
        foreach (var id in extra.Where(titles.ContainsKey))
        {
            choices.Add(new Choice(id.ToString(System.Globalization.CultureInfo.InvariantCulture), titles[id], string.Empty));
        }
        return choices;
    }

    public async Task<IReadOnlyList<Choice>> GoalChoicesAsync(string language, CancellationToken cancellationToken)
    {
        var plans = (await db.Plans.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(p => p.CreatedAt).ToList();
        var goals = await db.Goals.AsNoTracking().ToListAsync(cancellationToken);
        return plans.SelectMany(p => goals.Where(g => g.PlanId == p.Id).OrderBy(g => g.Position)
            .Select(g => new Choice(g.Id.ToString(), $"{g.Code} {g.TitleIn(language)}", p.TitleIn(language)))).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GoalNamesAsync(IEnumerable<Guid> ids, string language, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Goals.AsNoTracking().Where(g => wanted.Contains(g.Id)).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Id, g => $"{g.Code} {g.TitleIn(language)}");
    }

    /// <summary>Each indicator's latest own value with the verdicts and trend of <see cref="IndicatorService"/>, in the given order.</summary>
    public async Task<IReadOnlyDictionary<int, (IndicatorEvidence Evidence, IndicatorPageViewModel Page)>> IndicatorsAsync(IEnumerable<int> ids,
        string language, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, (IndicatorEvidence, IndicatorPageViewModel)>();
        }
        var culture = Cultures.FormattingCulture(language);
        var pages = await indicators.PagesAsync(wanted, language, cancellationToken);
        return pages.ToDictionary(p => p.Id, p =>
        {
            var analysis = p.Analysis;
            var value = analysis?.Value is { } v ? p.Format(v, culture) : null;
            var verdicts = analysis?.Comparisons.Select(c => new VerdictView(c.Kind, c.Name, VerdictSymbols.For(c.Result.Outcome), c.Result.ResourceKey)).ToList()
                ?? [];
            var evidence = new IndicatorEvidence(p.Id, p.Title, value, analysis?.Year, p.Unit, verdicts, analysis?.Trend.ResourceKey,
                VerdictSymbols.For(analysis?.Trend));
            return (evidence, p);
        });
    }

    /// <summary>The own area's values from the year before the decision on, and the change since then in words.</summary>
    public static FollowUpDevelopment Development(IndicatorEvidence evidence, IndicatorPageViewModel page, int decisionYear, string language)
    {
        var culture = Cultures.FormattingCulture(language);
        var own = page.Series.FirstOrDefault(s => s.RegionKind == "own" && s.Gender == Gender.Total);
        var points = own?.Points.Where(p => p.Value is not null).OrderBy(p => p.Year).ToList() ?? [];
        var baseline = points.LastOrDefault(p => p.Year < decisionYear);
        var since = points.Where(p => p.Year >= (baseline?.Year ?? decisionYear)).ToList();
        var values = since.Select(p => (p.Year, page.Format(p.Value!.Value, culture))).ToList();
        string? change = null;
        if (baseline is not null && since.LastOrDefault() is { } latest && latest.Year > baseline.Year)
        {
            var delta = latest.Value!.Value - baseline.Value!.Value;
            change = (delta > 0 ? "+" : delta < 0 ? "−" : "±") + page.Format(Math.Abs(delta), culture);
        }
        return new FollowUpDevelopment(evidence, values, change);
    }
}
