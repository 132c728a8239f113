using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Workflow;

/// <summary>A section named on the checklist: its number and title in the reader's language.</summary>
public sealed record ChecklistSection(string Number, string Title);

/// <summary>
/// The checklist before a step, with the names its lines need: sections, indicators, standard sets and the joys,
/// concerns and goals named by <see cref="CompletenessProblem.ItemId"/>, in the reader's language.
/// </summary>
public sealed record ChecklistView(CompletenessChecklist Checklist, IReadOnlyDictionary<Guid, ChecklistSection> Sections,
    IReadOnlyDictionary<int, string> Indicators, IReadOnlyDictionary<Guid, string> Sets, IReadOnlyDictionary<Guid, string> Items);

/// <summary>A joy or concern, or a goal, as the checklist names it.</summary>
internal sealed record ChecklistItem(Guid Id, string Fi, string Sv);

/// <summary>
/// Gathers what <see cref="ReportCompleteness"/> reads for one report: its sections and their texts, the
/// organisation's publishing languages, the minimum-content indicators and the decisions. The confirmation page shows
/// the result and the workflow applies the same rule to the move, so a post that skips the page is refused alike.
/// </summary>
public sealed class CompletenessService(ValfardDbContext db, TimeProvider clock)
{
    /// <summary>The checklist alone, for the workflow to apply to a move: no names are looked up.</summary>
    public async Task<CompletenessChecklist> ChecklistAsync(WelfareReport report, CompletenessStage stage, CancellationToken cancellationToken) =>
        (await GatherAsync(report, stage, cancellationToken)).Checklist;

