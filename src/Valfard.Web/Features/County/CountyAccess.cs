using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Counties;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.County;

/// <summary>A member's report as the county's list shows it: what it is and where it stands, never its text.</summary>
public sealed record MemberReportState(Guid OrganisationId, Guid ReportId, ReportKind Kind, int? Year, ReportStatus Status, string TitleFi, string TitleSv);

/// <summary>A member's plan as the county's list shows it.</summary>
public sealed record MemberPlanState(Guid OrganisationId, Guid PlanId, Guid? ReportId, string TitleFi, string TitleSv);

/// <summary>Someone to notify in the other organisation of a county and its member.</summary>
public sealed record Recipient(Guid Id, Guid OrganisationId, string? Email, string? PreferredLanguage);

/// <summary>
/// The one gateway across the tenant filter between a wellbeing services county and its member municipalities.
/// Every method first establishes that the signed-in user's own organisation is the county (or, for notifications,
/// the member) and that the other organisation belongs to it, and only then reads with the filter set aside, and
/// then only what was delivered or published, or the bare state of a report or plan. Nothing else in the feature
/// steps past the filter, so this class is what the isolation tests aim at.
/// </summary>
public sealed class CountyAccess(ValfardDbContext db)
{
    private static IQueryable<T> Across<T>(IQueryable<T> source) where T : class => source.IgnoreQueryFilters([ValfardDbContext.TenantFilter]);

