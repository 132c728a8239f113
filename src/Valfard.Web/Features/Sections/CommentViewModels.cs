using Valfard.Domain.Reports;

using Valfard.Web.Features.Account;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Feedback;
using Valfard.Web.Features.Home;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.Reports;
using Valfard.Web.Features.Workflow;
namespace Valfard.Web.Features.Sections;

public sealed record CommentItem(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

public sealed record CommentThread(Guid Id, string Author, string Text, DateTimeOffset CreatedAt, bool IsResolved,
    string? ResolvedBy, IReadOnlyList<CommentItem> Replies);

public sealed class CommentsViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid SectionId { get; init; }
    public required IReadOnlyList<CommentThread> Threads { get; init; }
    public required IReadOnlyList<EditorOption> People { get; init; }
    public bool CanComment { get; init; }
}

public sealed record NotificationItem(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record ObservationItem(Guid Id, ObservationKind Kind, LifeStage LifeStage, string TextFi, string TextSv, string Evidence, Guid Version);

public sealed class ObservationFormViewModel
{
    public Guid? Id { get; set; }
    public Guid ReportId { get; set; }
    public string ReportTitle { get; set; } = string.Empty;
    public bool Bilingual { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ObservationKind")]
    public ObservationKind Kind { get; set; } = ObservationKind.Concern;

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.LifeStage")]
    public LifeStage LifeStage { get; set; } = LifeStage.ChildrenAndFamilies;

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextFi")]
    public string? TextFi { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextSv")]
    public string? TextSv { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.EvidenceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.Evidence")]
    public string? Evidence { get; set; }

    public Guid? Version { get; set; }
}

public sealed record LinkedPlanItem(Guid Id, LinkedPlanKind Kind, string Title, string? Url, string? FileName, long? FileSize, string? Sha256);

public sealed class LinkedPlansViewModel
{
    public required Guid ReportId { get; init; }
    public required string ReportTitle { get; init; }
    public required IReadOnlyList<LinkedPlanItem> Plans { get; init; }
    public bool CanEdit { get; init; }
    public long MaxFileBytes { get; init; }
}
