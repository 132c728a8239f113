using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Reports;

/// <summary>The coordinator adapts the organisation's template; reports created afterwards start from it.</summary>
public sealed class TemplateService(ValfardDbContext db, ICurrentOrganisation current, ReportTemplates templates)
{
    public async Task<TemplateViewModel?> ShowAsync(string language, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return null;
        }
        var template = await templates.ForOrganisationAsync(organisationId, cancellationToken);
        var ordered = template.InReadingOrder();
        var numbers = template.SectionNumbers();
        return new TemplateViewModel
        {
            Version = template.Version,
            Sections = ordered.Select(s => new TemplateSectionItem(s.Id, numbers[s.Id], s.TitleIn(language), s.ParentId is not null, s.Purpose,
                s.GuidanceFi.Length > 0)).ToList(),
        };
    }

    public async Task<TemplateSectionForm?> FormAsync(Guid sectionId, CancellationToken cancellationToken)
    {
        var template = await LoadAsync(cancellationToken);
        var section = template?.Sections.FirstOrDefault(s => s.Id == sectionId);
        return section is null ? null : new TemplateSectionForm
        {
            Id = section.Id,
            TitleFi = section.TitleFi,
            TitleSv = section.TitleSv,
            GuidanceFi = section.GuidanceFi,
            GuidanceSv = section.GuidanceSv,
            Version = template!.Version,
        };
    }

    public Task<OperationResult> SaveAsync(TemplateSectionForm form, CancellationToken cancellationToken) =>
        ChangeAsync(form.Id, form.Version, template =>
        {
            var section = template.Sections.FirstOrDefault(s => s.Id == form.Id);
            if (section is null)
            {
                return false;
            }
            section.Update(form.TitleFi ?? string.Empty, form.TitleSv ?? string.Empty, form.GuidanceFi ?? string.Empty, form.GuidanceSv ?? string.Empty);
            return true;
        }, cancellationToken);

    public Task<OperationResult> AddAsync(Guid? parentId, string? titleFi, string? titleSv, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(null, version, template =>
        {
            template.AddSection(parentId, titleFi ?? string.Empty, titleSv ?? string.Empty, string.Empty, string.Empty);
            return true;
        }, cancellationToken);

    public Task<OperationResult> MoveAsync(Guid sectionId, int step, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(sectionId, version, template =>
        {
            template.Move(sectionId, step);
            return true;
        }, cancellationToken);

    public Task<OperationResult> RemoveAsync(Guid sectionId, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(sectionId, version, template =>
        {
            template.RemoveSection(sectionId);
            return true;
        }, cancellationToken);

    private async Task<ReportTemplate?> LoadAsync(CancellationToken cancellationToken) =>
        current.OrganisationId is { } organisationId
            ? await db.ReportTemplates.Include(t => t.Sections).FirstOrDefaultAsync(t => t.OrganisationId == organisationId, cancellationToken)
            : null;

    /// <summary>Every change renews the template's version, so two coordinators editing at once cannot silently undo each other.</summary>
    private async Task<OperationResult> ChangeAsync(Guid? sectionId, Guid version, Func<ReportTemplate, bool> change, CancellationToken cancellationToken)
    {
        var template = await LoadAsync(cancellationToken);
        // A section not in the organisation's own template (e.g. another organisation's) is not found, before any version check.
        if (template is null || (sectionId is { } id && template.Sections.All(s => s.Id != id)))
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(template, version);
        try
        {
            if (!change(template))
            {
                return OperationResult.Missing();
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        db.ChangedThroughItsRows(template);
        return await db.SaveAsync(cancellationToken);
    }
}
