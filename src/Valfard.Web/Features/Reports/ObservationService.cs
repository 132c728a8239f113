using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

using Valfard.Web.Common;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Reports;

/// <summary>The report's joys and concerns (glädjeämnen och orosmoment), kept by the welfare group while the report is a draft.</summary>
public sealed class ObservationService(ValfardDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ObservationItem>> ListAsync(Guid reportId, CancellationToken cancellationToken) =>
        (await db.Observations.AsNoTracking().Where(o => o.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderBy(o => o.Kind).ThenBy(o => o.LifeStage).ThenBy(o => o.CreatedAt)
            .Select(o => new ObservationItem(o.Id, o.Kind, o.LifeStage, o.TextFi, o.TextSv, o.Evidence, o.Version, o.EvidenceSv)).ToList();

    public async Task<ObservationFormViewModel?> FormAsync(Guid reportId, Guid? id, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var form = new ObservationFormViewModel { ReportId = reportId, ReportTitle = report.TitleIn(language), Bilingual = report.TitleSv.Length > 0 };
        if (id is { } observationId)
        {
            var observation = await db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == observationId && o.ReportId == reportId, cancellationToken);
            if (observation is null)
            {
                return null;
            }
            form.Id = observation.Id;
            form.Kind = observation.Kind;
            form.LifeStage = observation.LifeStage;
            form.TextFi = observation.TextFi;
            form.TextSv = observation.TextSv;
            form.Evidence = observation.Evidence;
            form.EvidenceSv = observation.EvidenceSv;
            form.Version = observation.Version;
        }
        return form;
    }

    public async Task<OperationResult> SaveAsync(ObservationFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == form.ReportId, cancellationToken);
        if (report is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft)
        {
            return OperationResult.Fail(null, "Reports.NotEditable");
        }
        try
        {
            if (form.Id is { } id)
            {
                var observation = await db.Observations.FirstOrDefaultAsync(o => o.Id == id && o.ReportId == form.ReportId, cancellationToken);
                if (observation is null)
                {
                    return OperationResult.Missing();
                }
                db.ExpectVersion(observation, form.Version);
                // A Swedish field the form did not show (a Finnish-only organisation) is not posted: what was stored stays.
                observation.Update(form.Kind, form.LifeStage, form.TextFi ?? string.Empty, form.TextSv ?? observation.TextSv, form.Evidence ?? string.Empty);
                observation.TranslateEvidence(form.EvidenceSv ?? observation.EvidenceSv);
            }
            else
            {
                var added = new Observation(Guid.NewGuid(), report.Id, report.OrganisationId, form.Kind, form.LifeStage,
                    form.TextFi ?? string.Empty, form.TextSv ?? string.Empty, form.Evidence ?? string.Empty, userId, clock.GetUtcNow());
                added.TranslateEvidence(form.EvidenceSv ?? string.Empty);
                db.Observations.Add(added);
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(report.OrganisationId, report.Id, userId, form.Id is null ? "Observation.Added" : "Observation.Changed",
            $"{form.Kind}: {form.TextFi ?? form.TextSv}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> DeleteAsync(Guid reportId, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var observation = await db.Observations.FirstOrDefaultAsync(o => o.Id == id && o.ReportId == reportId, cancellationToken);
        if (report is null || observation is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft)
        {
            return OperationResult.Fail(null, "Reports.NotEditable");
        }
        db.Observations.Remove(observation);
        audit.Record(report.OrganisationId, report.Id, userId, "Observation.Removed", $"{observation.Kind}: {observation.TextFi}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}
