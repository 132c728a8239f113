using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Plans;

namespace Valfard.Web.Features.Documents;

/// <summary>
/// Builds <see cref="ReportDocument"/>s: live from the database while the report is being written, and frozen as a
/// JSON snapshot (one document per language of the organisation) when the council approves it.
/// </summary>
public sealed class ReportDocumentBuilder(
    ValfardDbContext db,
    IndicatorService indicators,
    IPlanSnapshotSource plans,
    Assessments.YearAssessments yearAssessments,
    County.MembersComparison membersComparison,
    County.MembersGoals membersGoals,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>The report as it stands now, in one language; null when the report is not the organisation's.</summary>
    public async Task<ReportDocument?> BuildLiveAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var documents = await BuildLiveAsync(reportId, [language], cancellationToken);
        return documents.Count > 0 ? documents[0] : null;
    }

    /// <summary>The frozen form of the report: every language of the organisation, as JSON.</summary>
    public async Task<string?> SnapshotAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var organisation = report is null ? null
            : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == report.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var documents = await BuildLiveAsync(reportId, WelfareReport.LanguagesOf(organisation), cancellationToken);
        return JsonSerializer.Serialize(documents.ToDictionary(d => d.Language), SnapshotJson);
    }

    /// <summary>Reads one language back from a frozen snapshot; falls back to the snapshot's first language.</summary>
    public static ReportDocument ReadSnapshot(string json, string language)
    {
        var documents = JsonSerializer.Deserialize<Dictionary<string, ReportDocument>>(json, SnapshotJson)
            ?? throw new InvalidOperationException("The snapshot is empty.");
        return documents.TryGetValue(language, out var document) ? document : documents.Values.First();
    }

    public static IReadOnlyList<string> SnapshotLanguages(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, SnapshotJson)?.Keys.ToList() ?? [];

    private async Task<IReadOnlyList<ReportDocument>> BuildLiveAsync(Guid reportId, IReadOnlyList<string> languages,
        CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Sections).ThenInclude(s => s.Texts)
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return [];
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var term = await db.CouncilTerms.AsNoTracking().FirstAsync(t => t.Id == report.CouncilTermId, cancellationToken);
        var sectionIds = report.Sections.Select(s => s.Id).ToList();
        var blocks = (await db.SectionIndicators.AsNoTracking().Where(b => sectionIds.Contains(b.SectionId)).ToListAsync(cancellationToken))
            .OrderBy(b => b.Position).ToLookup(b => b.SectionId, b => b.IndicatorId);
        var observations = (await db.Observations.AsNoTracking().Include(o => o.Indicators).Where(o => o.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderBy(o => o.Kind).ThenBy(o => o.LifeStage).ThenBy(o => o.CreatedAt).ToList();
        var links = (await db.LinkedPlans.AsNoTracking().Where(p => p.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).Select(p => new DocumentLink(p.Title, p.Url, p.FileName, p.Sha256)).ToList();
        var plan = await plans.ForReportAsync(reportId, cancellationToken);
        var numbers = report.SectionNumbers();
        var ordered = report.SectionsInReadingOrder();
        var allIndicatorIds = blocks.SelectMany(g => g).Distinct().ToList();
        var years = Assessments.YearAssessments.YearsOf(report, term);
        var assessments = report.Sections.Any(s => s.ListsAssessments)
            ? await yearAssessments.ForYearsAsync(report.OrganisationId, organisation.Slug, years.Item1, years.Item2, cancellationToken)
            : [];
        var now = clock.GetUtcNow();
        // The tenant filter keeps the marks to the report's organisation; sets and indicators are the installation's.
        var leftOut = await db.LeftOutIndicators.AsNoTracking().Where(l => l.OrganisationId == report.OrganisationId).ToListAsync(cancellationToken);
        var leftOutSetIds = leftOut.Select(l => l.StandardSetId).Distinct().ToList();
        var leftOutIndicatorIds = leftOut.Select(l => l.IndicatorId).Distinct().ToList();
        var leftOutSets = await db.StandardSets.AsNoTracking().Where(s => leftOutSetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var leftOutIndicators = await db.Indicators.AsNoTracking().Where(i => leftOutIndicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title }).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);

        var documents = new List<ReportDocument>();
        foreach (var language in languages)
        {
            var pages = (await indicators.PagesAsync(allIndicatorIds, language, cancellationToken)).ToDictionary(p => p.Id);
            var other = language == "sv" ? "fi" : "sv";
            var members = new Dictionary<int, DocumentMembers?>();
            foreach (var id in report.Sections.Where(s => s.MembersIndicatorId is not null).Select(s => s.MembersIndicatorId!.Value).Distinct())
            {
                members[id] = await membersComparison.ForAsync(id, language, cancellationToken);
            }
            var goals = report.Sections.Any(s => s.SummarisesMembersGoals)
                ? await membersGoals.ForAsync(language, cancellationToken)
                : [];
            var sections = ordered.Select(s =>
            {
                var title = language == "sv" && s.TitleSv.Length > 0 ? (s.TitleSv, (string?)null) : s.TitleFi.Length > 0 ? (s.TitleFi, language == "fi" ? null : "fi") : (s.TitleSv, "sv");
                var own = s.TextIn(language)?.Html ?? string.Empty;
                var fallback = s.TextIn(other)?.Html ?? string.Empty;
                var (html, htmlLanguage) = HasText(own) || !HasText(fallback) ? (own, (string?)null) : (fallback, other);
                // Left empty on purpose in this language: the reason stands in for the text, not the other language's text.
                var emptyReason = HasText(own) ? null : s.EmptyReasonIn(language);
                if (emptyReason is not null)
                {
                    (html, htmlLanguage) = (string.Empty, null);
                }
                return new DocumentSection(s.Id, numbers[s.Id], s.ParentId is null ? 0 : 1, title.Item1, title.Item2, s.Purpose, html, htmlLanguage,
                    blocks[s.Id].Where(pages.ContainsKey).Select(id => pages[id]).ToList())
                {
                    EmptyReason = emptyReason?.Text,
                    EmptyReasonLanguage = emptyReason is { } reason && reason.Language != language ? reason.Language : null,
                    ListsAssessments = s.ListsAssessments,
                    Assessments = s.ListsAssessments
                        ? assessments.Select(a => yearAssessments.ToDocument(a, organisation.Slug, language)).ToList()
                        : [],
                    Members = s.MembersIndicatorId is { } membersId ? members.GetValueOrDefault(membersId) : null,
                    SummarisesMembersGoals = s.SummarisesMembersGoals,
                    MembersGoals = s.SummarisesMembersGoals ? goals : [],
                };
            }).ToList();
            documents.Add(new ReportDocument
            {
                Language = language,
                ReportId = report.Id,
                OrganisationName = organisation.NameIn(language),
                OrganisationSlug = organisation.Slug,
                Title = report.TitleIn(language),
                Kind = report.Kind,
                TermLabel = term.Label,
                Year = report.Year,
                VersionNumber = report.VersionNumber,
                TakenAt = now,
                Sections = sections,
                Observations = observations.Select(o =>
                {
                    var text = o.TextIn(language);
                    var textLanguage = language == "sv" && o.TextSv.Length == 0 ? "fi" : language == "fi" && o.TextFi.Length == 0 ? "sv" : null;
                    return new DocumentObservation(o.Kind, o.LifeStage, text, textLanguage, o.EvidenceIn(language))
                    {
                        EvidenceLanguage = BilingualText.FallbackFor(o.Evidence, o.EvidenceSv, language),
                        // The evidence as saved, so the reading view, the PDF and the public page show what the group saw.
                        Indicators = o.Indicators.OrderBy(e => e.CapturedAt).Select(e => Reports.EvidenceService.SavedPage(e, language)).ToList(),
                    };
                }).ToList(),
                LinkedPlans = links,
                Plan = plan,
                LeftOut = leftOut.Where(l => leftOutSets.ContainsKey(l.StandardSetId))
                    .Select(l =>
                    {
                        var (reason, reasonLanguage) = l.ReasonIn(language);
                        return new DocumentLeftOut(l.IndicatorId,
                            leftOutIndicators.TryGetValue(l.IndicatorId, out var title) ? title.Pick(language) : $"#{l.IndicatorId}",
                            leftOutSets[l.StandardSetId].NameIn(language), reason, reasonLanguage == language ? null : reasonLanguage);
                    })
                    .OrderBy(l => l.SetName, StringComparer.CurrentCulture).ThenBy(l => l.Title, StringComparer.CurrentCulture).ToList(),
            });
        }
        return documents;
    }

    private static bool HasText(string html) => Valfard.Infrastructure.Text.PlainText.From(html).Length > 0;
}