    /// <summary>The signed-in user's organisation when it is an active county; null for a municipality or anyone else.</summary>
    public async Task<Organisation?> CurrentCountyAsync(CancellationToken cancellationToken) =>
        db.CurrentOrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.IsActive
                && o.Kind == OrganisationKind.WellbeingServicesCounty, cancellationToken)
            : null;

    /// <summary>The signed-in user's organisation when it is a municipality; null otherwise.</summary>
    public async Task<Organisation?> CurrentMunicipalityAsync(CancellationToken cancellationToken) =>
        db.CurrentOrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.Municipality, cancellationToken)
            : null;

    public async Task<IReadOnlyList<Organisation>> MembersAsync(Organisation county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(county);
        var members = await db.Organisations.AsNoTracking()
            .Where(o => o.CountyId == county.Id && o.Kind == OrganisationKind.Municipality && o.IsActive)
            .ToListAsync(cancellationToken);
        return members.OrderBy(o => o.NameFi, StringComparer.Create(new System.Globalization.CultureInfo("fi-FI"), false)).ToList();
    }

    /// <summary>The municipality, if it is a member of the signed-in user's county.</summary>
    public async Task<(Organisation County, Organisation Member)?> MemberAsync(Guid municipalityId, CancellationToken cancellationToken)
    {
        var county = await CurrentCountyAsync(cancellationToken);
        if (county is null)
        {
            return null;
        }
        var member = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == municipalityId
            && o.CountyId == county.Id && o.Kind == OrganisationKind.Municipality, cancellationToken);
        return member is null ? null : (county, member);
    }

    /// <summary>Where the members' reports of a term stand: ids, kinds, states and titles only.</summary>
    public async Task<IReadOnlyList<MemberReportState>> ReportStatesAsync(Guid termId, CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return [];
        }
        return await Across(db.Reports.AsNoTracking())
            .Where(r => r.CouncilTermId == termId && r.Kind != ReportKind.Regional
                && db.Organisations.Any(o => o.Id == r.OrganisationId && o.CountyId == county.Id))
            .Select(r => new MemberReportState(r.OrganisationId, r.Id, r.Kind, r.Year, r.Status, r.TitleFi, r.TitleSv))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The members' plans of a term: ids and titles only; their content is read through <see cref="DeliveredPlanAsync"/>.</summary>
    public async Task<IReadOnlyList<MemberPlanState>> PlanStatesAsync(Guid termId, CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return [];
        }
        return await Across(db.Plans.AsNoTracking())
            .Where(p => p.CouncilTermId == termId && db.Organisations.Any(o => o.Id == p.OrganisationId && o.CountyId == county.Id))
            .Select(p => new MemberPlanState(p.OrganisationId, p.Id, p.ReportId, p.TitleFi, p.TitleSv))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A delivery to the signed-in user's county, its member and the delivered version: the version recorded in the
    /// delivery and no other, and only while it is published and the municipality is still a member.
    /// </summary>
    public async Task<(CountyDelivery Delivery, Organisation Member, ReportVersion Version)?> DeliveredAsync(Guid deliveryId,
        CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return null;
        }
        // Deliveries belong to the county, so the ordinary filter already limits them to its own.
        var delivery = await db.CountyDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.OrganisationId == county.Id,
            cancellationToken);
        if (delivery is null)
        {
            return null;
        }
        var member = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == delivery.MunicipalityId && o.CountyId == county.Id,
            cancellationToken);
        if (member is null)
        {
            return null;
        }
        var version = await Across(db.ReportVersions.AsNoTracking()).FirstOrDefaultAsync(v => v.Id == delivery.ReportVersionId
            && v.OrganisationId == member.Id && v.ReportId == delivery.ReportId && v.PublishedAt != null, cancellationToken);
        return version is null ? null : (delivery, member, version);
    }

    /// <summary>The archived PDFs of a delivered version (without their bytes).</summary>
    public async Task<IReadOnlyList<(string Language, long Size, string Sha256)>> ArchivedFilesAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        if (await DeliveredAsync(deliveryId, cancellationToken) is not { } found)
        {
            return [];
        }
        var files = await Across(db.ArchivedDocuments.AsNoTracking())
            .Where(d => d.ReportVersionId == found.Version.Id && d.OrganisationId == found.Member.Id)
            .Select(d => new { d.Language, d.Size, d.Sha256 }).ToListAsync(cancellationToken);
        return files.Select(f => (f.Language, f.Size, f.Sha256)).OrderBy(f => f.Language, StringComparer.Ordinal).ToList();
    }

    public async Task<ArchivedDocument?> ArchivedDocumentAsync(Guid deliveryId, string language, CancellationToken cancellationToken)
    {
        if (await DeliveredAsync(deliveryId, cancellationToken) is not { } found)
        {
            return null;
        }
        return await Across(db.ArchivedDocuments.AsNoTracking()).FirstOrDefaultAsync(d => d.ReportVersionId == found.Version.Id
            && d.OrganisationId == found.Member.Id && d.Language == language, cancellationToken);
    }

    /// <summary>
    /// A member's plan with its goals and measures, read-only, only when the comprehensive report it belongs to has
    /// been delivered to this county: a plan still in preparation is the municipality's own business.
    /// </summary>
    public async Task<(Organisation Member, WelfarePlan Plan, IReadOnlyList<Goal> Goals, IReadOnlyList<Measure> Measures)?> DeliveredPlanAsync(
        Guid municipalityId, Guid planId, CancellationToken cancellationToken)
    {
        if (await MemberAsync(municipalityId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (county, member) = found;
        var plan = await Across(db.Plans.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == member.Id
            && p.ReportId != null
            && db.CountyDeliveries.Any(d => d.ReportId == p.ReportId && d.OrganisationId == county.Id && d.MunicipalityId == member.Id),
            cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var goals = await Across(db.Goals.AsNoTracking()).Where(g => g.PlanId == plan.Id && g.OrganisationId == member.Id)
            .OrderBy(g => g.Position).ToListAsync(cancellationToken);
        var measures = await Across(db.Measures.AsNoTracking()).Where(m => m.PlanId == plan.Id && m.OrganisationId == member.Id)
            .OrderBy(m => m.Position).ToListAsync(cancellationToken);
        return (member, plan, goals, measures);
    }

    /// <summary>
    /// For the regional report's block of the members' goals (issue 18 §3): each active member's plan whose
    /// comprehensive report was delivered to the signed-in user's county (the most recently delivered one when there are
    /// several), with its goals and measures, read-only. The same rule as <see cref="DeliveredPlanAsync"/>: a plan whose
    /// report was never delivered, and any non-member's plan, stays out.
    /// </summary>
    public async Task<IReadOnlyList<(Organisation Member, WelfarePlan Plan, IReadOnlyList<Goal> Goals, IReadOnlyList<Measure> Measures)>> DeliveredPlansAsync(
        CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return [];
        }
        var members = await MembersAsync(county, cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        // Deliveries belong to the county, so the ordinary filter already limits them to its own.
        var deliveries = await db.CountyDeliveries.AsNoTracking()
            .Where(d => d.OrganisationId == county.Id && memberIds.Contains(d.MunicipalityId))
            .Select(d => new { d.MunicipalityId, d.ReportId, d.DeliveredAt }).ToListAsync(cancellationToken);
        var deliveredReportIds = deliveries.Select(d => d.ReportId).Distinct().ToList();
        var plans = await Across(db.Plans.AsNoTracking())
            .Where(p => p.ReportId != null && deliveredReportIds.Contains(p.ReportId.Value) && memberIds.Contains(p.OrganisationId))
            .ToListAsync(cancellationToken);
        var chosen = plans
            .Select(p => (Plan: p, Delivered: deliveries.Where(d => d.ReportId == p.ReportId && d.MunicipalityId == p.OrganisationId)
                .Select(d => (DateTimeOffset?)d.DeliveredAt).Max()))
            .Where(p => p.Delivered is not null)
            .GroupBy(p => p.Plan.OrganisationId)
            .Select(g => g.OrderByDescending(p => p.Delivered).First().Plan)
            .ToList();
        var planIds = chosen.Select(p => p.Id).ToList();
        var goals = await Across(db.Goals.AsNoTracking()).Where(g => planIds.Contains(g.PlanId) && memberIds.Contains(g.OrganisationId))
            .ToListAsync(cancellationToken);
        var measures = await Across(db.Measures.AsNoTracking()).Where(m => planIds.Contains(m.PlanId) && memberIds.Contains(m.OrganisationId))
            .ToListAsync(cancellationToken);
        return members.Select(m => (Member: m, Plan: chosen.FirstOrDefault(p => p.OrganisationId == m.Id)))
            .Where(x => x.Plan is not null)
            .Select(x => (x.Member, x.Plan!,
                (IReadOnlyList<Goal>)goals.Where(g => g.PlanId == x.Plan!.Id && g.OrganisationId == x.Member.Id).OrderBy(g => g.Position).ToList(),
                (IReadOnlyList<Measure>)measures.Where(v => v.PlanId == x.Plan!.Id && v.OrganisationId == x.Member.Id).OrderBy(v => v.Position).ToList()))
            .ToList();
    }

    /// <summary>The support requests the county's members have sent to the signed-in user's county.</summary>
    public async Task<IReadOnlyList<SupportRequest>> MemberRequestsAsync(CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return [];
        }
        return await Across(db.SupportRequests.AsNoTracking())
            .Where(r => r.CountyId == county.Id && db.Organisations.Any(o => o.Id == r.OrganisationId && o.CountyId == county.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One member's request to the signed-in user's county, tracked, for the county to answer or close.</summary>
    public async Task<SupportRequest?> MemberRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await CurrentCountyAsync(cancellationToken) is not { } county)
        {
            return null;
        }
        return await Across(db.SupportRequests).FirstOrDefaultAsync(r => r.Id == requestId && r.CountyId == county.Id
            && db.Organisations.Any(o => o.Id == r.OrganisationId && o.CountyId == county.Id), cancellationToken);
    }

    /// <summary>
    /// The active coordinators of the other side: of the county when the signed-in organisation is its member (a report
    /// delivered, a request sent), or of a member when the signed-in organisation is its county (a request answered).
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> CoordinatorsAcrossAsync(Guid otherOrganisationId, CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } current)
        {
            return [];
        }
        var related = await db.Organisations.AsNoTracking().AnyAsync(o =>
            (o.Id == current && o.CountyId == otherOrganisationId && o.Kind == OrganisationKind.Municipality)
            || (o.Id == otherOrganisationId && o.CountyId == current && o.Kind == OrganisationKind.Municipality), cancellationToken);
        if (!related)
        {
            return [];
        }
        var coordinatorRole = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await Across(db.Users.AsNoTracking())
            .Where(u => u.OrganisationId == otherOrganisationId && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == coordinatorRole))
            .Select(u => new Recipient(u.Id, u.OrganisationId, u.Email, u.PreferredLanguage))
            .ToListAsync(cancellationToken);
    }
}
