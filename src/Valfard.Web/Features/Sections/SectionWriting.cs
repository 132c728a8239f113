using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

using Valfard.Web.Common;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Sections;

public enum SaveOutcomeKind
{
    Saved,
    Conflict,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>What an autosave answers: the new version, or on a conflict the text someone else saved meanwhile.</summary>
public sealed record SaveOutcome(SaveOutcomeKind Kind, Guid? Version = null, DateTimeOffset? SavedAt = null,
    string? TheirHtml = null, string? TheirAuthor = null, string? ErrorKey = null);

/// <summary>Writing a section: the editor page, autosave with conflict detection, revisions and status.</summary>
public sealed partial class SectionWriting(
    ValfardDbContext db,
    RichTextSanitizer sanitizer,
    AuditTrail audit,
    TimeProvider clock,
    Notifications.Notifier notifier,
    ILogger<SectionWriting> logger)
{
    public async Task<SectionEditorViewModel?> EditorAsync(Guid reportId, Guid sectionId, Actor actor, string language, CancellationToken cancellationToken)
    {
        // The other sections are needed only for numbering; only this section's texts are loaded.
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.AsNoTracking().Include(s => s.Texts).Include(s => s.Editors).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null)
        {
            return null;
        }
        var authorIds = section.Texts.Select(t => t.UpdatedById).OfType<Guid>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var sector = section.SectorId is { } sectorId ? await db.Sectors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectorId, cancellationToken) : null;
        var role = report.Status == ReportStatus.Draft ? actor.RoleIn(section) : null;
        var sourceIds = section.Texts.Select(t => t.CopiedFromReportId).OfType<Guid>().Distinct().ToList();
        var sources = await db.Reports.AsNoTracking().Where(r => sourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return new SectionEditorViewModel
        {
            ListsAssessments = section.ListsAssessments,
            IsIntentionallyEmpty = section.IsIntentionallyEmpty,
            EmptyReasonFi = section.EmptyReasonFi,
            EmptyReasonSv = section.EmptyReasonSv,
            TitleFi = section.TitleFi,
            TitleSv = section.TitleSv,
            MembersIndicatorId = section.MembersIndicatorId,
            SummarisesMembersGoals = section.SummarisesMembersGoals,
            IsRegional = report.Kind == ReportKind.Regional,
            Copied = section.Texts.OrderBy(t => t.Language)
                .Where(t => t.CopiedFromReportId is { } from && sources.ContainsKey(from) && t.CopiedFromVersion is not null)
                .Select(t => new CopiedNote(t.Language, sources[t.CopiedFromReportId!.Value].TitleIn(language), sources[t.CopiedFromReportId!.Value].Year,
                    t.CopiedFromVersion!.Value))
                .ToList(),
            ReportId = report.Id,
            SectionId = section.Id,
            ReportTitle = report.TitleIn(language),
            Number = report.SectionNumbers()[section.Id],
            Title = section.TitleIn(language),
            Guidance = section.GuidanceIn(language),
            Status = section.Status,
            DueDate = section.DueDate,
            SectorName = sector?.NameIn(language),
            CanWrite = report.Status == ReportStatus.Draft && actor.CanWrite(section),
            StatusMoves = role is { } r ? section.MovesFor(r) : [],
            ReportStatus = report.Status,
            Purpose = section.Purpose,
            Texts = section.Texts.OrderBy(t => t.Language).Select(t => new TextPane(t.Language, t.Html, t.Version, t.UpdatedAt,
                t.UpdatedById is { } id ? names.GetValueOrDefault(id) : null,
                section.Texts.Any(o => o != t && t.IsBehind(o)))).ToList(),
        };
    }

