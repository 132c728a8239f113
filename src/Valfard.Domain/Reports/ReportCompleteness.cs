using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>The step a report is about to take, for its completeness checklist.</summary>
public enum CompletenessStage
{
    /// <summary>To the welfare group's review: everything is a warning, the text may still change.</summary>
    Review = 1,

    /// <summary>To the board, which makes its proposal to the council on the text it is given.</summary>
    Board = 2,

    /// <summary>To the council, which decides on the text.</summary>
    Council = 3,

    /// <summary>To residents: the approved version goes online.</summary>
    Publish = 4,
}

/// <summary>What the checklist found; each names its line on the checklist page (<c>Checklist.Problem.{kind}</c>).</summary>
public enum CompletenessProblemKind
{
    /// <summary>A section shows no text in a language the organisation publishes in, and is not marked as empty on purpose.</summary>
    EmptyText = 1,

    /// <summary>A section marked as empty on purpose has its reason only in the other language.</summary>
    EmptyReasonNotInLanguage = 2,

    /// <summary>A section is not accepted as done.</summary>
    NotDone = 3,

    /// <summary>A section is not done and its due date has passed.</summary>
    Overdue = 4,

    /// <summary>A minimum-content indicator is neither in the report nor left out with a reason.</summary>
    IndicatorNotAccounted = 5,

    /// <summary>A left-out minimum-content indicator has its reason only in the other language.</summary>
    LeftOutReasonNotInLanguage = 6,

    /// <summary>The board's decision, which the council decides on, is not recorded.</summary>
    BoardDecisionMissing = 7,

    /// <summary>The council's decision is not recorded: there is nothing approved to publish.</summary>
    CouncilDecisionMissing = 8,

    /// <summary>The decision has no link to the minutes: readers cannot check it at the source.</summary>
    MinutesLinkMissing = 9,

    /// <summary>The report has a section for its joys and concerns, and there are none: the section would stay empty.</summary>
    NoJoysOrConcerns = 10,

    /// <summary>A joy or concern has no text in a language the organisation publishes in; readers of it get the other language.</summary>
    ObservationTextMissing = 11,

    /// <summary>The report has a section for the welfare plan, and the term has no plan.</summary>
    PlanMissing = 12,

    /// <summary>The term's plan has no goals: the plan section would show only its title.</summary>
    PlanWithoutGoals = 13,

    /// <summary>A goal of the plan has no measures: the plan says what it wants but not what is done for it.</summary>
    GoalWithoutMeasures = 14,

    /// <summary>The report has a section for appendices, and there is nothing to list in it.</summary>
    AppendicesEmpty = 15,
}

/// <summary>One line of the checklist. A blocking line stops the step; a warning needs the coordinator's confirmation.</summary>
/// <param name="Language">The language concerned ("fi" or "sv") for the per-language lines; null otherwise.</param>
/// <param name="SetId">The standard set of an indicator line.</param>
/// <param name="ItemId">The joy or concern, or the goal, of the lines about one of them.</param>
public sealed record CompletenessProblem(CompletenessProblemKind Kind, bool Blocking, Guid? SectionId = null, string? Language = null,
    int? IndicatorId = null, Guid? SetId = null, DateOnly? DueDate = null, Guid? ItemId = null);

/// <summary>
/// A section as the checklist sees it. <paramref name="HasBlocks"/>: indicator, assessment or members blocks, which a
/// reader sees even without text. <paramref name="LanguagesWithText"/>: the languages whose text has visible words.
/// <paramref name="HasSubsections"/>: sub-chapters follow it, as under THL's "3 Population's welfare" chapter.
/// </summary>
public sealed record SectionFacts(Guid Id, SectionPurpose Purpose, bool HasBlocks, SectionStatus Status, DateOnly? DueDate,
    IReadOnlyCollection<string> LanguagesWithText, bool IsIntentionallyEmpty, bool HasEmptyReasonFi, bool HasEmptyReasonSv,
    bool HasSubsections = false)
{
    /// <summary>Reads the facts off a section; <paramref name="hasText"/> tells whether a text's HTML has any visible words.</summary>
    public static SectionFacts Of(ReportSection section, bool hasBlocks, Func<string, bool> hasText, bool hasSubsections = false)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(hasText);
        return new SectionFacts(section.Id, section.Purpose, hasBlocks || section.ListsAssessments || section.MembersIndicatorId is not null,
            section.Status, section.DueDate, section.Texts.Where(t => hasText(t.Html)).Select(t => t.Language).ToList(),
            section.IsIntentionallyEmpty, section.EmptyReasonFi.Length > 0, section.EmptyReasonSv.Length > 0, hasSubsections);
    }

    /// <summary>
    /// Whether the section lacks its text in <paramref name="language"/>. Only text sections are checked: the other
    /// purposes show their joys and concerns, plan or appendices. A block is content of its own, and so are the
    /// sub-chapters under a chapter heading (an introduction is the writers' choice, and readers are not told such a
    /// chapter is empty), so such a section needs no text; but once it has text in one language, the other
    /// language's readers need it too.
    /// </summary>
    public bool LacksTextIn(string language) =>
        Purpose == SectionPurpose.Text && !LanguagesWithText.Contains(language)
        && (!(HasBlocks || HasSubsections) || LanguagesWithText.Count > 0);

    public bool HasReasonIn(string language) => language == "sv" ? HasEmptyReasonSv : HasEmptyReasonFi;
}

