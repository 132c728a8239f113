using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Files;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Reports;

/// <summary>The other plans a report draws on, linked or uploaded, listed in its appendices.</summary>
public sealed class LinkedPlanService(ValfardDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>10 MB: a long municipal plan as PDF fits; a scanned archive does not belong here.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public async Task<LinkedPlansViewModel?> ListAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var plans = (await db.LinkedPlans.AsNoTracking().Where(p => p.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderBy(p => p.Kind).ThenBy(p => p.Title, StringComparer.CurrentCulture)
            .Select(p => new LinkedPlanItem(p.Id, p.Kind, p.Title, p.Url, p.FileName, p.FileSize, p.Sha256)).ToList();
        return new LinkedPlansViewModel
        {
            ReportId = reportId,
            ReportTitle = report.TitleIn(language),
            Plans = plans,
            CanEdit = report.Status == ReportStatus.Draft,
            MaxFileBytes = MaxFileBytes,
        };
    }

    public async Task<OperationResult> AddLinkAsync(Guid reportId, LinkedPlanKind kind, string? title, string? url, Guid userId, CancellationToken cancellationToken)
    {
        var report = await EditableReportAsync(reportId, cancellationToken);
        if (report.Result is not null)
        {
            return report.Result;
        }
        try
        {
            db.LinkedPlans.Add(LinkedPlan.Link(Guid.NewGuid(), reportId, report.Report!.OrganisationId, kind, title ?? string.Empty,
                url ?? string.Empty, userId, clock.GetUtcNow()));
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(report.Report.OrganisationId, reportId, userId, "Plan.Linked", title ?? string.Empty);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> UploadAsync(Guid reportId, LinkedPlanKind kind, string? title, IFormFile? file, Guid userId,
        CancellationToken cancellationToken)
    {
        var report = await EditableReportAsync(reportId, cancellationToken);
        if (report.Result is not null)
        {
            return report.Result;
        }
        if (file is null || file.Length == 0)
        {
            return OperationResult.Fail("file", "Plans.FileMissing");
        }
        if (file.Length > MaxFileBytes)
        {
            return OperationResult.Fail("file", "Plans.FileTooLarge");
        }
        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var type = FileTypeInspector.Detect(content);
        if (type is null)
        {
            return OperationResult.Fail("file", "Plans.FileTypeRefused");
        }
        var fileName = Path.GetFileNameWithoutExtension(file.FileName);
        LinkedPlan plan;
        try
        {
            plan = LinkedPlan.File(Guid.NewGuid(), reportId, report.Report!.OrganisationId, kind,
                string.IsNullOrWhiteSpace(title) ? fileName : title, fileName + type.Extension, type.ContentType, content.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(content)), userId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        db.LinkedPlans.Add(plan);
        db.AttachmentContents.Add(new AttachmentContent(plan.Id, plan.OrganisationId, content));
        audit.Record(plan.OrganisationId, reportId, userId, "Plan.Uploaded", $"{plan.Title} ({plan.FileName}, {content.LongLength} B)");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<(LinkedPlan Plan, byte[] Content)?> FileAsync(Guid reportId, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.LinkedPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ReportId == reportId, cancellationToken);
        if (plan?.FileName is null)
        {
            return null;
        }
        var content = await db.AttachmentContents.AsNoTracking().FirstOrDefaultAsync(c => c.LinkedPlanId == planId, cancellationToken);
        return content is null ? null : (plan, content.Data);
    }

    public async Task<LinkedPlanItem?> FindAsync(Guid reportId, Guid planId, CancellationToken cancellationToken)
    {
        var p = await db.LinkedPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ReportId == reportId, cancellationToken);
        return p is null ? null : new LinkedPlanItem(p.Id, p.Kind, p.Title, p.Url, p.FileName, p.FileSize, p.Sha256);
    }

    public async Task<OperationResult> RemoveAsync(Guid reportId, Guid planId, Guid userId, CancellationToken cancellationToken)
    {
        var report = await EditableReportAsync(reportId, cancellationToken);
        if (report.Result is not null)
        {
            return report.Result;
        }
        var plan = await db.LinkedPlans.FirstOrDefaultAsync(p => p.Id == planId && p.ReportId == reportId, cancellationToken);
        if (plan is null)
        {
            return OperationResult.Missing();
        }
        db.LinkedPlans.Remove(plan);
        audit.Record(plan.OrganisationId, reportId, userId, "Plan.Removed", plan.Title);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private async Task<(WelfareReport? Report, OperationResult? Result)> EditableReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return (null, OperationResult.Missing());
        }
        return report.Status != ReportStatus.Draft ? (report, OperationResult.Fail(null, "Reports.NotEditable")) : (report, null);
    }
}
