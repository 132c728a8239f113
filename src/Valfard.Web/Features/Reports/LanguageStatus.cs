using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

namespace Valfard.Web.Features.Reports;

/// <summary>Where a gap can be fixed: the action to link to, or none when the text is not edited in the report.</summary>
public sealed record LanguageFix(string Controller, string Action, IReadOnlyDictionary<string, object?> RouteValues, string? Fragment = null);

/// <summary>
/// One text whose Finnish and Swedish are out of step (<see cref="BilingualText.IsOutOfStep"/>): the lengths in
/// characters of plain text, so a reader can judge "clearly shorter" for themselves.
/// </summary>
public sealed record LanguageGap(string Item, string FieldKey, int FinnishLength, int SwedishLength, LanguageFix? Fix)
{
    /// <summary>The language that is missing or shorter.</summary>
    public string BehindLanguage => SwedishLength < FinnishLength ? "sv" : "fi";

    public bool IsMissing => FinnishLength == 0 || SwedishLength == 0;

    /// <summary>The shorter text's length as a whole percentage of the longer one's.</summary>
    public int Percent => (int)Math.Round(100.0 * Math.Min(FinnishLength, SwedishLength) / Math.Max(FinnishLength, SwedishLength));
}

/// <summary>The gaps of one part of the report: its sections, its joys and concerns, its plan, its follow-up.</summary>
public sealed record LanguageArea(string TitleKey, IReadOnlyList<LanguageGap> Gaps, int Checked);

public sealed class LanguageStatusViewModel
{
    public required Guid ReportId { get; init; }
    public required string ReportTitle { get; init; }
    public required bool Bilingual { get; init; }
    public required IReadOnlyList<LanguageArea> Areas { get; init; }
    public int Gaps => Areas.Sum(a => a.Gaps.Count);
    public int Checked => Areas.Sum(a => a.Checked);
}

