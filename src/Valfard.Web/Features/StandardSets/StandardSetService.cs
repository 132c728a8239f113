using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.StandardSets;

/// <summary>A left-out mark as the organisation's sets page shows it.</summary>
public sealed record LeftOutMark(string ReasonFi, string ReasonSv);

public sealed record StandardMemberItem(int IndicatorId, string Title, LeftOutMark? LeftOut);

public sealed record StandardSetItem(Guid Id, Guid Version, string Name, string NameFi, string NameSv, string NameEn, StandardSetKind Kind,
    string Description, bool IsSample, IReadOnlyList<StandardMemberItem> Members);

/// <summary>What the admin's form sends for a standard set's names, kind and description.</summary>
public sealed class StandardSetForm
{
    public Guid? Version { get; set; }
    public string? NameFi { get; set; }
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    public StandardSetKind Kind { get; set; }
    public string? Description { get; set; }
}

/// <summary>
/// National standard sets: system admins define and load them (every change recorded as a
/// <see cref="CatalogueChange"/>); organisations read them, copy one into a set of their own, and mark the
/// indicators they leave out, with a reason, as their own data.
/// </summary>
public sealed partial class StandardSetService(ValfardDbContext db, ICurrentOrganisation current, AuditTrail audit, TimeProvider clock,
    ILogger<StandardSetService> logger)
{
    /// <summary>A pasted or uploaded id list larger than this is not a list of indicators.</summary>
    public const int MaxIdListChars = 64 * 1024;

    private static readonly char[] IdSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Every standard set, with the signed-in organisation's left-out marks (none for an admin page without one).</summary>
    public async Task<IReadOnlyList<StandardSetItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var sets = await db.StandardSets.AsNoTracking().Include(s => s.Members).ToListAsync(cancellationToken);
        var memberIds = sets.SelectMany(s => s.Members).Select(m => m.IndicatorId).Distinct().ToList();
        var titles = await db.Indicators.AsNoTracking().Where(i => memberIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title }).ToDictionaryAsync(i => i.Id, i => i.Title.Pick(language), cancellationToken);
        // The tenant filter keeps these to the signed-in organisation's own marks.
        var marks = (await db.LeftOutIndicators.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(l => (l.StandardSetId, l.IndicatorId));
        return sets.OrderBy(s => s.Kind).ThenBy(s => s.NameIn(language), StringComparer.CurrentCulture)
            .Select(s => new StandardSetItem(s.Id, s.Version, s.NameIn(language), s.NameFi, s.NameSv, s.NameEn, s.Kind, s.Description, s.IsSample,
                s.Members.OrderBy(m => m.Position).Select(m => new StandardMemberItem(m.IndicatorId,
                    titles.GetValueOrDefault(m.IndicatorId, $"#{m.IndicatorId}"),
                    marks.TryGetValue((s.Id, m.IndicatorId), out var mark) ? new LeftOutMark(mark.ReasonFi, mark.ReasonSv) : null)).ToList()))
            .ToList();
    }

    public async Task<StandardSetItem?> FindAsync(Guid id, string language, CancellationToken cancellationToken) =>
        (await ListAsync(language, cancellationToken)).FirstOrDefault(s => s.Id == id);

    // ---- the system admin's side

    public async Task<(OperationResult Result, Guid? Id)> CreateAsync(StandardSetForm form, Guid adminId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        StandardSet set;
        try
        {
            set = new StandardSet(Guid.NewGuid(), form.NameFi, form.NameSv, form.NameEn, form.Kind, form.Description);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Refused(ex), null);
        }
        if (await db.StandardSets.AnyAsync(s => s.NameFi == set.NameFi, cancellationToken))
        {
            return (OperationResult.Fail(nameof(StandardSetForm.NameFi), "Sets.NameTaken"), null);
        }
        db.StandardSets.Add(set);
        Record(adminId, "Catalogue.StandardSetCreated", set, string.Empty, Describe(set));
        var result = await db.SaveAsync(cancellationToken);
        return (result, result.Succeeded ? set.Id : null);
    }

    public async Task<OperationResult> UpdateAsync(Guid id, StandardSetForm form, Guid adminId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var set = await db.StandardSets.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(set, form.Version);
        var before = Describe(set);
        try
        {
            set.Describe(form.NameFi, form.NameSv, form.NameEn, form.Kind, form.Description);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        if (await db.StandardSets.AnyAsync(s => s.Id != id && s.NameFi == set.NameFi, cancellationToken))
        {
            return OperationResult.Fail(nameof(StandardSetForm.NameFi), "Sets.NameTaken");
        }
        if (before != Describe(set))
        {
            Record(adminId, "Catalogue.StandardSetChanged", set, before, Describe(set));
        }
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the set's members from a list of Sotkanet ids, in the list's order, replacing the present ones. Every id
    /// must be in the catalogue: an unknown one refuses the whole list and is named, so nothing is dropped unseen.
    /// </summary>
    public async Task<OperationResult> LoadIdsAsync(Guid id, string? list, Guid adminId, CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        list ??= string.Empty;
        if (list.Length > MaxIdListChars)
        {
            return OperationResult.Fail("ids", "StandardSets.ListTooLong");
        }
        var ids = new List<int>();
        foreach (var token in list.Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var indicatorId) || indicatorId <= 0)
            {
                return OperationResult.Fail("ids", "StandardSets.NotAnId").WithArgument(Cut(token));
            }
            ids.Add(indicatorId);
        }
        ids = ids.Distinct().ToList();
        if (ids.Count == 0)
        {
            return OperationResult.Fail("ids", "StandardSets.ListEmpty");
        }
        if (ids.Count > StandardSet.MaxMembers)
        {
            return OperationResult.Fail("ids", "Validation.StandardSetTooLarge");
        }
        var known = (await db.Indicators.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var unknown = ids.Where(i => !known.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            var named = string.Join(", ", unknown.Select(u => u.ToString(CultureInfo.InvariantCulture)));
            LogUnknownIds(logger, id, unknown.Count, named);
            return OperationResult.Fail("ids", "StandardSets.UnknownIds").WithArgument(named);
        }
        return await ReplaceAsync(set, ids, "Catalogue.StandardSetLoaded", adminId, cancellationToken);
    }

    /// <summary>Loads the set with every catalogue indicator whose Sotkanet metadata lists the group, by id.</summary>
    public async Task<OperationResult> LoadGroupAsync(Guid id, int group, Guid adminId, CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        if (group <= 0)
        {
            return OperationResult.Fail("group", "StandardSets.GroupInvalid");
        }
        // Groups are a JSON column: read the ids and groups of the full-metadata indicators and match here.
        var withGroups = await db.Indicators.AsNoTracking().Where(i => i.HasFullMetadata).Select(i => new { i.Id, i.Groups })
            .ToListAsync(cancellationToken);
        var ids = withGroups.Where(i => i.Groups.Contains(group)).Select(i => i.Id).Order().ToList();
        if (ids.Count == 0)
        {
            return OperationResult.Fail("group", "StandardSets.GroupEmpty").WithArgument(group.ToString(CultureInfo.InvariantCulture));
        }
        if (ids.Count > StandardSet.MaxMembers)
        {
            return OperationResult.Fail("group", "Validation.StandardSetTooLarge");
        }
        return await ReplaceAsync(set, ids, "Catalogue.StandardSetLoadedFromGroup", adminId, cancellationToken);
    }

    public async Task<OperationResult> RemoveMemberAsync(Guid id, int indicatorId, Guid adminId, CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        if (!set.Contains(indicatorId))
        {
            return OperationResult.Success;
        }
        return await ReplaceAsync(set, set.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId).Where(i => i != indicatorId).ToList(),
            "Catalogue.StandardSetMemberRemoved", adminId, cancellationToken);
    }

    /// <summary>Removes a standard set; the organisations' copies are theirs and stay, their left-out marks for it go.</summary>
    public async Task<OperationResult> DeleteAsync(Guid id, Guid adminId, CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return OperationResult.Missing();
        }
        Record(adminId, "Catalogue.StandardSetDeleted", set, $"{Describe(set)}: {MemberList(set)}", string.Empty);
        db.StandardSets.Remove(set);
        return await db.SaveAsync(cancellationToken);
    }

    private async Task<OperationResult> ReplaceAsync(StandardSet set, IReadOnlyList<int> ids, string action, Guid adminId, CancellationToken cancellationToken)
    {
        var before = MemberList(set);
        try
        {
            set.ReplaceMembers(ids);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        db.ChangedThroughItsRows(set);
        Record(adminId, action, set, before, MemberList(set));
        return await db.SaveAsync(cancellationToken);
    }

    private void Record(Guid adminId, string action, StandardSet set, string before, string after) =>
        db.CatalogueChanges.Add(new CatalogueChange(adminId, action, set.NameFi, before, after, clock.GetUtcNow()));

    private static string Describe(StandardSet set) =>
        $"{set.NameFi} / {set.NameSv} / {set.NameEn} ({set.Kind}){(set.Description.Length > 0 ? ": " + set.Description : "")}";

    private static string MemberList(StandardSet set) =>
        string.Join(", ", set.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId.ToString(CultureInfo.InvariantCulture)));

    private static string Cut(string token) => token.Length <= 20 ? token : token[..20] + "…";

    // ---- the organisation's side

    /// <summary>Copies a standard set into a new set of the organisation's own, named in the page's language.</summary>
    public async Task<(OperationResult Result, string? Name)> CopyAsync(Guid id, string language, Guid userId, CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.AsNoTracking().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null || current.OrganisationId is not { } organisationId)
        {
            return (OperationResult.Missing(), null);
        }
        var taken = (await db.IndicatorSets.Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var name = set.NameIn(language);
        // A second copy gets a number rather than a refusal: the first may have been edited since.
        for (var n = 2; taken.Contains(name); n++)
        {
            var suffix = $" ({n})";
            name = set.NameIn(language)[..Math.Min(set.NameIn(language).Length, IndicatorSet.NameMaxLength - suffix.Length)] + suffix;
        }
        var copy = new IndicatorSet(Guid.NewGuid(), organisationId, name);
        foreach (var member in set.Members.OrderBy(m => m.Position))
        {
            copy.Add(member.IndicatorId);
        }
        db.IndicatorSets.Add(copy);
        audit.Record(organisationId, null, userId, "Sets.CopiedFromStandard", $"{set.NameFi} → {name}");
        var result = await db.SaveAsync(cancellationToken);
        return (result, result.Succeeded ? name : null);
    }

    /// <summary>Marks a member of a standard set as left out by the organisation, or changes the reason of a mark.</summary>
    public async Task<OperationResult> MarkLeftOutAsync(Guid id, int indicatorId, string? reasonFi, string? reasonSv, Guid userId,
        CancellationToken cancellationToken)
    {
        var set = await db.StandardSets.AsNoTracking().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null || !set.Contains(indicatorId) || current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        var now = clock.GetUtcNow();
        var mark = await db.LeftOutIndicators.FirstOrDefaultAsync(l => l.StandardSetId == id && l.IndicatorId == indicatorId, cancellationToken);
        try
        {
            if (mark is null)
            {
                db.LeftOutIndicators.Add(new LeftOutIndicator(Guid.NewGuid(), organisationId, id, indicatorId, reasonFi, reasonSv, userId, now));
            }
            else
            {
                mark.Explain(reasonFi, reasonSv, userId, now);
            }
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(organisationId, null, userId, "Sets.LeftOut", $"{set.NameFi}: {indicatorId}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> UndoLeftOutAsync(Guid id, int indicatorId, Guid userId, CancellationToken cancellationToken)
    {
        if (current.OrganisationId is not { } organisationId || !await db.StandardSets.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return OperationResult.Missing();
        }
        var mark = await db.LeftOutIndicators.FirstOrDefaultAsync(l => l.StandardSetId == id && l.IndicatorId == indicatorId, cancellationToken);
        if (mark is null)
        {
            return OperationResult.Success;
        }
        db.LeftOutIndicators.Remove(mark);
        audit.Record(organisationId, null, userId, "Sets.LeftOutUndone", $"{id}: {indicatorId}");
        return await db.SaveAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard set {SetId}: id list refused, {Count} ids not in the catalogue ({Ids})")]
    private static partial void LogUnknownIds(ILogger logger, Guid setId, int count, string ids);
}
