using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Reports;

public sealed record LinkedPlanItem(Guid Id, LinkedPlanKind Kind, string Title, string? Url, string? FileName, long? FileSize, string? Sha256);

public sealed class LinkedPlansViewModel
{
    public required Guid ReportId { get; init; }
    public required string ReportTitle { get; init; }
    public required IReadOnlyList<LinkedPlanItem> Plans { get; init; }
    public bool CanEdit { get; init; }
    public long MaxFileBytes { get; init; }
}