    /// <summary>The checklist with the names its lines need in <paramref name="language"/>, for the confirmation page.</summary>
    public async Task<ChecklistView> CheckAsync(WelfareReport report, CompletenessStage stage, string language, CancellationToken cancellationToken)
    {
        var (checklist, withSections, sets, items) = await GatherAsync(report, stage, cancellationToken);
        // Numbers from the report's own numbering.
        var numbers = withSections.SectionNumbers();
        var indicatorIds = checklist.Problems.Select(p => p.IndicatorId).OfType<int>().Distinct().ToList();
        var titles = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).Select(i => new { i.Id, i.Title })
            .ToDictionaryAsync(i => i.Id, i => i.Title.Pick(language), cancellationToken);
        return new ChecklistView(checklist,
            withSections.Sections.ToDictionary(s => s.Id, s => new ChecklistSection(numbers[s.Id], s.TitleIn(language))),
            indicatorIds.ToDictionary(id => id, id => titles.GetValueOrDefault(id, $"#{id}")),
            sets.ToDictionary(s => s.Id, s => s.NameIn(language)),
            items.ToDictionary(i => i.Id, i => BilingualText.In(i.Fi, i.Sv, language)));
    }

    private async Task<(CompletenessChecklist Checklist, WelfareReport WithSections, IReadOnlyList<StandardSet> Sets, IReadOnlyList<ChecklistItem> Items)> GatherAsync(
        WelfareReport report,
        CompletenessStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var withSections = await db.Reports.AsNoTracking().AsSplitQuery().Include(r => r.Sections).ThenInclude(s => s.Texts)
            .FirstAsync(r => r.Id == report.Id, cancellationToken);
        // In reading order, so the checklist lists the sections as the report does.
        var sections = withSections.SectionsInReadingOrder().ToList();
        var chapters = sections.Where(s => s.ParentId is not null).Select(s => s.ParentId!.Value).ToHashSet();
        var sectionIds = sections.Select(s => s.Id).ToList();
        var blocks = await db.SectionIndicators.AsNoTracking().Where(b => sectionIds.Contains(b.SectionId))
            .Select(b => new { b.SectionId, b.IndicatorId }).ToListAsync(cancellationToken);
        var minimum = await MinimumIndicatorsAsync(report, organisation, sections, blocks.Select(b => b.IndicatorId), cancellationToken);
        var council = stage == CompletenessStage.Publish
            ? await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id && v.Number == report.VersionNumber)
                .Select(v => v.Decision).FirstOrDefaultAsync(cancellationToken)
            : null;
        var blockSections = blocks.Select(b => b.SectionId).ToHashSet();
        var purposes = sections.Select(s => s.Purpose).ToHashSet();
        // Each of these is read only when the report has the section that shows it: one query each, none per section.
        var observations = purposes.Contains(SectionPurpose.JoysAndConcerns)
            ? (await db.Observations.AsNoTracking().Where(o => o.ReportId == report.Id).ToListAsync(cancellationToken))
                .OrderBy(o => o.Kind).ThenBy(o => o.CreatedAt).ToList()
            : null;
        (PlanFacts? Facts, IReadOnlyList<ChecklistItem> Goals) plan = (null, []);
        if (purposes.Contains(SectionPurpose.WelfarePlan) && report.Kind != ReportKind.Regional)
        {
            plan = await PlanAsync(report, cancellationToken);
        }
        int? appendices = purposes.Contains(SectionPurpose.Appendices)
            ? await db.LinkedPlans.AsNoTracking().CountAsync(p => p.ReportId == report.Id, cancellationToken)
              + await db.LeftOutIndicators.AsNoTracking().CountAsync(l => l.OrganisationId == report.OrganisationId, cancellationToken)
            : null;
        var facts = new CompletenessFacts(WelfareReport.LanguagesOf(organisation),
            sections.Select(s => SectionFacts.Of(s, blockSections.Contains(s.Id), html => PlainText.From(html).Length > 0,
                hasSubsections: chapters.Contains(s.Id))).ToList(),
            FinnishCalendar.Today(clock), minimum.Facts, report.BoardDecision, council,
            observations?.Select(ObservationFacts.Of).ToList(), plan.Facts, appendices);
        List<ChecklistItem> items = [.. (observations ?? []).Select(o => new ChecklistItem(o.Id, o.TextFi, o.TextSv)), .. plan.Goals];
        return (ReportCompleteness.Check(stage, facts), withSections, minimum.Sets, items);
    }

    /// <summary>The term's plan (the one the report's plan section shows) and its goals with how many measures each has.</summary>
    private async Task<(PlanFacts Plan, IReadOnlyList<ChecklistItem> Goals)> PlanAsync(WelfareReport report, CancellationToken cancellationToken)
    {
        var planId = await db.Plans.AsNoTracking().Where(p => p.CouncilTermId == report.CouncilTermId).Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return (PlanFacts.None, []);
        }
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Position)
            .Select(g => new { g.Id, g.Code, g.TitleFi, g.TitleSv, Measures = db.Measures.Count(m => m.GoalId == g.Id) })
            .ToListAsync(cancellationToken);
        return (new PlanFacts(true, goals.Select(g => new GoalFacts(g.Id, g.Measures)).ToList()),
            goals.Select(g => new ChecklistItem(g.Id, $"{g.Code} {g.TitleFi}", g.TitleSv.Length > 0 ? $"{g.Code} {g.TitleSv}" : string.Empty)).ToList());
    }

    /// <summary>
    /// The indicators of the national minimum-content sets meant for this kind of organisation, and whether the report
    /// accounts for each: shown in a section, as the evidence of a joy or concern, or followed in the term's plan, or
    /// left out with a reason. Sets for any organisation (HYTE-kerroin, TEAviisari) are not minimum content.
    /// </summary>
    private async Task<(IReadOnlyList<MinimumIndicatorFacts> Facts, IReadOnlyList<StandardSet> Sets)> MinimumIndicatorsAsync(WelfareReport report,
        Organisation organisation, IReadOnlyList<ReportSection> sections, IEnumerable<int> blockIndicators, CancellationToken cancellationToken)
    {
        var kind = organisation.Kind == OrganisationKind.WellbeingServicesCounty ? StandardSetKind.Counties : StandardSetKind.Municipalities;
        var sets = await db.StandardSets.AsNoTracking().Include(s => s.Members).Where(s => s.Kind == kind).ToListAsync(cancellationToken);
        if (sets.Count == 0)
        {
            return ([], []);
        }
        var used = blockIndicators.ToHashSet();
        used.UnionWith(sections.Select(s => s.MembersIndicatorId).OfType<int>());
        used.UnionWith(await db.Observations.AsNoTracking().Where(o => o.ReportId == report.Id)
            .SelectMany(o => o.Indicators).Select(e => e.IndicatorId).ToListAsync(cancellationToken));
        var planIds = await db.Plans.AsNoTracking().Where(p => p.CouncilTermId == report.CouncilTermId).Select(p => p.Id).ToListAsync(cancellationToken);
        used.UnionWith((await db.PlanIndicators.AsNoTracking().Where(i => planIds.Contains(i.PlanId) && i.IndicatorId != null)
            .Select(i => i.IndicatorId).ToListAsync(cancellationToken)).OfType<int>());
        var setIds = sets.Select(s => s.Id).ToList();
        var leftOut = await db.LeftOutIndicators.AsNoTracking()
            .Where(l => l.OrganisationId == organisation.Id && setIds.Contains(l.StandardSetId)).ToListAsync(cancellationToken);
        var facts = sets.SelectMany(s => s.Members.OrderBy(m => m.Position).Select(m =>
        {
            var mark = leftOut.Find(l => l.StandardSetId == s.Id && l.IndicatorId == m.IndicatorId);
            return new MinimumIndicatorFacts(s.Id, m.IndicatorId, used.Contains(m.IndicatorId), mark is not null,
                mark?.ReasonFi.Length > 0, mark?.ReasonSv.Length > 0);
        })).ToList();
        return (facts, sets);
    }
}
