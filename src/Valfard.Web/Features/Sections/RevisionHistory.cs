using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

using Valfard.Web.Common;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Sections;

/// <summary>A section's revisions: who and when, the difference between any two, and restoring an old one as a new revision.</summary>
public sealed class RevisionHistory(ValfardDbContext db, SectionWriting writing, AuditTrail audit, TimeProvider clock)
{
    public async Task<RevisionHistoryViewModel?> ShowAsync(Guid reportId, Guid sectionId, string textLanguage, int? from, int? to,
        Actor actor, string uiLanguage, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.AsNoTracking().Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null || !ReportLimits.ContentLanguages.Contains(textLanguage))
        {
            return null;
        }
        var revisions = await db.SectionRevisions.AsNoTracking()
            .Where(r => r.SectionId == sectionId && r.Language == textLanguage).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        var authorIds = revisions.Select(r => r.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        IReadOnlyList<DiffPiece>? diff = null;
        var older = revisions.FirstOrDefault(r => r.Number == from);
        var newer = revisions.FirstOrDefault(r => r.Number == to);
        if (older is not null && newer is not null)
        {
            diff = WordDiff.Compare(PlainText.From(older.Html), PlainText.From(newer.Html));
        }
        return new RevisionHistoryViewModel
        {
            ReportId = reportId,
            SectionId = sectionId,
            Title = section.TitleIn(uiLanguage),
            Language = textLanguage,
            Revisions = revisions.Select(r => new RevisionItem(r.Number, names.GetValueOrDefault(r.AuthorId, "?"), r.StartedAt, r.UpdatedAt,
                r.RestoredFrom, WordCount(r.Html))).ToList(),
            CanRestore = report.Status == ReportStatus.Draft && actor.CanWrite(section),
            From = older?.Number,
            To = newer?.Number,
            Diff = diff,
        };
    }

    /// <summary>Brings an old revision back as the current text, recorded as a new revision; nothing is lost.</summary>
    public async Task<OperationResult> RestoreAsync(Guid reportId, Guid sectionId, string language, int number, Actor actor, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.Include(s => s.Texts).Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        var revision = await db.SectionRevisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SectionId == sectionId && r.Language == language && r.Number == number, cancellationToken);
        var text = section?.TextIn(language);
        if (report is null || section is null || revision is null || text is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft || !actor.CanWrite(section))
        {
            return OperationResult.Fail(null, "Sections.NotYours");
        }
        var now = clock.GetUtcNow();
        text.Write(revision.Html, text.Version, actor.UserId, now, section);
        await writing.KeepRevisionAsync(section, language, revision.Html, actor.UserId, now, restoredFrom: number, cancellationToken);
        audit.Record(section.OrganisationId, reportId, actor.UserId, "Section.RevisionRestored", $"{section.TitleFi} ({language}) #{number}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved or restored at the same moment (a moved version or a taken revision number).
            return OperationResult.Stale();
        }
        return OperationResult.Success;
    }

    private static int WordCount(string html) =>
        PlainText.From(html).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
}
