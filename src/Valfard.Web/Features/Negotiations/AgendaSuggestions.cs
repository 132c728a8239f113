using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Negotiations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Domain.Statistics;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Plans;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// Suggested agenda items from the reader's own organisation: the concerns of its latest annual (or else
/// comprehensive) report, the plan goals whose latest follow-up is at risk or off track, and the indicators of its
/// overview that are worse than the county or the whole country. Everything is read under the reader's own tenant
/// filter, so each side brings its own picture and neither reads the other's drafts; the municipality's is the
/// fuller one, which is what the county asks for before the meeting.
/// </summary>
public sealed class AgendaSuggestions(
    ValfardDbContext db,
    NegotiationService negotiations,
    PlanReader planReader,
    OverviewService overview,
    IStringLocalizer<SharedResource> localizer)
{
    private const int MaxIndicators = 8;
    private static readonly string[] Benchmarks = ["county", "country"];

    public async Task<IReadOnlyList<AgendaSuggestion>> ForAsync(string language, CancellationToken cancellationToken)
    {
        var suggestions = new List<AgendaSuggestion>();
        await FromReportAsync(suggestions, language, cancellationToken);
        await FromPlanAsync(suggestions, language, cancellationToken);
        await FromIndicatorsAsync(suggestions, language, cancellationToken);
        return suggestions;
    }

    private async Task FromReportAsync(List<AgendaSuggestion> suggestions, string language, CancellationToken cancellationToken)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset. An annual report is newer than the term's
        // comprehensive one of the same term; the latest year wins.
        var reports = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKind.Annual || r.Kind == ReportKind.Comprehensive).ToListAsync(cancellationToken);
        var report = reports.OrderByDescending(r => r.Year ?? 0).ThenBy(r => r.Kind == ReportKind.Annual ? 0 : 1).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        if (report is null)
        {
            return;
        }
        var concerns = await db.Observations.AsNoTracking().Where(o => o.ReportId == report.Id && o.Kind == ObservationKind.Concern).ToListAsync(cancellationToken);
        foreach (var concern in concerns.OrderBy(c => c.LifeStage))
        {
            var text = concern.TextIn(language);
            suggestions.Add(new AgendaSuggestion($"report:{concern.Id}", AgendaSource.Report,
                Cut($"{localizer["Negotiation.Suggestion.Concern"].Value}: {text}", NegotiationLimits.TitleMaxLength),
                $"{report.TitleIn(language)} · {localizer[$"LifeStage.{concern.LifeStage}"].Value}", $"/reports/{report.Id}/observations"));
        }
    }

    private async Task FromPlanAsync(List<AgendaSuggestion> suggestions, string language, CancellationToken cancellationToken)
    {
        var plan = await negotiations.OwnPlanAsync(cancellationToken);
        if (plan is null)
        {
            return;
        }
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == plan.Id).Select(r => r.Year).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return;
        }
        var year = rounds.Max();
        var data = await planReader.LoadAsync(plan.Id, year, cancellationToken);
        if (data is null)
        {
            return;
        }
        foreach (var goal in data.Goals.OrderBy(g => g.Position))
        {
            if (data.FinalAssessment(goal, year) is { } assessment and (Assessment.AtRisk or Assessment.OffTrack))
            {
                suggestions.Add(new AgendaSuggestion($"goal:{goal.Id}", AgendaSource.PlanFollowUp,
                    Cut($"{goal.Code} {goal.TitleIn(language)}: {localizer[$"Plan.Assessment.{assessment}"].Value}", NegotiationLimits.TitleMaxLength),
                    string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["Negotiation.Suggestion.Round"].Value, year),
                    $"/plan/follow-up/{year}"));
            }
        }
    }

    private async Task FromIndicatorsAsync(List<AgendaSuggestion> suggestions, string language, CancellationToken cancellationToken)
    {
        var model = await overview.BuildAsync(null, null, null, language, cancellationToken);
        if (model is null)
        {
            return;
        }
        foreach (var row in model.Rows)
        {
            var worse = Benchmarks.Where(kind => row.Verdict(kind)?.Result.Outcome == ComparisonOutcome.Worse).ToList();
            if (worse.Count == 0)
            {
                continue;
            }
            var against = string.Join(", ", worse.Select(kind => localizer[$"Negotiation.Suggestion.Worse.{kind}"].Value));
            suggestions.Add(new AgendaSuggestion($"indicator:{row.Page.Id}", AgendaSource.Indicators,
                Cut($"{row.Page.Title}: {against}", NegotiationLimits.TitleMaxLength), localizer["Negotiation.Suggestion.FromOverview"].Value,
                $"/indicators/{row.Page.Id}"));
            if (suggestions.Count(s => s.Source == AgendaSource.Indicators) >= MaxIndicators)
            {
                break;
            }
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
