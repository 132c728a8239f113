using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Reports;

/// <summary>
/// Joys and concerns from evidence (issue 15 §5, ADR 0022): the candidates the suggestion rule finds among the
/// organisation's indicator sets, accepting one as an observation with its evidence as of today, rejecting one for
/// the report, linking more indicators to an observation, and reading saved evidence against today's data.
/// </summary>
public sealed class EvidenceService(
    ValfardDbContext db,
    IndicatorService indicators,
    IndicatorSetService sets,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Everything the joys-and-concerns page shows besides its add form.</summary>
    public async Task<ObservationsPageViewModel> PageAsync(Guid reportId, IReadOnlyList<ObservationItem> items, string language,
        CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var editable = report?.Status == ReportStatus.Draft;
        var observations = await db.Observations.AsNoTracking().Include(o => o.Indicators).Where(o => o.ReportId == reportId).ToListAsync(cancellationToken);
        var ownSets = editable ? await sets.ListAsync(language, cancellationToken) : [];
        var setIds = SetIndicatorIds(ownSets);
        // One read of today's figures for both the candidates and the saved evidence: they are mostly the same indicators.
        var pages = (await indicators.PagesAsync(setIds.Union(observations.SelectMany(o => o.Indicators).Select(e => e.IndicatorId)).ToList(),
            language, cancellationToken)).ToDictionary(p => p.Id);
        return new ObservationsPageViewModel
        {
            Items = items,
            Evidence = Evidence(observations, pages, language),
            Candidates = editable ? await CandidatesAsync(reportId, setIds.Where(pages.ContainsKey).Select(id => pages[id]), observations, cancellationToken) : [],
            IndicatorChoices = ownSets.SelectMany(s => s.Members).DistinctBy(m => m.IndicatorId)
                .Select(m => (m.IndicatorId, m.Title)).OrderBy(m => m.Title, StringComparer.CurrentCulture).ToList(),
            Editable = editable,
        };
    }

    /// <summary>The organisation's own sets' indicators (the tenant filter keeps them to it), in the order the sets list them.</summary>
    private static List<int> SetIndicatorIds(IReadOnlyList<IndicatorSetItem> ownSets) =>
        ownSets.SelectMany(s => s.Members.Select(m => m.IndicatorId)).Distinct().ToList();

    /// <summary>The candidates for a draft or any report of the organisation; null when the report is not the organisation's.</summary>
    public async Task<IReadOnlyList<CandidateItem>?> CandidatesAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        if (!await db.Reports.AnyAsync(r => r.Id == reportId, cancellationToken))
        {
            return null;
        }
        var observations = await db.Observations.AsNoTracking().Include(o => o.Indicators).Where(o => o.ReportId == reportId).ToListAsync(cancellationToken);
        var pages = await indicators.PagesAsync(SetIndicatorIds(await sets.ListAsync(language, cancellationToken)), language, cancellationToken);
        return await CandidatesAsync(reportId, pages, observations, cancellationToken);
    }

    private async Task<IReadOnlyList<CandidateItem>> CandidatesAsync(Guid reportId, IEnumerable<IndicatorPageViewModel> pages,
        IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        var rejections = await db.CandidateRejections.AsNoTracking().Where(r => r.ReportId == reportId).ToListAsync(cancellationToken);
        var linked = observations.SelectMany(o => o.Indicators.Select(e => (o.Kind, e.IndicatorId))).ToHashSet();
        var candidates = new List<CandidateItem>();
        foreach (var page in pages)
        {
            var reading = EvidenceRule.Read(page.Analysis, page.Direction);
            if (reading.Kind is not { } kind || page.Analysis?.Year is not { } year)
            {
                continue;
            }
            // Already behind an observation of the same kind, or turned down on this year's data: not offered again.
            if (linked.Contains((kind, page.Id)) || rejections.Any(r => r.Covers(page.Id, kind, year)))
            {
                continue;
            }
            candidates.Add(new CandidateItem(page, kind, reading.Benchmarks, year));
        }
        return candidates.OrderBy(c => c.Kind == ObservationKind.Concern ? 0 : 1).ToList();
    }

    /// <summary>
    /// The accept form: kind and text prefilled from the indicator's title and verdicts in Finnish and Swedish. An
    /// indicator the rule does not pick may still be proposed by hand; then the kind is the user's choice.
    /// </summary>
    public async Task<AcceptCandidateViewModel?> AcceptFormAsync(Guid reportId, int indicatorId, ObservationKind? kind, string language,
        CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var pages = await PagesInBothAsync(indicatorId, cancellationToken);
        if (pages is null)
        {
            return null;
        }
        var shown = language == Cultures.Swedish ? pages.Value.Sv : pages.Value.Fi;
        var reading = EvidenceRule.Read(pages.Value.Fi.Analysis, pages.Value.Fi.Direction);
        var chosen = kind ?? reading.Kind ?? ObservationKind.Concern;
        return new AcceptCandidateViewModel
        {
            ReportId = reportId,
            ReportTitle = report.TitleIn(language),
            Bilingual = report.TitleSv.Length > 0,
            IndicatorId = indicatorId,
            Page = shown,
            Reading = reading,
            Kind = chosen,
            TextFi = Prefill(pages.Value.Fi, chosen, Cultures.Finnish),
            TextSv = Prefill(pages.Value.Sv, chosen, Cultures.Swedish),
        };
    }

    /// <summary>Creates the observation with the indicator's evidence as it stands now, computed again here, not taken from the form.</summary>
    public async Task<OperationResult> AcceptAsync(AcceptCandidateViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == form.ReportId, cancellationToken);
        if (report is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft)
        {
            return OperationResult.Fail(null, "Reports.NotEditable");
        }
        if (form.LifeStage is not { } lifeStage)
        {
            return OperationResult.Fail(nameof(form.LifeStage), "Validation.LifeStageRequired");
        }
        var capture = await CaptureAsync(form.IndicatorId, cancellationToken);
        if (capture is null)
        {
            return OperationResult.Missing();
        }
        try
        {
            var observation = new Observation(Guid.NewGuid(), report.Id, report.OrganisationId, form.Kind, lifeStage,
                form.TextFi ?? string.Empty, form.TextSv ?? string.Empty, string.Empty, userId, clock.GetUtcNow());
            observation.LinkIndicator(capture, userId, clock.GetUtcNow());
            db.Observations.Add(observation);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(report.OrganisationId, report.Id, userId, "Observation.Accepted",
            $"{form.Kind}: {form.TextFi ?? form.TextSv} (#{form.IndicatorId}, {capture.Year})");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Turns a candidate down for this report and the year of data it rests on; a newer year brings it back.</summary>
    public async Task<OperationResult> RejectAsync(Guid reportId, int indicatorId, ObservationKind kind, string? reason, Guid userId,
        CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft)
        {
            return OperationResult.Fail(null, "Reports.NotEditable");
        }
        var pages = await indicators.PagesAsync([indicatorId], Cultures.Finnish, cancellationToken);
        if (pages.Count == 0)
        {
            return OperationResult.Missing();
        }
        if (pages is not [{ Analysis.Year: { } year }, ..])
        {
            // Nothing to reject: without a value there is no candidate, and a rejection needs the year it holds for.
            return OperationResult.Fail(null, "Evidence.Gap.NoData");
        }
        try
        {
            db.CandidateRejections.Add(new CandidateRejection(Guid.NewGuid(), report.Id, report.OrganisationId, indicatorId, kind, year, reason,
                userId, clock.GetUtcNow()));
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(report.OrganisationId, report.Id, userId, "Candidate.Rejected", $"{kind}: #{indicatorId} ({year}) {reason?.Trim()}");
        // A second rejection of the same candidate at once meets the unique index and is answered as stale.
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Adds an indicator, with its evidence as of today, to an observation (also one written by hand).</summary>
    public async Task<OperationResult> LinkAsync(Guid reportId, Guid observationId, int indicatorId, Guid userId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var observation = await db.Observations.Include(o => o.Indicators)
            .FirstOrDefaultAsync(o => o.Id == observationId && o.ReportId == reportId, cancellationToken);
        if (report is null || observation is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft)
        {
            return OperationResult.Fail(null, "Reports.NotEditable");
        }
        var capture = await CaptureAsync(indicatorId, cancellationToken);
        if (capture is null)
        {
            return OperationResult.Fail("IndicatorId", "Validation.IndicatorUnknown");
        }
        try
        {
            observation.LinkIndicator(capture, userId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        db.ChangedThroughItsRows(observation);
        audit.Record(report.OrganisationId, report.Id, userId, "Observation.IndicatorLinked", $"{observation.Kind}: {observation.TextFi} (#{indicatorId}, {capture.Year})");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>The organisation's draft reports, newest first: where an indicator page can propose a joy or a concern.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> DraftReportsAsync(string language, CancellationToken cancellationToken) =>
        (await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Draft).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.CreatedAt).Select(r => (r.Id, r.TitleIn(language))).ToList();

    /// <summary>
    /// Each observation's saved evidence beside what today's data say: the saved analysis is shown as it was; the
    /// rule is applied again to the current analysis to say whether it still supports the observation.
    /// </summary>
    private static Dictionary<Guid, IReadOnlyList<EvidenceItem>> Evidence(IReadOnlyList<Observation> observations,
        IReadOnlyDictionary<int, IndicatorPageViewModel> current, string language)
    {
        return observations.ToDictionary(o => o.Id, o => (IReadOnlyList<EvidenceItem>)o.Indicators.OrderBy(e => e.CapturedAt).Select(e =>
        {
            var now = current.GetValueOrDefault(e.IndicatorId);
            var (support, gap) = EvidenceRule.Supports(o.Kind, now?.Analysis, now?.Direction ?? Domain.Indicators.IndicatorDirection.Neutral);
            return new EvidenceItem(e.Id, e.IndicatorId, SavedPage(e, language), e.CapturedAt, support, gap, now?.Analysis?.Year);
        }).ToList());
    }

    /// <summary>The saved evidence as a page model, so the one analysis partial shows it; the JSON is read as saved.</summary>
    public static IndicatorPageViewModel SavedPage(ObservationEvidence evidence, string language)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new IndicatorPageViewModel
        {
            Id = evidence.IndicatorId,
            Title = evidence.TitleIn(language),
            Unit = evidence.UnitIn(language),
            Decimals = evidence.Decimals,
            Direction = evidence.Direction,
            Source = string.Empty,
            Years = [],
            Series = [],
            Analysis = ReadAnalysis(evidence, language),
            TrendRegion = evidence.RegionIn(language),
        };
    }

    /// <summary>
    /// Reads the analysis saved with the evidence. Version 1 holds one analysis per language (the benchmarks' names
    /// are in that language); a language it lacks reads the Finnish one.
    /// </summary>
    public static IndicatorAnalysis? ReadAnalysis(ObservationEvidence evidence, string language)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Analysis.Length == 0 || evidence.SchemaVersion != ObservationEvidence.CurrentSchemaVersion)
        {
            return null;
        }
        var byLanguage = JsonSerializer.Deserialize<Dictionary<string, IndicatorAnalysis>>(evidence.Analysis, Json);
        return byLanguage is null ? null : byLanguage.GetValueOrDefault(language) ?? byLanguage.GetValueOrDefault(Cultures.Finnish);
    }

    private async Task<(IndicatorPageViewModel Fi, IndicatorPageViewModel Sv)?> PagesInBothAsync(int indicatorId, CancellationToken cancellationToken)
    {
        var fi = await indicators.PagesAsync([indicatorId], Cultures.Finnish, cancellationToken);
        var sv = await indicators.PagesAsync([indicatorId], Cultures.Swedish, cancellationToken);
        return fi.Count == 0 || sv.Count == 0 ? null : (fi[0], sv[0]);
    }

    private async Task<EvidenceCapture?> CaptureAsync(int indicatorId, CancellationToken cancellationToken)
    {
        var pages = await PagesInBothAsync(indicatorId, cancellationToken);
        if (pages is not { } both)
        {
            return null;
        }
        var json = both.Fi.Analysis is null ? string.Empty
            : JsonSerializer.Serialize(new Dictionary<string, IndicatorAnalysis?> { [Cultures.Finnish] = both.Fi.Analysis, [Cultures.Swedish] = both.Sv.Analysis }, Json);
        return new EvidenceCapture(indicatorId, both.Fi.Title, both.Sv.Title, both.Fi.Unit, both.Sv.Unit, both.Fi.Decimals, both.Fi.Direction,
            both.Fi.TrendRegion ?? string.Empty, both.Sv.TrendRegion ?? string.Empty, both.Fi.Analysis?.Year, both.Fi.Analysis?.Value, json);
    }

    /// <summary>
    /// "Title: worse than the county and the whole country (2023); the trend 2019–2023 has worsened." in the given
    /// language, whatever the page's language, so both texts of a bilingual report are filled.
    /// </summary>
    private string Prefill(IndicatorPageViewModel page, ObservationKind kind, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            var analysis = page.Analysis;
            if (analysis?.Year is not { } year)
            {
                return page.Title;
            }
            var wanted = kind == ObservationKind.Concern ? ComparisonOutcome.Worse : ComparisonOutcome.Better;
            var names = analysis.Comparisons.Where(c => c.Result.Outcome == wanted)
                .Select(c => c.Kind == BenchmarkSeries.PeersKind ? localizer["Analysis.PeersName"].Value : c.Name).ToList();
            var parts = new List<string>();
            if (names.Count > 0)
            {
                var joined = names.Count == 1 ? names[0] : localizer["Evidence.JoinLast", string.Join(", ", names[..^1]), names[^1]].Value;
                parts.Add(localizer[$"Evidence.Prefill.{wanted}", joined, year].Value);
            }
            var trend = analysis.Trend;
            if (EvidenceRule.IsWorsening(trend.Outcome) || EvidenceRule.IsImproving(trend.Outcome))
            {
                parts.Add(localizer[EvidenceRule.IsWorsening(trend.Outcome) ? "Evidence.Prefill.Worsening" : "Evidence.Prefill.Improving",
                    trend.FromYear, trend.ToYear].Value);
            }
            return parts.Count == 0 ? page.Title : $"{page.Title}: {string.Join("; ", parts)}.";
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
