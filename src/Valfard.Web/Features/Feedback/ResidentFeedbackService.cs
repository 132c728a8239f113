using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Feedback;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.PublicSite;

namespace Valfard.Web.Features.Feedback;

/// <summary>
/// Feedback residents send from the public site. It is stored for the organisation and its coordinators are
/// notified; report feedback appears publicly only once a coordinator approves it.
/// </summary>
public sealed class ResidentFeedbackService(ValfardDbContext db, PublicSiteService site, TimeProvider clock,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore publicCache, Notifications.Notifier notifier)
{
    public async Task<bool> SubmitReportFeedbackAsync(string organisationSlug, string reportSlug, string language, ReportFeedbackForm form,
        CancellationToken cancellationToken)
    {
        var found = await site.FindPublishedAsync(organisationSlug, reportSlug, cancellationToken);
        if (found is null)
        {
            return false;
        }
        var (organisation, version) = found.Value;
        var feedback = new ResidentFeedback(organisation.Id, FeedbackKind.Report, version.ReportId, language,
            $"/{language}/{organisationSlug}/{reportSlug}", form.Message!, form.Name, null, clock.GetUtcNow());
        await SaveAndNotifyAsync(feedback, "Notification.Feedback.Report", cancellationToken);
        return true;
    }

    public async Task<bool> SubmitAccessibilityFeedbackAsync(string language, AccessibilityFeedbackForm form, CancellationToken cancellationToken)
    {
        var organisation = await site.FindOrganisationAsync(form.Organisation ?? string.Empty, cancellationToken);
        if (organisation is null)
        {
            return false;
        }
        var feedback = new ResidentFeedback(organisation.Id, FeedbackKind.Accessibility, null, language, form.Page ?? string.Empty,
            form.Message!, form.Name, form.Email, clock.GetUtcNow());
        await SaveAndNotifyAsync(feedback, "Notification.Feedback.Accessibility", cancellationToken);
        return true;
    }

    /// <summary>Approved comments on a report, oldest first, for its public page.</summary>
    public async Task<IReadOnlyList<(string Message, string? Name, DateTimeOffset ReceivedAt)>> ApprovedAsync(Guid organisationId, Guid reportId,
        CancellationToken cancellationToken)
    {
        var approved = await db.ResidentFeedback.AsNoTracking().IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(f => f.OrganisationId == organisationId && f.ReportId == reportId && f.Kind == FeedbackKind.Report && f.Status == FeedbackStatus.Approved)
            .Select(f => new { f.Message, f.Name, f.ReceivedAt }).ToListAsync(cancellationToken);
        return approved.OrderBy(f => f.ReceivedAt).Select(f => (f.Message, f.Name, f.ReceivedAt)).ToList();
    }

    /// <summary>The signed-in organisation's feedback (the tenant filter applies), newest first.</summary>
    public async Task<IReadOnlyList<FeedbackItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await db.ResidentFeedback.AsNoTracking().ToListAsync(cancellationToken);
        var reportIds = items.Where(f => f.ReportId is not null).Select(f => f.ReportId!.Value).Distinct().ToList();
        var titles = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.TitleIn(language), cancellationToken);
        return items.OrderByDescending(f => f.ReceivedAt)
            .Select(f => new FeedbackItem(f.Id, f.Kind, f.ReportId is { } id ? titles.GetValueOrDefault(id) : null, f.Page, f.Language, f.Message,
                f.Name, f.Email, f.ReceivedAt, f.AnswerDueAt, f.Status, f.IsOverdue(now)))
            .ToList();
    }

    public async Task<OperationResult> HandleAsync(Guid id, FeedbackStatus outcome, Guid userId, CancellationToken cancellationToken)
    {
        var feedback = await db.ResidentFeedback.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return OperationResult.Missing();
        }
        try
        {
            var now = clock.GetUtcNow();
            switch (outcome)
            {
                case FeedbackStatus.Approved:
                    feedback.Approve(userId, now);
                    break;
                case FeedbackStatus.Rejected:
                    feedback.Reject(userId, now);
                    break;
                case FeedbackStatus.Answered:
                    feedback.MarkAnswered(userId, now);
                    break;
                default:
                    return OperationResult.Missing();
            }
        }
        catch (DomainException e)
        {
            return OperationResult.Refused(e);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (outcome == FeedbackStatus.Approved)
        {
            await publicCache.EvictByTagAsync(PublicCache.Tag, cancellationToken);
        }
        return OperationResult.Success;
    }

    private async Task SaveAndNotifyAsync(ResidentFeedback feedback, string kind, CancellationToken cancellationToken)
    {
        db.ResidentFeedback.Add(feedback);
        var coordinatorRoleId = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var coordinators = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter])
            .Where(u => u.OrganisationId == feedback.OrganisationId && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == coordinatorRoleId))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(coordinators, kind, _ => feedback.Message, "/feedback", feedback.ReceivedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
