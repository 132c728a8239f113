using Valfard.Domain.Common;

namespace Valfard.Domain.Assessments;

/// <summary>
/// One area an assessment looks at (arvioinnin osa-alue / bedömningsområde) with its guiding questions, in Finnish
/// and Swedish. Each organisation keeps its own list, seeded from THL's five areas; the coordinator edits it. An area
/// in use is retired rather than deleted, so assessments that used it keep their rows.
/// </summary>
public class AssessmentArea : IOrganisationOwned, IVersioned
{
    private AssessmentArea()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        QuestionsFi = string.Empty;
        QuestionsSv = string.Empty;
    }

    public AssessmentArea(Guid id, Guid organisationId, int position, bool forChildren) : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Position = position;
        ForChildren = forChildren;
    }

    public Guid Id { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public int Position { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }

    /// <summary>The guiding questions, one per line.</summary>
    public string QuestionsFi { get; private set; }
    public string QuestionsSv { get; private set; }

    /// <summary>Only the child impact variant (lapsivaikutusten arviointi) assesses this area.</summary>
    public bool ForChildren { get; private set; }

    /// <summary>A retired area is not offered to new assessments; the ones that used it keep it.</summary>
    public bool IsRetired { get; private set; }

    public void RenewVersion() => Version = Guid.NewGuid();

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi;

    public string QuestionsIn(string language) => language == "sv" && QuestionsSv.Length > 0 ? QuestionsSv : QuestionsFi;

    public IReadOnlyList<string> QuestionListIn(string language) =>
        QuestionsIn(language).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Update(string titleFi, string titleSv, string questionsFi, string questionsSv, bool forChildren)
    {
        TitleFi = AssessmentLimits.Required(titleFi, AssessmentLimits.TitleMaxLength, nameof(TitleFi), "Assessment.Validation.AreaTitleRequired");
        TitleSv = AssessmentLimits.Required(titleSv, AssessmentLimits.TitleMaxLength, nameof(TitleSv), "Assessment.Validation.AreaTitleRequired");
        QuestionsFi = AssessmentLimits.Optional(questionsFi?.Replace("\r", string.Empty, StringComparison.Ordinal), AssessmentLimits.QuestionsMaxLength, nameof(QuestionsFi));
        QuestionsSv = AssessmentLimits.Optional(questionsSv?.Replace("\r", string.Empty, StringComparison.Ordinal), AssessmentLimits.QuestionsMaxLength, nameof(QuestionsSv));
        ForChildren = forChildren;
    }

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;

    public void MoveTo(int position) => Position = position;
}

/// <summary>The coordinator's order of the areas: one step up or down at a time, so it works with buttons and a keyboard.</summary>
public static class AssessmentAreaOrder
{
    /// <summary>Moves the area one place up (step −1) or down (+1) and numbers the whole list 0, 1, 2… again.</summary>
    public static void Move(IReadOnlyList<AssessmentArea> areas, Guid areaId, int step)
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (step is not (-1 or 1))
        {
            throw new DomainException("Assessment.Validation.AreaCannotMove");
        }
        var ordered = areas.OrderBy(a => a.Position).ThenBy(a => a.Id).ToList();
        var index = ordered.FindIndex(a => a.Id == areaId);
        var target = index + step;
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            throw new DomainException("Assessment.Validation.AreaCannotMove");
        }
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i);
        }
    }
}
