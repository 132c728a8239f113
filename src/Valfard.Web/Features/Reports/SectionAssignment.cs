using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Notifications;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Notifications;

namespace Valfard.Web.Features.Reports;

/// <summary>The coordinator gives a section to a sector and editors, sets its deadline and its status.</summary>
public sealed class SectionAssignment(ValfardDbContext db, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public async Task<AssignSectionViewModel?> FormAsync(Guid reportId, Guid sectionId, string language, CancellationToken cancellationToken)
    {
        var section = await db.ReportSections.AsNoTracking().Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (section is null)
        {
            return null;
        }
        var form = new AssignSectionViewModel
        {
            ReportId = reportId,
            SectionId = sectionId,
            SectionTitle = section.TitleIn(language),
            SectorId = section.SectorId,
            EditorIds = section.Editors.Select(e => e.UserId).ToList(),
            DueDate = section.DueDate,
            Status = section.Status,
            Version = section.Version,
        };
        await FillOptionsAsync(form, language, cancellationToken);
        return form;
    }

    public async Task FillOptionsAsync(AssignSectionViewModel form, string language, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().ToListAsync(cancellationToken);
        form.SectorOptions = sectors.Select(s => new SectorOption(s.Id, s.NameIn(language)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var editorRole = await db.Roles.Where(r => r.Name == Roles.Editor).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var editorIds = await db.UserRoles.Where(ur => ur.RoleId == editorRole).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive || form.EditorIds.Contains(u.Id)).ToListAsync(cancellationToken);
        form.EditorOptions = users.Select(u => new EditorOption(u.Id, u.DisplayName, editorIds.Contains(u.Id)))
            .OrderByDescending(o => o.IsEditor).ThenBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<OperationResult> SaveAsync(AssignSectionViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        var section = await db.ReportSections.Include(s => s.Editors)
            .FirstOrDefaultAsync(s => s.Id == form.SectionId && s.ReportId == form.ReportId, cancellationToken);
        if (section is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(section, form.Version);
        // Sectors and users are tenant-filtered: ids from another organisation are simply not found.
        if (form.SectorId is { } sectorId && !await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            return OperationResult.Fail(nameof(form.SectorId), "Validation.SectorUnknown");
        }
        var editors = form.EditorIds.Distinct().ToList();
        if (await db.Users.CountAsync(u => editors.Contains(u.Id), cancellationToken) != editors.Count)
        {
            return OperationResult.Fail(nameof(form.EditorIds), "Validation.UserUnknown");
        }
        var before = section.Editors.Select(e => e.UserId).ToHashSet();
        try
        {
            section.Assign(form.SectorId, editors, form.DueDate);
            section.SetStatus(form.Status);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        db.ChangedThroughItsRows(section);
        // Only the newly named editors hear of it (not the coordinator naming themself); the others knew already.
        var report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == section.ReportId, cancellationToken);
        await notifier.NotifyAsync(editors.Where(e => !before.Contains(e) && e != userId), NotificationKinds.SectionAssigned,
            language => section.DueDate is { } due
                ? $"{section.TitleIn(language)} – {report.TitleIn(language)} ({Reminders.Date(due, language)})"
                : $"{section.TitleIn(language)} – {report.TitleIn(language)}",
            Reminders.SectionLink(section), clock.GetUtcNow(), cancellationToken);
        audit.Record(section.OrganisationId, section.ReportId, userId, "Section.Assigned",
            $"{section.TitleFi}: {form.Status}, {form.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        return await db.SaveAsync(cancellationToken);
    }
}
