using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Reports;

public sealed class ReportCompletenessTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly string[] Bilingual = ["fi", "sv"];
    private static readonly string[] FinnishOnly = ["fi"];

    private static SectionFacts Text(string[] withText, SectionStatus status = SectionStatus.Done, DateOnly? due = null,
        bool leftEmpty = false, bool reasonFi = false, bool reasonSv = false, SectionPurpose purpose = SectionPurpose.Text, bool blocks = false) =>
        new(Guid.NewGuid(), purpose, blocks, status, due, withText, leftEmpty, reasonFi, reasonSv);

    private static CompletenessChecklist Check(CompletenessStage stage, string[] languages, params SectionFacts[] sections) =>
        ReportCompleteness.Check(stage, new CompletenessFacts(languages, sections, Today));

    [Theory]
    [InlineData(CompletenessStage.Board)]
    [InlineData(CompletenessStage.Council)]
    [InlineData(CompletenessStage.Publish)]
    public void An_empty_Swedish_text_blocks_the_board_the_council_and_publishing_in_a_bilingual_organisation(CompletenessStage stage)
    {
        var section = Text(["fi"]);

        var checklist = Check(stage, Bilingual, section);

        var problem = Assert.Single(checklist.Problems, p => p.SectionId is not null);
        Assert.Equal(CompletenessProblemKind.EmptyText, problem.Kind);
        Assert.True(problem.Blocking);
        Assert.Equal("sv", problem.Language);
        Assert.Equal(section.Id, problem.SectionId);
        Assert.Equal(ReportCompleteness.BlockedKey, Assert.Throws<DomainException>(() => checklist.EnsureAllows(warningsConfirmed: true)).Message);
    }

    [Fact]
    public void Before_review_an_empty_text_is_only_a_warning()
    {
        var checklist = Check(CompletenessStage.Review, Bilingual, Text([]));

        Assert.False(checklist.HasBlocking);
        Assert.Equal(["fi", "sv"], checklist.Warnings.Where(p => p.Kind == CompletenessProblemKind.EmptyText).Select(p => p.Language));
    }

    [Fact]
    public void A_language_the_organisation_does_not_publish_in_is_not_checked()
    {
        var checklist = Check(CompletenessStage.Council, FinnishOnly, Text(["fi"]));

        Assert.DoesNotContain(checklist.Problems, p => p.Kind == CompletenessProblemKind.EmptyText);
    }

    [Fact]
    public void A_section_left_empty_on_purpose_with_a_reason_in_both_languages_does_not_block()
    {
        var checklist = Check(CompletenessStage.Publish, Bilingual, Text([], status: SectionStatus.NotStarted, leftEmpty: true, reasonFi: true, reasonSv: true));

        Assert.DoesNotContain(checklist.Problems, p => p.SectionId is not null);
    }

    [Fact]
    public void A_reason_only_in_Finnish_is_a_warning_for_Swedish_readers_not_a_block()
    {
        var section = Text([], leftEmpty: true, reasonFi: true);

        var checklist = Check(CompletenessStage.Council, Bilingual, section);

        var problem = Assert.Single(checklist.Problems, p => p.SectionId == section.Id);
        Assert.Equal(CompletenessProblemKind.EmptyReasonNotInLanguage, problem.Kind);
        Assert.Equal("sv", problem.Language);
        Assert.False(problem.Blocking);
    }

    [Theory]
    [InlineData(SectionPurpose.JoysAndConcerns, false)]
    [InlineData(SectionPurpose.WelfarePlan, false)]
    [InlineData(SectionPurpose.Appendices, false)]
    [InlineData(SectionPurpose.Text, true)]
    public void Sections_that_show_other_content_are_not_empty(SectionPurpose purpose, bool blocks)
    {
        var checklist = Check(CompletenessStage.Publish, Bilingual, Text([], purpose: purpose, blocks: blocks));

        Assert.DoesNotContain(checklist.Problems, p => p.Kind == CompletenessProblemKind.EmptyText);
    }

    [Fact]
    public void A_chapter_heading_over_its_sub_chapters_needs_no_text_until_it_has_some_in_one_language()
    {
        var heading = new SectionFacts(Guid.NewGuid(), SectionPurpose.Text, false, SectionStatus.Done, null, [], false, false, false, HasSubsections: true);
        var introInFinnish = heading with { Id = Guid.NewGuid(), LanguagesWithText = ["fi"] };

        var checklist = Check(CompletenessStage.Publish, Bilingual, heading, introInFinnish);

        var problem = Assert.Single(checklist.Problems, p => p.Kind == CompletenessProblemKind.EmptyText);
        Assert.Equal(introInFinnish.Id, problem.SectionId);
        Assert.Equal("sv", problem.Language);
        Assert.True(problem.Blocking);
    }

    [Fact]
    public void A_section_with_blocks_and_text_in_one_language_lacks_it_in_the_other()
    {
        var checklist = Check(CompletenessStage.Board, Bilingual, Text(["fi"], blocks: true));

        Assert.Equal("sv", Assert.Single(checklist.Blocking).Language);
    }

    [Fact]
    public void A_section_not_done_is_a_warning_and_one_past_its_due_date_is_overdue_instead()
    {
        var late = Text(Bilingual, SectionStatus.InProgress, due: new DateOnly(2026, 12, 2));
        var notYet = Text(Bilingual, SectionStatus.ReadyForReview, due: new DateOnly(2026, 12, 3));

        var checklist = Check(CompletenessStage.Board, Bilingual, late, notYet);

        Assert.False(checklist.HasBlocking);
        var lateProblem = Assert.Single(checklist.Problems, p => p.SectionId == late.Id);
        Assert.Equal(CompletenessProblemKind.Overdue, lateProblem.Kind);
        Assert.Equal(new DateOnly(2026, 12, 2), lateProblem.DueDate);
        Assert.Equal(CompletenessProblemKind.NotDone, Assert.Single(checklist.Problems, p => p.SectionId == notYet.Id).Kind);
    }

    [Fact]
    public void Warnings_need_the_confirmation_and_then_allow_the_step()
    {
        var checklist = Check(CompletenessStage.Review, Bilingual, Text(Bilingual, SectionStatus.InProgress));

        var refused = Assert.Throws<DomainException>(() => checklist.EnsureAllows(warningsConfirmed: false));
        Assert.Equal(ReportCompleteness.ConfirmKey, refused.Message);
        checklist.EnsureAllows(warningsConfirmed: true);
    }

    [Fact]
    public void A_complete_report_needs_no_confirmation()
    {
        var checklist = Check(CompletenessStage.Board, Bilingual, Text(Bilingual), Text([], purpose: SectionPurpose.Appendices));

        Assert.Empty(checklist.Problems);
        checklist.EnsureAllows(warningsConfirmed: false);
    }

    [Fact]
    public void Minimum_content_indicators_neither_in_the_report_nor_left_out_are_warnings()
    {
        var set = Guid.NewGuid();
        MinimumIndicatorFacts[] indicators =
        [
            new(set, 127, InReport: true, LeftOut: false, false, false),
            new(set, 128, InReport: false, LeftOut: false, false, false),
            new(set, 129, InReport: false, LeftOut: true, HasReasonFi: true, HasReasonSv: false),
            new(set, 130, InReport: false, LeftOut: true, HasReasonFi: true, HasReasonSv: true),
        ];

        var checklist = ReportCompleteness.Check(CompletenessStage.Publish,
            new CompletenessFacts(Bilingual, [], Today, indicators, CouncilDecision: Decision("https://example.fi/pk")));

        Assert.False(checklist.HasBlocking);
        Assert.Equal([(CompletenessProblemKind.IndicatorNotAccounted, 128, (string?)null), (CompletenessProblemKind.LeftOutReasonNotInLanguage, 129, "sv")],
            checklist.Problems.Select(p => (p.Kind, p.IndicatorId!.Value, p.Language)));
    }

    [Fact]
    public void Publishing_without_the_councils_decision_is_blocked_and_without_a_minutes_link_warned()
    {
        var missing = ReportCompleteness.Check(CompletenessStage.Publish, new CompletenessFacts(Bilingual, [], Today));
        var noLink = ReportCompleteness.Check(CompletenessStage.Publish, new CompletenessFacts(Bilingual, [], Today, CouncilDecision: Decision(null)));

        Assert.Equal(CompletenessProblemKind.CouncilDecisionMissing, Assert.Single(missing.Blocking).Kind);
        var warning = Assert.Single(noLink.Problems);
        Assert.Equal(CompletenessProblemKind.MinutesLinkMissing, warning.Kind);
        Assert.False(warning.Blocking);
    }

    [Fact]
    public void Sending_to_the_council_needs_the_boards_decision()
    {
        var missing = ReportCompleteness.Check(CompletenessStage.Council, new CompletenessFacts(Bilingual, [], Today));
        var recorded = ReportCompleteness.Check(CompletenessStage.Council, new CompletenessFacts(Bilingual, [], Today,
            BoardDecision: BoardDecision.Create("Kunnanhallitus", Today, "12", "Hallitus esittää hyväksymistä.", "https://example.fi/kh", null, Today)));

        Assert.Equal(CompletenessProblemKind.BoardDecisionMissing, Assert.Single(missing.Blocking).Kind);
        Assert.Empty(recorded.Problems);
    }

    [Theory]
    [InlineData(WorkflowAction.SubmitForReview, CompletenessStage.Review)]
    [InlineData(WorkflowAction.SendToBoard, CompletenessStage.Board)]
    [InlineData(WorkflowAction.SendToCouncil, CompletenessStage.Council)]
    [InlineData(WorkflowAction.Publish, CompletenessStage.Publish)]
    [InlineData(WorkflowAction.Approve, null)]
    [InlineData(WorkflowAction.ReturnToDraft, null)]
    public void The_checklist_guards_the_steps_forward(WorkflowAction action, CompletenessStage? stage) =>
        Assert.Equal(stage, ReportCompleteness.StageOf(action));

    [Fact]
    public void Facts_read_off_a_real_section_see_blank_html_as_empty_and_the_mark_with_its_reasons()
    {
        var section = NewSection();
        var fi = section.TextIn("fi")!;
        fi.Write("<p>Teksti</p>", fi.Version, Guid.NewGuid(), DateTimeOffset.UnixEpoch, section);
        var sv = section.TextIn("sv")!;
        sv.Write("<p> </p>", sv.Version, Guid.NewGuid(), DateTimeOffset.UnixEpoch, section);
        section.LeaveEmpty("  ", "Avsnittet finns bara på finska.");

        var facts = SectionFacts.Of(section, hasBlocks: false, html => html.Replace("<p>", "").Replace("</p>", "").Trim().Length > 0);

        Assert.Equal(["fi"], facts.LanguagesWithText);
        Assert.True(facts.IsIntentionallyEmpty);
        Assert.False(facts.HasEmptyReasonFi);
        Assert.True(facts.HasEmptyReasonSv);
        Assert.Equal(("Avsnittet finns bara på finska.", "sv"), section.EmptyReasonIn("fi"));
    }

    [Fact]
    public void Leaving_a_section_empty_needs_a_reason_and_can_be_taken_back()
    {
        var section = NewSection();

        var refused = Assert.Throws<DomainException>(() => section.LeaveEmpty(" ", null));
        Assert.Equal("Validation.EmptyReasonRequired", refused.Message);
        Assert.Equal("Validation.EmptyReasonTooLong",
            Assert.Throws<DomainException>(() => section.LeaveEmpty(new string('x', ReportSection.EmptyReasonMaxLength + 1), null)).Message);
        section.LeaveEmpty("Käsitellään luvussa 3.1.", null);
        Assert.Equal(("Käsitellään luvussa 3.1.", "fi"), section.EmptyReasonIn("sv"));
        section.ExpectText();
        Assert.False(section.IsIntentionallyEmpty);
        Assert.Null(section.EmptyReasonIn("fi"));
    }

    private static CouncilDecision Decision(string? minutesUrl) =>
        CouncilDecision.Create("Kunnanvaltuusto", Today, "45", minutesUrl, null, Today);

    private static ReportSection NewSection()
    {
        var organisation = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Demokunta", "Demokommun", "995",
            OrganisationLanguages.Bilingual, "demo");
        var template = new ReportTemplate(Guid.NewGuid(), organisation.Id);
        ThlTemplate.ApplyTo(template);
        var term = new CouncilTerm(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
        return WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, term, null, "Kertomus", "Berättelse",
            template, Guid.NewGuid(), DateTimeOffset.UnixEpoch).Sections.First();
    }

    private static CompletenessChecklist CheckWith(CompletenessStage stage, SectionFacts[] sections, IReadOnlyList<ObservationFacts>? observations = null,
        PlanFacts? plan = null, int? appendices = null) =>
        ReportCompleteness.Check(stage, new CompletenessFacts(Bilingual, sections, Today, Observations: observations, Plan: plan, Appendices: appendices));

    [Fact]
    public void A_report_with_a_joys_and_concerns_section_and_no_joys_or_concerns_is_warned_once()
    {
        var joys = Text([], purpose: SectionPurpose.JoysAndConcerns);

        var checklist = CheckWith(CompletenessStage.Board, [joys], observations: []);

        var problem = Assert.Single(checklist.Problems);
        Assert.Equal(CompletenessProblemKind.NoJoysOrConcerns, problem.Kind);
        Assert.False(problem.Blocking);
        Assert.Equal(joys.Id, problem.SectionId);
    }

    [Fact]
    public void Joys_and_concerns_are_not_checked_without_a_section_to_show_them()
    {
        var checklist = CheckWith(CompletenessStage.Board, [Text(["fi", "sv"])], observations: [new ObservationFacts(Guid.NewGuid(), true, false)]);

        Assert.Empty(checklist.Problems);
    }

    [Theory]
    [InlineData(CompletenessStage.Review, false)]
    [InlineData(CompletenessStage.Board, true)]
    [InlineData(CompletenessStage.Council, true)]
    [InlineData(CompletenessStage.Publish, true)]
    public void A_concern_without_its_Swedish_text_blocks_like_a_section_from_the_board_on(CompletenessStage stage, bool blocks)
    {
        var joys = Text([], purpose: SectionPurpose.JoysAndConcerns);
        var written = new ObservationFacts(Guid.NewGuid(), true, true);
        var finnishOnly = new ObservationFacts(Guid.NewGuid(), true, false);

        var checklist = CheckWith(stage, [joys], observations: [written, finnishOnly]);

        var problem = Assert.Single(checklist.Problems, p => p.Kind != CompletenessProblemKind.CouncilDecisionMissing
            && p.Kind != CompletenessProblemKind.BoardDecisionMissing);
        Assert.Equal(CompletenessProblemKind.ObservationTextMissing, problem.Kind);
        Assert.Equal(blocks, problem.Blocking);
        Assert.Equal("sv", problem.Language);
        Assert.Equal(finnishOnly.Id, problem.ItemId);
        Assert.Equal(joys.Id, problem.SectionId);
    }

    [Fact]
    public void A_concern_written_only_in_Finnish_is_complete_for_a_Finnish_only_organisation()
    {
        var joys = Text([], purpose: SectionPurpose.JoysAndConcerns);

        var checklist = ReportCompleteness.Check(CompletenessStage.Board, new CompletenessFacts(FinnishOnly, [joys], Today,
            Observations: [new ObservationFacts(Guid.NewGuid(), true, false)]));

        Assert.Empty(checklist.Problems);
    }

    [Fact]
    public void Observation_facts_read_off_a_real_concern_see_the_missing_Swedish_text()
    {
        var concern = new Observation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ObservationKind.Concern, LifeStage.Youth,
            "Nuorten yksinäisyys on yleistynyt.", "  ", "", Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        var facts = ObservationFacts.Of(concern);

        Assert.True(facts.HasTextIn("fi"));
        Assert.False(facts.HasTextIn("sv"));
    }

    [Fact]
    public void A_plan_section_warns_of_a_missing_plan_of_a_plan_without_goals_and_of_each_goal_without_measures()
    {
        var planSection = Text([], purpose: SectionPurpose.WelfarePlan);
        var withMeasures = new GoalFacts(Guid.NewGuid(), 3);
        var bare = new GoalFacts(Guid.NewGuid(), 0);
        var alsoBare = new GoalFacts(Guid.NewGuid(), 0);

        var missing = CheckWith(CompletenessStage.Council, [planSection], plan: PlanFacts.None);
        var empty = CheckWith(CompletenessStage.Council, [planSection], plan: new PlanFacts(true, []));
        var goals = CheckWith(CompletenessStage.Council, [planSection], plan: new PlanFacts(true, [withMeasures, bare, alsoBare]));

        Assert.Equal([CompletenessProblemKind.PlanMissing], missing.Problems.Where(p => p.SectionId == planSection.Id).Select(p => p.Kind));
        Assert.Equal([CompletenessProblemKind.PlanWithoutGoals], empty.Problems.Where(p => p.SectionId == planSection.Id).Select(p => p.Kind));
        var lines = goals.Problems.Where(p => p.SectionId == planSection.Id).ToList();
        Assert.Equal([bare.Id, alsoBare.Id], lines.Select(p => p.ItemId));
        Assert.All(lines, p => Assert.Equal(CompletenessProblemKind.GoalWithoutMeasures, p.Kind));
        Assert.All(missing.Problems.Concat(empty.Problems).Concat(lines).Where(p => p.SectionId == planSection.Id), p => Assert.False(p.Blocking));
    }

    [Fact]
    public void An_appendices_section_with_nothing_to_list_is_warned_and_one_linked_plan_is_enough()
    {
        var appendices = Text([], purpose: SectionPurpose.Appendices);

        var nothing = CheckWith(CompletenessStage.Publish, [appendices], appendices: 0);
        var one = CheckWith(CompletenessStage.Publish, [appendices], appendices: 1);

        var problem = Assert.Single(nothing.Problems, p => p.SectionId == appendices.Id);
        Assert.Equal(CompletenessProblemKind.AppendicesEmpty, problem.Kind);
        Assert.False(problem.Blocking);
        Assert.DoesNotContain(one.Problems, p => p.SectionId == appendices.Id);
    }
}