    public Task<SaveOutcome> SaveAsync(Guid reportId, Guid sectionId, string language, string? html, Guid basedOnVersion,
        Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(reportId, sectionId, language, html, basedOnVersion, actor, retried: false, cancellationToken);

    private async Task<SaveOutcome> SaveAsync(Guid reportId, Guid sectionId, string language, string? html, Guid basedOnVersion,
        Actor actor, bool retried, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.Include(s => s.Texts).Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        var text = section?.TextIn(language);
        if (report is null || section is null || text is null)
        {
            return new SaveOutcome(SaveOutcomeKind.NotFound);
        }
        if (report.Status != ReportStatus.Draft || !actor.CanWrite(section))
        {
            return new SaveOutcome(SaveOutcomeKind.Forbidden, ErrorKey: report.Status != ReportStatus.Draft ? "Reports.NotEditable" : "Sections.NotYours");
        }
        var clean = sanitizer.Sanitize(html);
        var now = clock.GetUtcNow();
        try
        {
            text.Write(clean, basedOnVersion, actor.UserId, now, section);
        }
        catch (StaleEditException)
        {
            return await ConflictAsync(text, cancellationToken);
        }
        catch (DomainException ex)
        {
            return new SaveOutcome(SaveOutcomeKind.Invalid, ErrorKey: ex.Message);
        }
        if (await KeepRevisionAsync(section, language, clean, actor.UserId, now, restoredFrom: null, cancellationToken))
        {
            // One audit entry per editing session, like the revisions; autosaves within it only extend it.
            audit.Record(section.OrganisationId, reportId, actor.UserId, "Section.TextSaved", $"{section.TitleFi} ({language})");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Someone saved between our read and our write. Their save may show as a stale version token or as the
            // revision number they took first; either way, show their text and keep ours in the browser.
            db.ChangeTracker.Clear();
            var fresh = await db.SectionTexts.AsNoTracking().FirstAsync(t => t.Id == text.Id, cancellationToken);
            if (fresh.Version == basedOnVersion)
            {
                // The text did not move, so the collision was elsewhere in the section (the other language starting
                // it at the same moment). One more try sees that change and goes through.
                if (!retried)
                {
                    return await SaveAsync(reportId, sectionId, language, html, basedOnVersion, actor, retried: true, cancellationToken);
                }
                throw;
            }
            LogRace(logger, ex, sectionId, language);
            return await ConflictAsync(fresh, cancellationToken);
        }
        return new SaveOutcome(SaveOutcomeKind.Saved, text.Version, now);
    }

    private async Task<SaveOutcome> ConflictAsync(SectionText current, CancellationToken cancellationToken)
    {
        var author = current.UpdatedById is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SaveOutcome(SaveOutcomeKind.Conflict, current.Version, current.UpdatedAt, current.Html, author);
    }

    /// <summary>Extends the writer's open revision, or starts a new one (another writer, a pause, or a restore).</summary>
    /// <returns>True when a new revision was started.</returns>
    internal async Task<bool> KeepRevisionAsync(ReportSection section, string language, string html, Guid authorId, DateTimeOffset now,
        int? restoredFrom, CancellationToken cancellationToken)
    {
        var latest = await db.SectionRevisions.Where(r => r.SectionId == section.Id && r.Language == language)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (restoredFrom is null && latest is not null && latest.CanBeExtendedBy(authorId, now))
        {
            latest.Extend(html, now);
            return false;
        }
        db.SectionRevisions.Add(new SectionRevision(Guid.NewGuid(), section.Id, section.OrganisationId, language,
            (latest?.Number ?? 0) + 1, html, authorId, now, restoredFrom));
        return true;
    }

    /// <summary>
    /// Inserts (an indicator) or removes (null) the block "Member municipalities compared" in a regional report's
    /// section; as for indicators, only its writers, only in a draft. The domain refuses it in any other kind of report.
    /// </summary>
    public async Task<OperationResult> CompareMembersAsync(Guid reportId, Guid sectionId, int? indicatorId, Actor actor, CancellationToken cancellationToken)
    {
        var (report, section, refusal) = await WritableDraftSectionAsync(reportId, sectionId, actor, "Sections.NotYours", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (indicatorId is { } id && !await db.Indicators.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return OperationResult.Fail(null, "Sets.IndicatorUnknown");
        }
        return await db.ChangeAsync(() =>
        {
            section.CompareMembers(indicatorId, report.Kind);
            audit.Record(section.OrganisationId, reportId, actor.UserId, indicatorId is null ? "Section.MembersRemoved" : "Section.MembersAdded",
                indicatorId is null ? section.TitleFi : $"{section.TitleFi}: {indicatorId}");
        }, cancellationToken);
    }

    /// <summary>
    /// Inserts or removes the block "Member municipalities' goals by life stage" in a regional report's section; only its
    /// writers, only in a draft. The domain refuses it in any other kind of report.
    /// </summary>
    public async Task<OperationResult> SummariseMembersGoalsAsync(Guid reportId, Guid sectionId, bool show, Actor actor, CancellationToken cancellationToken)
    {
        var (report, section, refusal) = await WritableDraftSectionAsync(reportId, sectionId, actor, "Sections.NotYours", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await db.ChangeAsync(() =>
        {
            section.SummariseMembersGoals(show, report.Kind);
            audit.Record(section.OrganisationId, reportId, actor.UserId, show ? "Section.MembersGoalsAdded" : "Section.MembersGoalsRemoved", section.TitleFi);
        }, cancellationToken);
    }

    /// <summary>Inserts or removes the block "Impact assessments of the year" in a section; as for indicators, only its writers, only in a draft.</summary>
    public async Task<OperationResult> ShowAssessmentsAsync(Guid reportId, Guid sectionId, bool show, Actor actor, CancellationToken cancellationToken)
    {
        var (report, section, refusal) = await WritableDraftSectionAsync(reportId, sectionId, actor, "Sections.NotYours", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await db.ChangeAsync(() =>
        {
            section.ShowAssessments(show);
            audit.Record(section.OrganisationId, reportId, actor.UserId, show ? "Section.AssessmentsAdded" : "Section.AssessmentsRemoved", section.TitleFi);
        }, cancellationToken);
    }

    /// <summary>
    /// Marks the section as left empty on purpose with its reason (leave = true), or takes the mark away. As for its
    /// blocks, only its writers, only in a draft: the text the board and the council read does not change under them.
    /// </summary>
    public async Task<OperationResult> LeaveEmptyAsync(Guid reportId, Guid sectionId, bool leave, string? reasonFi, string? reasonSv, Actor actor,
        CancellationToken cancellationToken)
    {
        var (report, section, refusal) = await WritableDraftSectionAsync(reportId, sectionId, actor, "Reports.NotEditable", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await db.ChangeAsync(() =>
        {
            if (leave)
            {
                section.LeaveEmpty(reasonFi, reasonSv);
            }
            else
            {
                section.ExpectText();
            }
            audit.Record(section.OrganisationId, reportId, actor.UserId, leave ? "Section.LeftEmpty" : "Section.TextExpected",
                leave ? $"{section.TitleFi}: {section.EmptyReasonFi} / {section.EmptyReasonSv}" : section.TitleFi);
        }, cancellationToken);
    }

    /// <summary>
    /// Renames the section in this report only (the template's title is where it came from); its writers do it while
    /// the report is a draft, like its other marks. The language status links here for a title missing in one language.
    /// </summary>
    public async Task<OperationResult> RetitleAsync(Guid reportId, Guid sectionId, string? titleFi, string? titleSv, Actor actor,
        CancellationToken cancellationToken)
    {
        var (_, section, refusal) = await WritableDraftSectionAsync(reportId, sectionId, actor, "Reports.NotEditable", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await db.ChangeAsync(() =>
        {
            var before = $"{section.TitleFi} / {section.TitleSv}";
            section.Retitle(titleFi ?? string.Empty, titleSv ?? section.TitleSv);
            audit.Record(section.OrganisationId, reportId, actor.UserId, "Section.Retitled", $"{before} → {section.TitleFi} / {section.TitleSv}");
        }, cancellationToken);
    }

    /// <summary>
    /// The section of a draft, for one of its writers: blocks and marks change only in a draft (what the board and the
    /// council read does not move under them) and only by the section's writers. Otherwise the refusal to answer with;
    /// <paramref name="notDraftKey"/> is the message for a report that is no longer a draft.
    /// </summary>
    private async Task<(WelfareReport Report, ReportSection Section, OperationResult? Refusal)> WritableDraftSectionAsync(Guid reportId,
        Guid sectionId, Actor actor, string notDraftKey, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null)
        {
            return (null!, null!, OperationResult.Missing());
        }
        if (report.Status != ReportStatus.Draft)
        {
            return (report, section, OperationResult.Fail(null, notDraftKey));
        }
        return actor.CanWrite(section) ? (report, section, null) : (report, section, OperationResult.Fail(null, "Sections.NotYours"));
    }

    public async Task<OperationResult> SetStatusAsync(Guid reportId, Guid sectionId, SectionStatus status, Actor actor, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null)
        {
            return OperationResult.Missing();
        }
        // Statuses change only while the report is a draft, and only by those who may write the section; which
        // moves each of them may make is the section's own table (writers hand over, the coordinator accepts).
        if (report.Status != ReportStatus.Draft || actor.RoleIn(section) is not { } role)
        {
            return OperationResult.Fail(null, SectionWorkflow.NotAllowedKey);
        }
        var from = section.Status;
        try
        {
            // A status that does not exist (a hand-made post) is refused with its message, not a server error.
            section.MoveTo(status, role);
        }
        catch (DomainException ex)
        {
            return OperationResult.Fail(null, ex.Message);
        }
        audit.Record(section.OrganisationId, reportId, actor.UserId, "Section.StatusChanged", $"{section.TitleFi}: {status}");
        await NotifyMoveAsync(report, section, SectionWorkflow.Find(from, status)!.Action, role, actor.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// A hand-over tells the coordinators a text waits for them; the coordinator's answer (back to work, done, reopened)
    /// tells the section's editors. A writer taking their own hand-over back tells nobody.
    /// </summary>
    private async Task NotifyMoveAsync(WelfareReport report, ReportSection section, SectionAction action, SectionRole role, Guid actorId,
        CancellationToken cancellationToken)
    {
        List<Guid> recipients;
        string kind;
        if (action == SectionAction.MarkReady)
        {
            var roleId = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            recipients = await db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
                .Select(u => u.Id).ToListAsync(cancellationToken);
            kind = Domain.Notifications.NotificationKinds.SectionReady;
        }
        else if (action == SectionAction.BackToWork && role == SectionRole.Writer)
        {
            return;
        }
        else
        {
            recipients = section.Editors.Select(e => e.UserId).ToList();
            kind = action == SectionAction.MarkDone ? Domain.Notifications.NotificationKinds.SectionDone : Domain.Notifications.NotificationKinds.SectionReturned;
        }
        await notifier.NotifyAsync(recipients.Where(r => r != actorId), kind,
            language => $"{section.TitleIn(language)} – {report.TitleIn(language)}",
            Notifications.Reminders.SectionLink(section), clock.GetUtcNow(), cancellationToken);
    }

    public async Task<IReadOnlyList<MySectionItem>> MySectionsAsync(Actor actor, string language, CancellationToken cancellationToken)
    {
        var sectorIds = actor.SectorIds.ToList();
        var sections = await db.ReportSections.AsNoTracking().Include(s => s.Editors)
            .Where(s => s.Editors.Any(e => e.UserId == actor.UserId) || (s.SectorId != null && sectorIds.Contains(s.SectorId.Value)))
            .ToListAsync(cancellationToken);
        var reportIds = sections.Select(s => s.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Sections)
            .Where(r => reportIds.Contains(r.Id) && r.Status == ReportStatus.Draft).ToListAsync(cancellationToken);
        var today = FinnishCalendar.Today(clock);
        return reports.SelectMany(r =>
            {
                var numbers = r.SectionNumbers();
                return sections.Where(s => s.ReportId == r.Id).Select(s => new MySectionItem(r.Id, s.Id, r.TitleIn(language),
                    numbers[s.Id], s.TitleIn(language), s.DueDate, s.Status, s.IsOverdue(today)));
            })
            .OrderBy(i => i.Status == SectionStatus.Done).ThenBy(i => i.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.ReportTitle, StringComparer.CurrentCulture)
            .ThenBy(i => SectionNumberKey(i.Number))
            .ToList();
    }

    /// <summary>"3.10" after "3.2": section numbers compare as numbers, part by part.</summary>
    private static (int, int) SectionNumberKey(string number)
    {
        var parts = number.Split('.');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent save refused for section {SectionId} ({Language})")]
    private static partial void LogRace(ILogger logger, Exception exception, Guid sectionId, string language);
}