/// <summary>An indicator of a minimum-content standard set, and whether the report accounts for it.</summary>
/// <param name="InReport">Shown in a section, as evidence of a joy or concern, or followed in the plan.</param>
/// <param name="LeftOut">Marked as left out, with a reason, on the standard sets page.</param>
public sealed record MinimumIndicatorFacts(Guid SetId, int IndicatorId, bool InReport, bool LeftOut, bool HasReasonFi, bool HasReasonSv);

/// <summary>A joy or concern as the checklist sees it: which languages its own text is written in.</summary>
public sealed record ObservationFacts(Guid Id, bool HasTextFi, bool HasTextSv)
{
    /// <summary>
    /// Reads the facts off an observation. A language counts only when its own field is written: the document shows
    /// the other language's text in its place, marked, and that is what the line warns of.
    /// </summary>
    public static ObservationFacts Of(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new(observation.Id, observation.TextFi.Length > 0, observation.TextSv.Length > 0);
    }

    public bool HasTextIn(string language) => language == "sv" ? HasTextSv : HasTextFi;
}

/// <summary>A goal of the term's plan and how many measures serve it.</summary>
public sealed record GoalFacts(Guid Id, int Measures);

/// <summary>The term's plan as the checklist sees it; <paramref name="Exists"/> is false when the term has no plan yet.</summary>
public sealed record PlanFacts(bool Exists, IReadOnlyList<GoalFacts> Goals)
{
    public static PlanFacts None { get; } = new(false, []);
}

/// <summary>Everything the checklist reads, gathered by the caller so the rules stay free of storage.</summary>
/// <param name="Languages">The languages the organisation publishes in.</param>
/// <param name="Observations">The report's joys and concerns; null when the caller does not check them.</param>
/// <param name="Plan">The term's plan; null when the caller does not check it (a county's regional report shows no plan of its own).</param>
/// <param name="Appendices">How many things the appendices section lists (linked plans, left-out indicators); null when not checked.</param>
public sealed record CompletenessFacts(IReadOnlyList<string> Languages, IReadOnlyList<SectionFacts> Sections, DateOnly Today,
    IReadOnlyList<MinimumIndicatorFacts>? MinimumIndicators = null, BoardDecision? BoardDecision = null, CouncilDecision? CouncilDecision = null,
    IReadOnlyList<ObservationFacts>? Observations = null, PlanFacts? Plan = null, int? Appendices = null);

/// <summary>
/// The completeness checklist shown before a report moves on (issue 17 §1): a report with most sections empty once
/// went to the council and to residents, who read "this section has no text". Empty text in a published language
/// blocks the board, the council and publishing unless the section is marked as empty on purpose with a reason; before
/// review it is a warning, as the text is still being written. Everything else is a warning that the coordinator
/// confirms having checked.
/// </summary>
public static class ReportCompleteness
{
    /// <summary>The resource key of the refusal when the checklist has blocking lines.</summary>
    public const string BlockedKey = "Checklist.Blocked";

    /// <summary>The resource key of the refusal when warnings were not confirmed.</summary>
    public const string ConfirmKey = "Checklist.ConfirmWarnings";

    /// <summary>The checklist's stage before a move, or null for the moves it does not guard (decisions, going back).</summary>
    public static CompletenessStage? StageOf(WorkflowAction action) => action switch
    {
        WorkflowAction.SubmitForReview => CompletenessStage.Review,
        WorkflowAction.SendToBoard => CompletenessStage.Board,
        WorkflowAction.SendToCouncil => CompletenessStage.Council,
        WorkflowAction.Publish => CompletenessStage.Publish,
        _ => null,
    };