/// <summary>
/// The report-wide language status (issue 17 §2): every content field written in both languages, checked against the
/// same rule the editing forms flag with, so the page and the forms never disagree.
/// </summary>
public sealed class LanguageStatusService(ValfardDbContext db)
{
    public async Task<LanguageStatusViewModel?> StatusAsync(Guid reportId, string language, bool canManagePlan, CancellationToken cancellationToken)
    {
        // The tenant filter answers null for another organisation's report: the page is then a 404.
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var areas = organisation.Languages == OrganisationLanguages.Bilingual
            ? new List<LanguageArea>
            {
                await SectionsAsync(report, language, cancellationToken),
                await ObservationsAsync(report, language, cancellationToken),
            }
            : [];
        if (areas.Count > 0 && await PlanOfAsync(report, cancellationToken) is { } plan)
        {
            areas.Add(await PlanAsync(plan, language, canManagePlan, cancellationToken));
            if (await db.FollowUpRounds.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.ReportId == report.Id, cancellationToken) is { } round)
            {
                areas.Add(await FollowUpAsync(round, language, cancellationToken));
            }
        }
        return new LanguageStatusViewModel
        {
            ReportId = report.Id,
            ReportTitle = report.TitleIn(language),
            Bilingual = organisation.Languages == OrganisationLanguages.Bilingual,
            Areas = areas,
        };
    }

    /// <summary>The plan the report belongs to: tied to it, followed up in it, or else the plan of its council term.</summary>
    private async Task<WelfarePlan?> PlanOfAsync(WelfareReport report, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking();
        var roundPlanId = await db.FollowUpRounds.AsNoTracking().Where(r => r.ReportId == report.Id).Select(r => (Guid?)r.PlanId)
            .FirstOrDefaultAsync(cancellationToken);
        return await plans.FirstOrDefaultAsync(p => p.ReportId == report.Id, cancellationToken)
            ?? (roundPlanId is { } id ? await plans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null)
            ?? await plans.FirstOrDefaultAsync(p => p.CouncilTermId == report.CouncilTermId, cancellationToken);
    }

    private async Task<LanguageArea> SectionsAsync(WelfareReport report, string language, CancellationToken cancellationToken)
    {
        var sectionIds = report.Sections.Select(s => s.Id).ToList();
        var texts = (await db.SectionTexts.AsNoTracking().Where(t => sectionIds.Contains(t.SectionId))
                .Select(t => new { t.SectionId, t.Language, t.Html }).ToListAsync(cancellationToken))
            .ToDictionary(t => (t.SectionId, t.Language), t => PlainText.From(t.Html).Length);
        var numbers = report.SectionNumbers();
        var gaps = new List<LanguageGap>();
        foreach (var section in report.SectionsInReadingOrder())
        {
            var item = $"{numbers[section.Id]} {section.TitleIn(language)}";
            var fix = new LanguageFix("Sections", "Edit", new Dictionary<string, object?> { ["reportId"] = report.Id, ["sectionId"] = section.Id });
            // The title is copied from the template when the report is made; the section editor's title form renames it in this report.
            Check(gaps, item, "Language.Field.SectionTitle", section.TitleFi, section.TitleSv, fix with { Fragment = "section-title" });
            var fi = texts.GetValueOrDefault((section.Id, "fi"));
            var sv = texts.GetValueOrDefault((section.Id, "sv"));
            if (BilingualText.IsOutOfStep(fi, sv))
            {
                gaps.Add(new LanguageGap(item, "Language.Field.SectionText", fi, sv, fix));
            }
        }
        return new LanguageArea("Language.Area.Sections", gaps, report.Sections.Count * 2);
    }

    private async Task<LanguageArea> ObservationsAsync(WelfareReport report, string language, CancellationToken cancellationToken)
    {
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        var observations = (await db.Observations.AsNoTracking().Where(o => o.ReportId == report.Id).ToListAsync(cancellationToken))
            .OrderBy(o => o.Kind).ThenBy(o => o.CreatedAt).ToList();
        var gaps = new List<LanguageGap>();
        foreach (var o in observations)
        {
            var fix = new LanguageFix("Observations", "Edit", new Dictionary<string, object?> { ["reportId"] = report.Id, ["id"] = o.Id });
            var item = Shorten(BilingualText.In(o.TextFi, o.TextSv, language));
            // Equal texts are in step: a place name or a figure reads the same in both languages.
            Check(gaps, item, $"Language.Field.ObservationText.{o.Kind}", o.TextFi, o.TextSv, fix);
            Check(gaps, item, "Language.Field.Evidence", o.Evidence, o.EvidenceSv, fix);
        }
        return new LanguageArea("Language.Area.Observations", gaps, observations.Count * 2);
    }

    private async Task<LanguageArea> PlanAsync(WelfarePlan plan, string language, bool canManage, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var gaps = new List<LanguageGap>();
        Check(gaps, plan.TitleIn(language), "Language.Field.PlanTitle", plan.TitleFi, plan.TitleSv, null);
        foreach (var goal in goals)
        {
            var fix = canManage ? new LanguageFix("Goals", "EditGoal", new Dictionary<string, object?> { ["id"] = goal.Id }) : null;
            var item = $"{goal.Code} {goal.TitleIn(language)}";
            Check(gaps, item, "Language.Field.Title", goal.TitleFi, goal.TitleSv, fix);
            Check(gaps, item, "Language.Field.Description", goal.DescriptionFi, goal.DescriptionSv, fix);
            Check(gaps, item, "Language.Field.Strategy", goal.Strategy, goal.StrategySv, fix);
            foreach (var measure in measures.Where(m => m.GoalId == goal.Id))
            {
                var measureFix = canManage ? new LanguageFix("Measures", "EditMeasure", new Dictionary<string, object?> { ["id"] = measure.Id }) : null;
                var measureItem = $"{measure.Code} {measure.TitleIn(language)}";
                Check(gaps, measureItem, "Language.Field.Title", measure.TitleFi, measure.TitleSv, measureFix);
                Check(gaps, measureItem, "Language.Field.Description", measure.DescriptionFi, measure.DescriptionSv, measureFix);
                Check(gaps, measureItem, "Language.Field.PartnerNames", measure.PartnerNames, measure.PartnerNamesSv, measureFix);
                Check(gaps, measureItem, "Language.Field.Resources", measure.Resources, measure.ResourcesSv, measureFix);
            }
        }
        return new LanguageArea("Language.Area.Plan", gaps, 1 + goals.Count * 3 + measures.Count * 4);
    }

    private async Task<LanguageArea> FollowUpAsync(FollowUpRound round, string language, CancellationToken cancellationToken)
    {
        var entries = await db.MeasureFollowUps.AsNoTracking().Where(f => f.RoundId == round.Id && f.UpdatedAt != null).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == round.PlanId).ToDictionaryAsync(m => m.Id, cancellationToken);
        var gaps = new List<LanguageGap>();
        foreach (var entry in entries.OrderBy(e => measures.GetValueOrDefault(e.MeasureId)?.Position ?? int.MaxValue))
        {
            var measure = measures.GetValueOrDefault(entry.MeasureId);
            var fix = round.IsOpen
                ? new LanguageFix("FollowUp", "Record", new Dictionary<string, object?> { ["year"] = round.Year, ["measureId"] = entry.MeasureId })
                : null;
            Check(gaps, measure is null ? string.Empty : $"{measure.Code} {measure.TitleIn(language)}", "Language.Field.Account", entry.Account, entry.AccountSv, fix);
        }
        return new LanguageArea("Language.Area.FollowUp", gaps, entries.Count);
    }

    private static void Check(List<LanguageGap> gaps, string item, string fieldKey, string fi, string sv, LanguageFix? fix)
    {
        if (BilingualText.IsOutOfStep(fi, sv))
        {
            gaps.Add(new LanguageGap(item, fieldKey, fi.Trim().Length, sv.Trim().Length, fix));
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
}
