using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>The section structure, with guidance, that an organisation's new reports start from.</summary>
public class ReportTemplate : IOrganisationOwned, IVersioned
{
    private readonly List<TemplateSection> _sections = [];

    private ReportTemplate() { }

    public ReportTemplate(Guid id, Guid organisationId)
    {
        Id = id;
        OrganisationId = organisationId;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public IReadOnlyCollection<TemplateSection> Sections => _sections.AsReadOnly();

    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>Sections in reading order: each top-level section followed by its sub-sections.</summary>
    public IReadOnlyList<TemplateSection> InReadingOrder() => Order(_sections, s => s.Id, s => s.ParentId, s => s.Position);

    /// <summary>"3.1"-style numbers for every section.</summary>
    public IReadOnlyDictionary<Guid, string> SectionNumbers() => Numbers(_sections, s => s.Id, s => s.ParentId, s => s.Position);

    public TemplateSection AddSection(Guid? parentId, string titleFi, string titleSv, string guidanceFi, string guidanceSv,
        SectionPurpose purpose = SectionPurpose.Text)
    {
        if (parentId is { } p && _sections.All(s => s.Id != p))
        {
            throw new DomainException("Validation.ParentSectionUnknown");
        }
        if (parentId is { } q && _sections.First(s => s.Id == q).ParentId is not null)
        {
            throw new DomainException("Validation.SectionTooDeep");
        }
        var position = _sections.Where(s => s.ParentId == parentId).Select(s => s.Position + 1).DefaultIfEmpty(0).Max();
        var section = new TemplateSection(Guid.NewGuid(), Id, parentId, position, titleFi, titleSv, guidanceFi, guidanceSv, purpose);
        _sections.Add(section);
        return section;
    }

    public void RemoveSection(Guid sectionId)
    {
        var section = _sections.FirstOrDefault(s => s.Id == sectionId) ?? throw new DomainException("Validation.SectionUnknown");
        _sections.RemoveAll(s => s.ParentId == sectionId);
        _sections.Remove(section);
        Renumber(section.ParentId);
    }

    /// <summary>Moves a section one step up or down among its siblings.</summary>
    public void Move(Guid sectionId, int step)
    {
        var section = _sections.FirstOrDefault(s => s.Id == sectionId) ?? throw new DomainException("Validation.SectionUnknown");
        var siblings = _sections.Where(s => s.ParentId == section.ParentId).OrderBy(s => s.Position).ToList();
        var index = siblings.IndexOf(section);
        var target = Math.Clamp(index + step, 0, siblings.Count - 1);
        if (target == index)
        {
            return;
        }
        siblings.RemoveAt(index);
        siblings.Insert(target, section);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].PlaceAt(i);
        }
    }

    private void Renumber(Guid? parentId)
    {
        var position = 0;
        foreach (var sibling in _sections.Where(s => s.ParentId == parentId).OrderBy(s => s.Position))
        {
            sibling.PlaceAt(position++);
        }
    }

    /// <summary>Numbers a two-level tree as people cite it: top-level sections 1, 2, 3…, sub-sections 3.1, 3.2…</summary>
    public static IReadOnlyDictionary<Guid, string> Numbers<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, Guid?> parent, Func<T, int> position)
    {
        var all = items.ToList();
        var numbers = new Dictionary<Guid, string>();
        var top = 0;
        foreach (var main in all.Where(i => parent(i) is null).OrderBy(position))
        {
            numbers[id(main)] = (++top).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sub = 0;
            foreach (var child in all.Where(i => parent(i) == id(main)).OrderBy(position))
            {
                numbers[id(child)] = FormattableString.Invariant($"{top}.{++sub}");
            }
        }
        return numbers;
    }

    /// <summary>Orders a two-level tree for reading: parents by position, each followed by its children by position.</summary>
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, Guid?> parent, Func<T, int> position)
    {
        var all = items.ToList();
        var result = new List<T>(all.Count);
        foreach (var top in all.Where(i => parent(i) is null).OrderBy(position))
        {
            result.Add(top);
            result.AddRange(all.Where(i => parent(i) == id(top)).OrderBy(position));
        }
        return result;
    }
}

public class TemplateSection
{
    private TemplateSection()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        GuidanceFi = string.Empty;
        GuidanceSv = string.Empty;
    }

    internal TemplateSection(Guid id, Guid templateId, Guid? parentId, int position, string titleFi, string titleSv,
        string guidanceFi, string guidanceSv, SectionPurpose purpose) : this()
    {
        Purpose = Enum.IsDefined(purpose) ? purpose : SectionPurpose.Text;
        Id = id;
        TemplateId = templateId;
        ParentId = parentId;
        Position = position;
        Update(titleFi, titleSv, guidanceFi, guidanceSv);
    }

    public Guid Id { get; private set; }
    public Guid TemplateId { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Position { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string GuidanceFi { get; private set; }
    public string GuidanceSv { get; private set; }
    public SectionPurpose Purpose { get; private set; } = SectionPurpose.Text;

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public void Update(string titleFi, string titleSv, string guidanceFi, string guidanceSv)
    {
        (titleFi, titleSv) = BilingualTitle.Require(titleFi, titleSv, "Validation.SectionTitleRequired");
        guidanceFi = guidanceFi?.Trim() ?? string.Empty;
        guidanceSv = guidanceSv?.Trim() ?? string.Empty;
        if (guidanceFi.Length > ReportLimits.GuidanceMaxLength || guidanceSv.Length > ReportLimits.GuidanceMaxLength)
        {
            throw new DomainException("Validation.GuidanceTooLong");
        }
        TitleFi = titleFi;
        TitleSv = titleSv;
        GuidanceFi = guidanceFi;
        GuidanceSv = guidanceSv;
    }

    internal void PlaceAt(int position) => Position = position;
}
