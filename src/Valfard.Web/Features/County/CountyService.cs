using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Counties;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.County;

/// <summary>The county's side: its members with the state of their reports and plans, and what they delivered.</summary>
public sealed class CountyService(ValfardDbContext db, CountyAccess access, TimeProvider clock)
{
    /// <summary>The overview for the signed-in county, or null when the user's organisation is not a county.</summary>
    public async Task<CountyOverviewViewModel?> OverviewAsync(string language, CancellationToken cancellationToken)
    {
        var county = await access.CurrentCountyAsync(cancellationToken);
        if (county is null)
        {
            return null;
        }
        var members = await access.MembersAsync(county, cancellationToken);
        var terms = await db.CouncilTerms.AsNoTracking().ToListAsync(cancellationToken);
        var term = CouncilTerm.CurrentOf(terms, FinnishCalendar.Today(clock));
        var reports = term is null ? [] : await access.ReportStatesAsync(term.Id, cancellationToken);
        var plans = term is null ? [] : await access.PlanStatesAsync(term.Id, cancellationToken);
        // The county's own rows: the ordinary tenant filter applies.
        var deliveries = await db.CountyDeliveries.AsNoTracking().ToListAsync(cancellationToken);
        var delivered = deliveries.Select(d => d.ReportId).ToHashSet();
        var requests = await access.MemberRequestsAsync(cancellationToken);

        MemberDocumentState StateOf(ReportStatus status, Guid reportId) => status switch
        {
            ReportStatus.Published when delivered.Contains(reportId) => MemberDocumentState.Delivered,
            ReportStatus.Published => MemberDocumentState.Published,
            ReportStatus.Approved => MemberDocumentState.Approved,
            ReportStatus.SentToCouncil => MemberDocumentState.WithCouncil,
            _ => MemberDocumentState.Draft,
        };
        MemberDocument? Document(MemberReportState? report) =>
            report is null ? null : new MemberDocument(language == "sv" && report.TitleSv.Length > 0 ? report.TitleSv : report.TitleFi,
                StateOf(report.Status, report.ReportId), report.Year);

        var rows = members.Select(member =>
        {
            var own = reports.Where(r => r.OrganisationId == member.Id).ToList();
            var comprehensive = own.FirstOrDefault(r => r.Kind == ReportKind.Comprehensive);
            var annual = own.Where(r => r.Kind == ReportKind.Annual).OrderByDescending(r => r.Year).FirstOrDefault();
            var plan = plans.FirstOrDefault(p => p.OrganisationId == member.Id);
            MemberPlanLink? planLink = null;
            if (plan is not null)
            {
                var planReport = own.FirstOrDefault(r => r.ReportId == plan.ReportId);
                var state = planReport is null ? MemberDocumentState.Draft : StateOf(planReport.Status, planReport.ReportId);
                // Readable once the report it belongs to reached the county; the same rule as CountyAccess.DeliveredPlanAsync.
                planLink = new MemberPlanLink(plan.PlanId, language == "sv" && plan.TitleSv.Length > 0 ? plan.TitleSv : plan.TitleFi, state,
                    plan.ReportId is { } id && delivered.Contains(id));
            }
            return new CountyMemberRow
            {
                Id = member.Id,
                Name = member.NameIn(language),
                Comprehensive = Document(comprehensive),
                LatestAnnual = Document(annual),
                Plan = planLink,
                Deliveries = deliveries.Where(d => d.MunicipalityId == member.Id).OrderByDescending(d => d.DeliveredAt)
                    .Select(d => new DeliveryLink(d.Id, d.TitleIn(language), d.Kind, d.Year, d.VersionNumber, d.DeliveredAt)).ToList(),
                OpenRequests = requests.Count(r => r.OrganisationId == member.Id && r.State == SupportRequestState.Open),
            };
        }).ToList();
        return new CountyOverviewViewModel
        {
            CountyName = county.NameIn(language),
            TermLabel = term?.Label,
            Members = rows,
            OpenRequests = requests.Count(r => r.State == SupportRequestState.Open),
        };
    }

    /// <summary>The delivered version read back from its frozen snapshot: never the live report, its drafts or comments.</summary>
    public async Task<DeliveredReportViewModel?> DeliveredAsync(Guid deliveryId, string language, CancellationToken cancellationToken)
    {
        if (await access.DeliveredAsync(deliveryId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (delivery, member, version) = found;
        var languages = ReportDocumentBuilder.SnapshotLanguages(version.SnapshotJson);
        var documentLanguage = languages.Contains(language) ? language
            : languages.Contains(member.PrimaryLanguageCode) ? member.PrimaryLanguageCode : languages[0];
        return new DeliveredReportViewModel
        {
            DeliveryId = delivery.Id,
            Language = language,
            MemberName = member.NameIn(language),
            Document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, documentLanguage),
            Decision = DocumentDecision.Of(version),
            DeliveredAt = delivery.DeliveredAt,
            Files = await access.ArchivedFilesAsync(deliveryId, cancellationToken),
        };
    }

    public Task<ArchivedDocument?> PdfAsync(Guid deliveryId, string language, CancellationToken cancellationToken) =>
        access.ArchivedDocumentAsync(deliveryId, language, cancellationToken);

    public async Task<MemberPlanViewModel?> PlanAsync(Guid municipalityId, Guid planId, string language, CancellationToken cancellationToken)
    {
        if (await access.DeliveredPlanAsync(municipalityId, planId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (member, plan, goals, measures) = found;
        return new MemberPlanViewModel
        {
            MemberName = member.NameIn(language),
            Title = plan.TitleIn(language),
            Goals = goals.Select(g => new MemberGoalRow(g.Code, g.TitleIn(language), g.LifeStage,
                measures.Where(m => m.GoalId == g.Id)
                    .Select(m => new MemberMeasureRow(m.Code, m.TitleIn(language), m.Status, m.StartYear, m.EndYear)).ToList())).ToList(),
        };
    }
}
