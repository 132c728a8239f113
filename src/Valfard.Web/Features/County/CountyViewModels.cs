using System.ComponentModel.DataAnnotations;
using Valfard.Domain.Counties;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.County;

/// <summary>Where a member's report or plan stands, as the county sees it; each state has its own word, never a colour only.</summary>
public enum MemberDocumentState
{
    None = 0,
    Draft = 1,
    WithCouncil = 2,
    Approved = 3,
    Published = 4,
    Delivered = 5,
}

public sealed record MemberDocument(string Title, MemberDocumentState State, int? Year);

public sealed record DeliveryLink(Guid Id, string Title, ReportKind Kind, int? Year, int VersionNumber, DateTimeOffset DeliveredAt);

public sealed record MemberPlanLink(Guid PlanId, string Title, MemberDocumentState State, bool Readable);

public sealed class CountyMemberRow
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public MemberDocument? Comprehensive { get; init; }
    public MemberDocument? LatestAnnual { get; init; }
    public MemberPlanLink? Plan { get; init; }
    public required IReadOnlyList<DeliveryLink> Deliveries { get; init; }
    public int OpenRequests { get; init; }
}

public sealed class CountyOverviewViewModel
{
    public required string CountyName { get; init; }
    public string? TermLabel { get; init; }
    public required IReadOnlyList<CountyMemberRow> Members { get; init; }
    public int OpenRequests { get; init; }
}

/// <summary>A delivered version in the county's read-only reading view.</summary>
public sealed class DeliveredReportViewModel
{
    public required Guid DeliveryId { get; init; }
    public required string Language { get; init; }
    public required string MemberName { get; init; }
    public required ReportDocument Document { get; init; }
    public required DocumentDecision Decision { get; init; }
    public required DateTimeOffset DeliveredAt { get; init; }
    public required IReadOnlyList<(string Language, long Size, string Sha256)> Files { get; init; }
    public bool IsInOtherLanguage => Document.Language != Language;
}

public sealed record MemberMeasureRow(string Code, string Title, MeasureStatus Status, int? StartYear, int? EndYear);

public sealed record MemberGoalRow(string Code, string Title, LifeStage LifeStage, IReadOnlyList<MemberMeasureRow> Measures);

public sealed class MemberPlanViewModel
{
    public required string MemberName { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<MemberGoalRow> Goals { get; init; }
}

public sealed record SupportRequestRow(Guid Id, string MunicipalityName, SupportKind Kind, string Message, SupportRequestState State,
    DateTimeOffset RequestedAt, string? Answer, DateTimeOffset? AnsweredAt, string? ReportTitle, Guid? ReportId);

public sealed class SupportListViewModel
{
    public required string OtherName { get; init; }
    public required IReadOnlyList<SupportRequestRow> Requests { get; init; }
}

/// <summary>The municipality's request form.</summary>
public sealed class SupportRequestForm
{
    [Required(ErrorMessage = "County.Support.KindRequired")]
    public SupportKind? Kind { get; set; }

    [Required(ErrorMessage = "County.Support.MessageRequired")]
    [StringLength(SupportRequest.MessageMaxLength, ErrorMessage = "County.Support.MessageTooLong")]
    public string? Message { get; set; }

    public Guid? ReportId { get; set; }

    public string? CountyName { get; set; }
    public IReadOnlyList<(Guid Id, string Title)> Reports { get; set; } = [];
}

/// <summary>The county's answer to one request, with the request shown above it.</summary>
public sealed class SupportAnswerForm
{
    [Required(ErrorMessage = "County.Support.AnswerRequired")]
    [StringLength(SupportRequest.AnswerMaxLength, ErrorMessage = "County.Support.AnswerTooLong")]
    public string? Answer { get; set; }

    public Guid Version { get; set; }
    public SupportRequestRow? Request { get; set; }
}
