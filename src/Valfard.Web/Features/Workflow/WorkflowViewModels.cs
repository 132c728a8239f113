using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Valfard.Domain.Reports;

namespace Valfard.Web.Features.Workflow;

/// <summary>The confirmation page of a workflow move, with the reason or the council decision where the move needs one.</summary>
public sealed class WorkflowFormViewModel
{
    [BindNever]
    public Guid ReportId { get; set; }
    [BindNever]
    public string Title { get; set; } = string.Empty;
    [BindNever]
    public ReportStatus Status { get; set; }
    [BindNever]
    public WorkflowAction Action { get; set; }
    public Guid ExpectedVersion { get; set; }
    [BindNever]
    public int VersionNumber { get; set; }

    [Display(Name = "Workflow.Reason")]
    [StringLength(ReportWorkflow.ReasonMaxLength, ErrorMessage = "Validation.ReturnReasonTooLong")]
    public string? Reason { get; set; }

    [Display(Name = "Decision.Body")]
    [StringLength(CouncilDecision.BodyMaxLength, ErrorMessage = "Validation.DecisionBodyTooLong")]
    public string? Body { get; set; }

    [Display(Name = "Decision.BodySv")]
    [StringLength(CouncilDecision.BodyMaxLength, ErrorMessage = "Validation.DecisionBodyTooLong")]
    public string? BodySv { get; set; }

    [Display(Name = "Decision.MeetingDate")]
    public DateOnly? MeetingDate { get; set; }

    [Display(Name = "Decision.Paragraph")]
    [StringLength(CouncilDecision.ParagraphMaxLength, ErrorMessage = "Validation.DecisionParagraphTooLong")]
    public string? Paragraph { get; set; }

    [Display(Name = "Decision.MinutesUrl")]
    [StringLength(CouncilDecision.MinutesUrlMaxLength, ErrorMessage = "Validation.DecisionMinutesUrl")]
    public string? MinutesUrl { get; set; }

    [Display(Name = "BoardDecision.Proposal")]
    [StringLength(BoardDecision.ProposalMaxLength, ErrorMessage = "Validation.BoardProposalTooLong")]
    public string? Proposal { get; set; }

    [Display(Name = "Decision.Amendment")]
    [StringLength(CouncilDecision.AmendmentMaxLength, ErrorMessage = "Validation.DecisionAmendmentTooLong")]
    public string? Amendment { get; set; }

    /// <summary>A wellbeing services county: its bodies are aluehallitus and aluevaltuusto, and the help texts say so.</summary>
    [BindNever]
    public bool IsCounty { get; set; }

    /// <summary>The board's decision already recorded, shown when the report is sent on to the council.</summary>
    [BindNever]
    public BoardDecision? BoardDecision { get; set; }

    /// <summary>"I have checked these": the coordinator confirms the checklist's warnings.</summary>
    [Display(Name = "Checklist.Confirm")]
    public bool WarningsConfirmed { get; set; }

    /// <summary>The completeness checklist of the steps it guards (review, board, council, publishing); null for the others.</summary>
    [BindNever]
    public ChecklistView? Checklist { get; set; }

    /// <summary>The languages the council document will be archived in at publishing.</summary>
    [BindNever]
    public IReadOnlyList<string> Languages { get; set; } = [];
}
