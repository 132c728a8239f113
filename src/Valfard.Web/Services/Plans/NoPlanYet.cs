using Valfard.Domain.Plans;

namespace Valfard.Web.Services.Plans;

/// <summary>Until the welfare plan module is merged, no report carries a plan.</summary>
public sealed class NoPlanYet : IPlanSnapshotSource
{
    public Task<PlanSnapshot?> ForReportAsync(Guid reportId, CancellationToken cancellationToken) => Task.FromResult<PlanSnapshot?>(null);
}
