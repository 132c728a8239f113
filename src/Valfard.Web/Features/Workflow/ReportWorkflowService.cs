using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.Workflow;

/// <summary>
/// A workflow command as the UI sends it: what to do, the report version it was shown, and the details.
/// <paramref name="WarningsConfirmed"/>: the coordinator ticked "I have checked these" under the checklist's warnings.
/// </summary>
public sealed record WorkflowCommand(WorkflowAction Action, Guid ExpectedVersion, string? Reason = null, CouncilDecisionInput? Decision = null,
    bool WarningsConfirmed = false);

/// <summary>A decision as typed from the minutes; <paramref name="Proposal"/> is the board's proposal to the council (the council's decision has none).</summary>
public sealed record CouncilDecisionInput(string? Body, DateOnly? MeetingDate, string? Paragraph, string? MinutesUrl, string? Amendment,
    string? Proposal = null, string? BodySv = null);

/// <summary>
/// Moves reports through their workflow: who may make which move, the frozen snapshot at approval, the archived
/// PDF at publishing, an audit entry for every move and an in-app notification to the people concerned.
/// </summary>
public sealed partial class ReportWorkflowService(
    ValfardDbContext db,
    ReportDocumentBuilder documents,
    ReportPdfService pdfs,
    CompletenessService completeness,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ReportWorkflowService> logger,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore publicCache,
    County.CountyDeliveries countyDeliveries,
    Notifications.Notifier notifier)
{
    /// <summary>
    /// Which roles may make a move: the welfare group's coordinator runs the report, the secretary records the board's and
    /// the council's decisions (in a Finnish municipality one office keeps both bodies' minutes; see ADR 0027).
    /// </summary>
    public static IReadOnlyList<string> RolesFor(WorkflowAction action) => action switch
    {
        WorkflowAction.SubmitForReview or WorkflowAction.SendToBoard or WorkflowAction.SendToCouncil or WorkflowAction.StartNewVersion => [Roles.Coordinator],
        WorkflowAction.Approve or WorkflowAction.RecordBoardDecision => [Roles.CouncilSecretary],
        WorkflowAction.Publish or WorkflowAction.ReturnToDraft => [Roles.Coordinator, Roles.CouncilSecretary],
        _ => [],
    };

    public static bool MayPerform(WorkflowAction action, Func<string, bool> isInRole) => RolesFor(action).Any(isInRole);

    public async Task<OperationResult> ExecuteAsync(Guid reportId, WorkflowCommand command, Guid userId, Func<string, bool> isInRole,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(isInRole);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return OperationResult.Missing();
        }
        if (!Enum.IsDefined(command.Action))
        {
            return OperationResult.Fail(null, "Workflow.UnknownAction");
        }
        if (!MayPerform(command.Action, isInRole))
        {
            return OperationResult.Fail(null, $"Workflow.NotAllowed.{command.Action}");
        }
        // Checked before the work, too: publishing prints two PDFs, which a stale form should not cost.
        if (!db.ExpectVersion(report, command.ExpectedVersion))
        {
            return OperationResult.Stale();
        }
        var from = report.Status;
        var now = clock.GetUtcNow();
        string details;
        try
        {
            // The checklist the confirmation page shows is the rule here too: a post that skipped the page, or came
            // from a page shown before someone emptied a section, is refused with the same message; nothing changes.
            if (ReportCompleteness.StageOf(command.Action) is { } stage && ReportWorkflow.Target(report.Status, command.Action) is not null)
            {
                (await completeness.ChecklistAsync(report, stage, cancellationToken)).EnsureAllows(command.WarningsConfirmed);
            }
            switch (command.Action)
            {
                case WorkflowAction.Approve:
                    details = await ApproveAsync(report, command.Decision, userId, now, cancellationToken);
                    break;
                case WorkflowAction.Publish:
                    details = await PublishAsync(report, userId, now, cancellationToken);
                    break;
                case WorkflowAction.RecordBoardDecision:
                    details = RecordBoardDecision(report, command.Decision);
                    break;
                case WorkflowAction.SendToBoard or WorkflowAction.SendToCouncil:
                    report.Move(command.Action, command.Reason, now);
                    details = await KeepSentDocumentsAsync(report,
                        command.Action == WorkflowAction.SendToBoard ? ConsiderationStage.Board : ConsiderationStage.Council, now, cancellationToken);
                    break;
                default:
                    report.Move(command.Action, command.Reason, now);
                    details = command.Action == WorkflowAction.ReturnToDraft ? report.ReturnReason! : string.Empty;
                    break;
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        catch (PdfRenderException ex)
        {
            LogPrintFailed(logger, report.Id, command.Action, ex);
            return OperationResult.Fail(null, ex.Message);
        }
        audit.Record(report.OrganisationId, report.Id, userId, $"Workflow.{command.Action}",
            $"{from} → {report.Status}{(details.Length > 0 ? ": " + details : string.Empty)}");
        await NotifyAsync(report, command.Action, userId, now, cancellationToken);
        var saved = await db.SaveAsync(cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }
        LogMoved(logger, report.Id, command.Action, from, report.Status);
        if (command.Action == WorkflowAction.Publish)
        {
            // The public site shows the new version at once: its cached pages are dropped.
            await publicCache.EvictByTagAsync(PublicSite.PublicCache.Tag, cancellationToken);
        }
        return OperationResult.Success;
    }

    private async Task<string> ApproveAsync(WelfareReport report, CouncilDecisionInput? input, Guid userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (ReportWorkflow.Target(report.Status, WorkflowAction.Approve) is null)
        {
            throw new DomainException(ReportWorkflow.IllegalMoveKey(WorkflowAction.Approve));
        }
        input ??= new CouncilDecisionInput(null, null, null, null, null);
        var decision = CouncilDecision.Create(input.Body, input.MeetingDate, input.Paragraph, input.MinutesUrl, input.Amendment,
            FinnishCalendar.Today(clock)).WithBodySv(input.BodySv);
        var snapshot = await documents.SnapshotAsync(report.Id, cancellationToken)
                       ?? throw new DomainException("Workflow.SnapshotFailed");
        var version = report.Approve(decision, snapshot, userId, now);
        db.ReportVersions.Add(version);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{decision.Body} {decision.MeetingDate:yyyy-MM-dd} § {decision.Paragraph}, version {version.Number}, SHA-256 {version.SnapshotSha256}");
    }

    private string RecordBoardDecision(WelfareReport report, CouncilDecisionInput? input)
    {
        if (ReportWorkflow.Target(report.Status, WorkflowAction.RecordBoardDecision) is null)
        {
            throw new DomainException(ReportWorkflow.IllegalMoveKey(WorkflowAction.RecordBoardDecision));
        }
        input ??= new CouncilDecisionInput(null, null, null, null, null);
        var decision = BoardDecision.Create(input.Body, input.MeetingDate, input.Paragraph, input.Proposal, input.MinutesUrl, input.Amendment,
            FinnishCalendar.Today(clock)).WithBodySv(input.BodySv);
        report.RecordBoardDecision(decision);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{decision.Body} {decision.MeetingDate:yyyy-MM-dd} § {decision.Paragraph}");
    }

    /// <summary>
    /// Prints the document the board or the council is given, in every language, and keeps it as they read it. Like
    /// publishing, the move waits for the print: if Chromium fails, nothing is sent.
    /// </summary>
    private async Task<string> KeepSentDocumentsAsync(WelfareReport report, ConsiderationStage stage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var hashes = new List<string>();
        foreach (var language in WelfareReport.LanguagesOf(organisation))
        {
            var model = await pdfs.LiveAsync(report, language, cancellationToken) ?? throw new DomainException("Workflow.SnapshotFailed");
            var pdf = await pdfs.RenderAsync(model, PdfPurpose.Archive, cancellationToken);
            var sent = new SubmittedDocument(report, stage, language, pdf, now);
            db.SubmittedDocuments.Add(sent);
            hashes.Add($"{language} {sent.Sha256}");
        }
        return $"PDF {string.Join(", ", hashes)}";
    }

    /// <summary>Publishing archives the council document in every language first: if printing fails, nothing is published.</summary>
    private async Task<string> PublishAsync(WelfareReport report, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ReportWorkflow.Target(report.Status, WorkflowAction.Publish) is null)
        {
            throw new DomainException(ReportWorkflow.IllegalMoveKey(WorkflowAction.Publish));
        }
        var version = await db.ReportVersions.FirstOrDefaultAsync(v => v.ReportId == report.Id && v.Number == report.VersionNumber, cancellationToken)
                      ?? throw new DomainException("Workflow.VersionMismatch");
        report.Publish(version, userId, now);
        var hashes = new List<string>();
        foreach (var language in ReportDocumentBuilder.SnapshotLanguages(version.SnapshotJson))
        {
            var pdf = await pdfs.RenderAsync(await pdfs.ForVersionAsync(version, language, cancellationToken), PdfPurpose.Archive, cancellationToken);
            var archived = new ArchivedDocument(version, language, pdf, now);
            db.ArchivedDocuments.Add(archived);
            hashes.Add($"{language} {archived.Sha256}");
        }
        // A municipality's report goes to its county as part of publishing (the law sends the approved report there).
        var delivery = await countyDeliveries.DeliverAsync(report, version, userId, now, cancellationToken);
        return $"version {version.Number}; PDF {string.Join(", ", hashes)}{(delivery is null ? string.Empty : "; delivered to the county")}";
    }

    /// <summary>
    /// Who hears of a move: the welfare group while it works on the text, the board's and the council's members (one
    /// role, <see cref="Roles.CouncilMember"/>) and the secretary when it is sent to them, everyone when a body decides.
    /// </summary>
    public static IReadOnlyList<string> NotifiedRoles(WorkflowAction action) => action switch
    {
        WorkflowAction.SubmitForReview or WorkflowAction.StartNewVersion => [Roles.Coordinator, Roles.Editor],
        WorkflowAction.SendToBoard or WorkflowAction.SendToCouncil => [Roles.Coordinator, Roles.CouncilMember, Roles.CouncilSecretary],
        WorkflowAction.ReturnToDraft => [Roles.Coordinator, Roles.Editor, Roles.CouncilSecretary],
        _ => [Roles.Coordinator, Roles.Editor, Roles.CouncilMember, Roles.CouncilSecretary],
    };

    private async Task NotifyAsync(WelfareReport report, WorkflowAction action, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roles = NotifiedRoles(action);
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var people = await db.Users.Where(u => u.IsActive && u.Id != actorId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(people, $"Notification.Workflow.{action}",
            language => action == WorkflowAction.ReturnToDraft && report.ReturnReason is { } reason
                ? $"{report.TitleIn(language)}: {reason}"
                : report.TitleIn(language),
            $"/reports/{report.Id}/read", now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId}: {Action} moved it from {From} to {To}")]
    private static partial void LogMoved(ILogger logger, Guid reportId, WorkflowAction action, ReportStatus from, ReportStatus to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {ReportId}: {Action} did not go through because its PDF could not be printed")]
    private static partial void LogPrintFailed(ILogger logger, Guid reportId, WorkflowAction action, Exception exception);
}
