using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Sections;

/// <summary>
/// Comment threads on a section: the welfare group comments while it writes; council members comment while the
/// report is with the council. Mentioned people, and the author of the thread replied to, get an in-app notification.
/// </summary>
public sealed class CommentService(ValfardDbContext db, AuditTrail audit, TimeProvider clock, Notifications.Notifier notifier)
{
    public static bool CanComment(ReportStatus status, Actor actor, bool isCouncilMember) =>
        ReportWorkflow.IsWithDecisionMakers(status) ? isCouncilMember || actor.IsCoordinator : !isCouncilMember || actor.IsCoordinator;

    /// <summary>
    /// A council member may resolve or reopen only the threads they started: the welfare group's own threads are its
    /// working notes, not the council's to close. Returns whose threads the viewer may resolve, or null for all.
    /// </summary>
    public static Guid? ResolvesOnlyThreadsOf(Actor actor, bool isCouncilMember) =>
        isCouncilMember && !actor.IsCoordinator ? actor.UserId : null;

    public async Task<CommentsViewModel?> ForSectionAsync(Guid reportId, Guid sectionId, bool canComment, Guid? resolvesOnlyThreadsOf,
        CancellationToken cancellationToken) =>
        (await ForSectionsAsync(reportId, [sectionId], canComment, resolvesOnlyThreadsOf, cancellationToken)).GetValueOrDefault(sectionId);

    /// <summary>
    /// The threads of several sections of one report (the reading view shows them all) with one query for the comments
    /// and one for the people, whatever the number of sections.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CommentsViewModel>> ForSectionsAsync(Guid reportId, IReadOnlyCollection<Guid> sectionIds,
        bool canComment, Guid? resolvesOnlyThreadsOf, CancellationToken cancellationToken)
    {
        var existing = await db.ReportSections.Where(s => s.ReportId == reportId && sectionIds.Contains(s.Id))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            return new Dictionary<Guid, CommentsViewModel>();
        }
        // Ordered in memory: SQLite cannot order by a DateTimeOffset column.
        var comments = (await db.SectionComments.AsNoTracking().Where(c => existing.Contains(c.SectionId)).ToListAsync(cancellationToken))
            .OrderBy(c => c.CreatedAt).ToLookup(c => c.SectionId);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        string Name(Guid? id) => id is { } value ? names.GetValueOrDefault(value, "?") : "?";
        var people = users.Where(u => u.IsActive).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new EditorOption(u.Id, u.DisplayName, true)).ToList();
        return existing.ToDictionary(id => id, id =>
        {
            var ofSection = comments[id].ToList();
            var threads = ofSection.Where(c => c.IsThread)
                .OrderBy(c => c.IsResolved).ThenByDescending(c => c.CreatedAt)
                .Select(t => new CommentThread(t.Id, Name(t.AuthorId), t.Text, t.CreatedAt, t.IsResolved, t.IsResolved ? Name(t.ResolvedById) : null,
                    canComment && (resolvesOnlyThreadsOf is null || t.AuthorId == resolvesOnlyThreadsOf),
                    ofSection.Where(r => r.ParentId == t.Id).Select(r => new CommentItem(r.Id, Name(r.AuthorId), r.Text, r.CreatedAt)).ToList()))
                .ToList();
            return new CommentsViewModel
            {
                ReportId = reportId,
                SectionId = id,
                Threads = threads,
                CanComment = canComment,
                People = people,
            };
        });
    }

    public async Task<OperationResult> AddAsync(Guid reportId, Guid sectionId, Guid? threadId, string? text, IReadOnlyCollection<Guid> mentioned,
        Actor actor, bool isCouncilMember, string sectionLink, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null)
        {
            return OperationResult.Missing();
        }
        if (!CanComment(report.Status, actor, isCouncilMember))
        {
            return OperationResult.Fail(null, "Comments.NotAllowed");
        }
        SectionComment? thread = null;
        if (threadId is { } id)
        {
            thread = await db.SectionComments.FirstOrDefaultAsync(c => c.Id == id && c.SectionId == sectionId, cancellationToken);
            if (thread is null)
            {
                return OperationResult.Missing();
            }
        }
        var now = clock.GetUtcNow();
        SectionComment comment;
        try
        {
            comment = new SectionComment(Guid.NewGuid(), sectionId, section.OrganisationId, thread, actor.UserId, text ?? string.Empty, now);
        }
        catch (DomainException ex)
        {
            return OperationResult.Fail("Text", ex.Message);
        }
        db.SectionComments.Add(comment);
        if (thread is { IsResolved: true })
        {
            // Replying to a resolved thread means it is not settled after all.
            thread.Reopen();
        }

        // Users are tenant-filtered, so a mention of someone in another organisation is dropped here.
        var recipients = await db.Users.Where(u => mentioned.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        if (thread is not null)
        {
            recipients.Add(thread.AuthorId);
        }
        var summary = $"{section.TitleFi}: {comment.Text}";
        var others = recipients.Distinct().Where(u => u != actor.UserId).ToList();
        var link = $"{sectionLink}#comment-{comment.Id}";
        await notifier.NotifyAsync(others.Where(mentioned.Contains), "Notification.Mentioned", _ => summary, link, now, cancellationToken);
        await notifier.NotifyAsync(others.Where(u => !mentioned.Contains(u)), "Notification.Replied", _ => summary, link, now, cancellationToken);
        audit.Record(section.OrganisationId, reportId, actor.UserId, thread is null ? "Comment.Added" : "Comment.Replied", section.TitleFi);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> SetResolvedAsync(Guid reportId, Guid sectionId, Guid threadId, bool resolved, Actor actor,
        bool isCouncilMember, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var thread = await db.SectionComments.FirstOrDefaultAsync(c => c.Id == threadId && c.SectionId == sectionId && c.ParentId == null, cancellationToken);
        var sectionInReport = await db.ReportSections.AnyAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || thread is null || !sectionInReport)
        {
            return OperationResult.Missing();
        }
        if (!CanComment(report.Status, actor, isCouncilMember))
        {
            return OperationResult.Fail(null, "Comments.NotAllowed");
        }
        if (ResolvesOnlyThreadsOf(actor, isCouncilMember) is { } onlyOf && thread.AuthorId != onlyOf)
        {
            return OperationResult.Fail(null, "Comments.ResolveNotAllowed");
        }
        if (resolved)
        {
            thread.Resolve(actor.UserId, clock.GetUtcNow());
        }
        else
        {
            thread.Reopen();
        }
        audit.Record(thread.OrganisationId, reportId, actor.UserId, resolved ? "Comment.Resolved" : "Comment.Reopened", thread.Text);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}
