using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Indicators;

public sealed record SetMemberItem(int IndicatorId, string Title);

public sealed record IndicatorSetItem(Guid Id, string Name, Guid Version, IReadOnlyList<SetMemberItem> Members);

/// <summary>
/// The organisation's indicator sets, and the indicators shown in report sections, chosen from the sets or the
/// catalogue. The national standard sets are the installation's (StandardSetService); an organisation copies one to
/// get its own.
/// </summary>
public sealed class IndicatorSetService(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit)
{
    public async Task<IReadOnlyList<IndicatorSetItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var sets = await db.IndicatorSets.AsNoTracking().Include(s => s.Members).ToListAsync(cancellationToken);
        // Only the members' titles: the catalogue has thousands of indicators.
        var memberIds = sets.SelectMany(s => s.Members).Select(m => m.IndicatorId).Distinct().ToList();
        var titles = (await db.Indicators.AsNoTracking().Where(i => memberIds.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id, i => i.Title.Pick(language));
        return sets.OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new IndicatorSetItem(s.Id, s.Name, s.Version, s.Members.OrderBy(m => m.Position)
                .Select(m => new SetMemberItem(m.IndicatorId, titles.GetValueOrDefault(m.IndicatorId, $"#{m.IndicatorId}"))).ToList()))
            .ToList();
    }

    public async Task<OperationResult> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        IndicatorSet set;
        try
        {
            set = new IndicatorSet(Guid.NewGuid(), organisationId, name ?? string.Empty);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        if (await db.IndicatorSets.AnyAsync(s => s.Name == set.Name, cancellationToken))
        {
            return OperationResult.Fail(nameof(IndicatorSet.Name), "Sets.NameTaken");
        }
        db.IndicatorSets.Add(set);
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> ChangeMemberAsync(Guid setId, int indicatorId, bool add, CancellationToken cancellationToken)
    {
        var set = await db.IndicatorSets.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == setId, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        if (add && !await db.Indicators.AnyAsync(i => i.Id == indicatorId, cancellationToken))
        {
            return OperationResult.Fail("indicatorId", "Sets.IndicatorUnknown");
        }
        if (add)
        {
            set.Add(indicatorId);
        }
        else
        {
            set.Remove(indicatorId);
        }
        db.ChangedThroughItsRows(set);
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> SectionIndicatorIdsAsync(Guid sectionId, CancellationToken cancellationToken) =>
        (await db.SectionIndicators.AsNoTracking().Where(s => s.SectionId == sectionId).ToListAsync(cancellationToken))
            .OrderBy(s => s.Position).Select(s => s.IndicatorId).ToList();

    /// <summary>
    /// Adds or removes an indicator block in a section, only in a draft. Any indicator of the national catalogue can be
    /// added: writers find it by name in the section editor, not only in the organisation's sets.
    /// </summary>
    public async Task<OperationResult> ChangeSectionAsync(Guid reportId, Guid sectionId, int indicatorId, bool add, Actor actor,
        CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var section = await db.ReportSections.Include(s => s.Editors).FirstOrDefaultAsync(s => s.Id == sectionId && s.ReportId == reportId, cancellationToken);
        if (report is null || section is null)
        {
            return OperationResult.Missing();
        }
        if (report.Status != ReportStatus.Draft || !actor.CanWrite(section))
        {
            return OperationResult.Fail(null, "Sections.NotYours");
        }
        var existing = await db.SectionIndicators.FirstOrDefaultAsync(s => s.SectionId == sectionId && s.IndicatorId == indicatorId, cancellationToken);
        if (add)
        {
            if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId, cancellationToken))
            {
                return OperationResult.Fail(null, "Sets.IndicatorUnknown");
            }
            if (existing is null)
            {
                var position = await db.SectionIndicators.Where(s => s.SectionId == sectionId).Select(s => (int?)s.Position).MaxAsync(cancellationToken) ?? -1;
                db.SectionIndicators.Add(new SectionIndicator(sectionId, section.OrganisationId, indicatorId, position + 1));
            }
        }
        else if (existing is not null)
        {
            db.SectionIndicators.Remove(existing);
        }
        audit.Record(section.OrganisationId, reportId, actor.UserId, add ? "Section.IndicatorAdded" : "Section.IndicatorRemoved",
            $"{section.TitleFi}: {indicatorId}");
        return await db.SaveAsync(cancellationToken);
    }
}
