using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Plans;

/// <summary>The coordinator's changes to the plan itself: starting the plan of a council term.</summary>
public sealed class PlanEditor(ValfardDbContext db, PlanService plans, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperationResult> CreateAsync(Guid termId, Guid userId, CancellationToken cancellationToken)
    {
        var organisation = await plans.OrganisationAsync(cancellationToken);
        var term = await db.CouncilTerms.FirstOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (organisation is null || term is null)
        {
            return OperationResult.Fail(nameof(CreatePlanViewModel.CouncilTermId), "Validation.TermUnknown");
        }
        if (await db.Plans.AnyAsync(p => p.CouncilTermId == termId, cancellationToken))
        {
            return OperationResult.Fail(null, "Plan.AlreadyExists");
        }
        var report = await db.Reports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.CouncilTermId == termId && r.Kind == ReportKind.Comprehensive, cancellationToken);
        var (fi, sv) = WelfarePlan.DefaultTitles(term);
        var plan = new WelfarePlan(Guid.NewGuid(), organisation.Id, term, report?.Id, fi, organisation.Languages.HasFlag(Domain.Organisations.OrganisationLanguages.Swedish) ? sv : string.Empty,
            userId, clock.GetUtcNow());
        db.Plans.Add(plan);
        audit.Record(organisation.Id, report?.Id, userId, "Plan.Created", plan.TitleFi);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}