    public static CompletenessChecklist Check(CompletenessStage stage, CompletenessFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // The board is given the text the council will decide on, so an empty section stops it already there: found
        // only at the council, it would send the report back through the board.
        var emptyBlocks = stage != CompletenessStage.Review;
        var problems = new List<CompletenessProblem>();
        foreach (var section in facts.Sections)
        {
            foreach (var language in facts.Languages.Where(section.LacksTextIn))
            {
                if (!section.IsIntentionallyEmpty)
                {
                    problems.Add(new(CompletenessProblemKind.EmptyText, emptyBlocks, section.Id, language));
                }
                else if (!section.HasReasonIn(language))
                {
                    problems.Add(new(CompletenessProblemKind.EmptyReasonNotInLanguage, false, section.Id, language));
                }
            }
            // A section left empty on purpose is a decision taken, not work left undone.
            if (section.Status != SectionStatus.Done && !section.IsIntentionallyEmpty)
            {
                var overdue = section.DueDate is { } due && due < facts.Today;
                problems.Add(new(overdue ? CompletenessProblemKind.Overdue : CompletenessProblemKind.NotDone, false, section.Id,
                    DueDate: overdue ? section.DueDate : null));
            }
        }
        CheckPurposes(facts, emptyBlocks, problems);
        foreach (var indicator in facts.MinimumIndicators ?? [])
        {
            if (!indicator.LeftOut)
            {
                if (!indicator.InReport)
                {
                    problems.Add(new(CompletenessProblemKind.IndicatorNotAccounted, false, IndicatorId: indicator.IndicatorId, SetId: indicator.SetId));
                }
                continue;
            }
            foreach (var language in facts.Languages.Where(l => !(l == "sv" ? indicator.HasReasonSv : indicator.HasReasonFi)))
            {
                problems.Add(new(CompletenessProblemKind.LeftOutReasonNotInLanguage, false, Language: language, IndicatorId: indicator.IndicatorId,
                    SetId: indicator.SetId));
            }
        }
        if (stage == CompletenessStage.Council)
        {
            problems.AddRange(facts.BoardDecision is null
                ? [new(CompletenessProblemKind.BoardDecisionMissing, true)]
                : facts.BoardDecision.MinutesUrl is null ? [new(CompletenessProblemKind.MinutesLinkMissing, false)] : []);
        }
        if (stage == CompletenessStage.Publish)
        {
            problems.AddRange(facts.CouncilDecision is null
                ? [new(CompletenessProblemKind.CouncilDecisionMissing, true)]
                : facts.CouncilDecision.MinutesUrl is null ? [new(CompletenessProblemKind.MinutesLinkMissing, false)] : []);
        }
        return new CompletenessChecklist(stage, problems);
    }

    /// <summary>
    /// The sections that show something other than their text: the joys and concerns, the plan and the appendices. Each
    /// is checked only when the report has such a section, as only then does a reader meet the gap. A joy or concern
    /// missing its text in a publishing language blocks like a section's text: it is the report's own conclusion, in
    /// the organisation's words, and the reader of that language would get it in the other one. The rest are warnings:
    /// a plan still without measures or a report without appendices can be what the group meant.
    /// </summary>
    private static void CheckPurposes(CompletenessFacts facts, bool emptyBlocks, List<CompletenessProblem> problems)
    {
        var joys = facts.Sections.FirstOrDefault(s => s.Purpose == SectionPurpose.JoysAndConcerns);
        if (joys is not null && facts.Observations is { } observations)
        {
            if (observations.Count == 0)
            {
                problems.Add(new(CompletenessProblemKind.NoJoysOrConcerns, false, joys.Id));
            }
            foreach (var observation in observations)
            {
                problems.AddRange(facts.Languages.Where(l => !observation.HasTextIn(l))
                    .Select(l => new CompletenessProblem(CompletenessProblemKind.ObservationTextMissing, emptyBlocks, joys.Id, l, ItemId: observation.Id)));
            }
        }
        var planSection = facts.Sections.FirstOrDefault(s => s.Purpose == SectionPurpose.WelfarePlan);
        if (planSection is not null && facts.Plan is { } plan)
        {
            if (!plan.Exists)
            {
                problems.Add(new(CompletenessProblemKind.PlanMissing, false, planSection.Id));
            }
            else if (plan.Goals.Count == 0)
            {
                problems.Add(new(CompletenessProblemKind.PlanWithoutGoals, false, planSection.Id));
            }
            problems.AddRange(plan.Goals.Where(g => g.Measures == 0)
                .Select(g => new CompletenessProblem(CompletenessProblemKind.GoalWithoutMeasures, false, planSection.Id, ItemId: g.Id)));
        }
        var appendices = facts.Sections.FirstOrDefault(s => s.Purpose == SectionPurpose.Appendices);
        if (appendices is not null && facts.Appendices == 0)
        {
            problems.Add(new(CompletenessProblemKind.AppendicesEmpty, false, appendices.Id));
        }
    }
}

/// <summary>The lines found before one step; <see cref="EnsureAllows"/> is the rule the server applies to the move.</summary>
public sealed class CompletenessChecklist(CompletenessStage stage, IReadOnlyList<CompletenessProblem> problems)
{
    public CompletenessStage Stage { get; } = stage;
    public IReadOnlyList<CompletenessProblem> Problems { get; } = problems;
    public IReadOnlyList<CompletenessProblem> Blocking => Problems.Where(p => p.Blocking).ToList();
    public IReadOnlyList<CompletenessProblem> Warnings => Problems.Where(p => !p.Blocking).ToList();
    public bool HasBlocking => Problems.Any(p => p.Blocking);
    public bool HasWarnings => Problems.Any(p => !p.Blocking);

    /// <summary>Refuses the step while anything blocks it, or while warnings stand that the coordinator has not confirmed.</summary>
    public void EnsureAllows(bool warningsConfirmed)
    {
        if (HasBlocking)
        {
            throw new DomainException(ReportCompleteness.BlockedKey);
        }
        if (HasWarnings && !warningsConfirmed)
        {
            throw new DomainException(ReportCompleteness.ConfirmKey, "WarningsConfirmed");
        }
    }
}
