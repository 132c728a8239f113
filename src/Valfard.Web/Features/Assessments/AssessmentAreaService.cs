using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Assessments;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Assessments;

/// <summary>The organisation's assessment areas and their guiding questions, which the coordinator keeps.</summary>
public sealed class AssessmentAreaService(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit)
{
    /// <summary>The organisation's areas in order, created from THL's list the first time they are needed.</summary>
    public async Task<IReadOnlyList<AssessmentArea>> AreasAsync(CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return [];
        }
        var areas = await db.AssessmentAreas.OrderBy(a => a.Position).ToListAsync(cancellationToken);
        if (areas.Count > 0)
        {
            return areas;
        }
        areas = ThlAssessmentAreas.For(organisationId);
        db.AssessmentAreas.AddRange(areas);
        // Two first visits at once would both seed: the second save fails on nothing unique, so read again instead of
        // trusting either; the extra rows of a lost race are harmless but would double the list, hence the re-read.
        await db.SaveChangesAsync(cancellationToken);
        return await db.AssessmentAreas.OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AreaRow>> ListAsync(CancellationToken cancellationToken) =>
        (await AreasAsync(cancellationToken)).Select(a => new AreaRow(a.Id, a.Version, a.TitleFi, a.TitleSv,
            a.QuestionListIn("fi").Count, a.ForChildren, a.IsRetired)).ToList();

    public async Task<AreaFormViewModel?> FormAsync(Guid id, CancellationToken cancellationToken)
    {
        var area = await db.AssessmentAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return area is null ? null : new AreaFormViewModel
        {
            Id = area.Id,
            Version = area.Version,
            TitleFi = area.TitleFi,
            TitleSv = area.TitleSv,
            QuestionsFi = area.QuestionsFi,
            QuestionsSv = area.QuestionsSv,
            ForChildren = area.ForChildren,
        };
    }

    public async Task<OperationResult> SaveAsync(AreaFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        AssessmentArea area;
        if (form.Id is { } id)
        {
            var found = await db.AssessmentAreas.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (found is null)
            {
                return OperationResult.Missing();
            }
            db.ExpectVersion(found, form.Version);
            area = found;
        }
        else
        {
            var existing = await AreasAsync(cancellationToken);
            area = new AssessmentArea(Guid.NewGuid(), organisationId, existing.Count == 0 ? 0 : existing.Max(a => a.Position) + 1, form.ForChildren);
            db.AssessmentAreas.Add(area);
        }
        return await db.ChangeAsync(() =>
        {
            area.Update(form.TitleFi ?? string.Empty, form.TitleSv ?? string.Empty, form.QuestionsFi ?? string.Empty, form.QuestionsSv ?? string.Empty,
                form.ForChildren);
            audit.Record(organisationId, null, userId, form.Id is null ? "Assessment.AreaAdded" : "Assessment.AreaChanged", area.TitleFi);
        }, cancellationToken);
    }

    /// <summary>Moves an area one place up or down in the list new assessments follow; existing assessments keep their order.</summary>
    public async Task<OperationResult> MoveAsync(Guid id, Guid version, int step, Guid userId, CancellationToken cancellationToken)
    {
        var all = await db.AssessmentAreas.ToListAsync(cancellationToken);
        var area = all.FirstOrDefault(a => a.Id == id);
        if (area is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(area, version);
        return await db.ChangeAsync(() =>
        {
            AssessmentAreaOrder.Move(all, id, step);
            audit.Record(area.OrganisationId, null, userId, step < 0 ? "Assessment.AreaMovedUp" : "Assessment.AreaMovedDown", area.TitleFi);
        }, cancellationToken);
    }

    /// <summary>Retires an area (new assessments leave it out) or brings it back.</summary>
    public async Task<OperationResult> RetireAsync(Guid id, Guid version, bool retire, Guid userId, CancellationToken cancellationToken)
    {
        var area = await db.AssessmentAreas.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(area, version);
        return await db.ChangeAsync(() =>
        {
            if (retire)
            {
                area.Retire();
            }
            else
            {
                area.Restore();
            }
            audit.Record(area.OrganisationId, null, userId, retire ? "Assessment.AreaRetired" : "Assessment.AreaRestored", area.TitleFi);
        }, cancellationToken);
    }
}
