using Valfard.Domain.Assessments;
using Valfard.Domain.Common;

namespace Valfard.Domain.Tests.Assessments;

public sealed class ImpactAssessmentTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Preparer = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ImpactAssessment Start(bool child = false, IEnumerable<AssessmentArea>? areas = null) =>
        ImpactAssessment.Start(Guid.NewGuid(), Organisation, "Kouluverkon muutos", "Sivistyslautakunta", new DateOnly(2026, 4, 20),
            "https://example.fi/agenda/12", Preparer, child, "fi", "Ei muutosta", "Koulut yhdistetään",
            areas ?? ThlAssessmentAreas.For(Organisation), Preparer, Now);

    private static void AssessAll(ImpactAssessment assessment, ImpactDirection direction = ImpactDirection.Positive)
    {
        foreach (var impact in assessment.Impacts.ToList())
        {
            assessment.Assess(impact.Id, direction, ImpactSize.Moderate, ImpactCertainty.Medium, PopulationGroups.Children, string.Empty,
                "Näyttö", string.Empty, [], []);
        }
    }

    [Fact]
    public void It_starts_in_preparation_with_do_nothing_and_one_option_assessed_in_every_thl_area_but_the_child_area()
    {
        var assessment = Start();

        Assert.Equal(AssessmentStatus.InPreparation, assessment.Status);
        Assert.Equal(2, assessment.Alternatives.Count);
        Assert.True(assessment.OrderedAlternatives[0].IsDoNothing);
        Assert.False(assessment.OrderedAlternatives[1].IsDoNothing);
        Assert.Equal(5, assessment.AreaIds.Count);
        Assert.Equal(10, assessment.Impacts.Count);
        Assert.All(assessment.Impacts, i => Assert.Null(i.Direction));
    }

    [Fact]
    public void The_child_variant_also_assesses_the_child_area()
    {
        var assessment = Start(child: true);

        Assert.Equal(6, assessment.AreaIds.Count);
        Assert.Equal(12, assessment.Impacts.Count);
    }

    [Fact]
    public void Retired_areas_are_left_out_and_without_any_area_it_cannot_start()
    {
        var areas = ThlAssessmentAreas.For(Organisation);
        areas[0].Retire();
        Assert.Equal(4, Start(areas: areas).AreaIds.Count);

        areas.ForEach(a => a.Retire());
        Assert.Equal("Assessment.Validation.NoAreas", Assert.Throws<DomainException>(() => Start(areas: areas)).Message);
    }

    [Fact]
    public void A_title_and_a_preparing_body_are_required_and_the_agenda_link_must_be_a_web_address()
    {
        var assessment = Start();

        var title = Assert.Throws<DomainException>(() => assessment.Describe(" ", "Lautakunta", null, string.Empty, Preparer));
        var link = Assert.Throws<DomainException>(() => assessment.Describe("Päätös", "Lautakunta", null, "javascript:alert(1)", Preparer));

        Assert.Equal(("Assessment.Validation.TitleRequired", "DecisionTitle"), (title.Message, title.Field));
        Assert.Equal(("Assessment.Validation.LinkInvalid", "AgendaLink"), (link.Message, link.Field));
    }

    [Fact]
    public void An_added_option_gets_a_row_for_every_area_and_can_be_removed_but_do_nothing_and_two_alternatives_stay()
    {
        var assessment = Start();
        var added = assessment.AddAlternative("Koulut säilyvät, luokat yhdistetään");
        Assert.Equal(15, assessment.Impacts.Count);

        assessment.RemoveAlternative(added.Id);
        Assert.Equal(10, assessment.Impacts.Count);

        var doNothing = assessment.OrderedAlternatives[0];
        var option = assessment.OrderedAlternatives[1];
        Assert.Equal("Assessment.Validation.DoNothingStays", Assert.Throws<DomainException>(() => assessment.RemoveAlternative(doNothing.Id)).Message);
        Assert.Equal("Assessment.Validation.TwoAlternatives", Assert.Throws<DomainException>(() => assessment.RemoveAlternative(option.Id)).Message);
    }

    [Fact]
    public void Completion_needs_every_area_assessed_sizes_and_certainties_and_a_conclusion()
    {
        var assessment = Start();
        Assert.Equal(["Assessment.Missing.AreasUnassessed", "Assessment.Missing.Conclusion"], assessment.MissingForCompletion());
        Assert.Throws<DomainException>(() => assessment.Complete(Now));

        var first = assessment.Impacts.First();
        assessment.Assess(first.Id, ImpactDirection.Negative, null, ImpactCertainty.High, PopulationGroups.None, string.Empty, string.Empty,
            string.Empty, [], []);
        Assert.Contains("Assessment.Missing.SizeOrCertainty", assessment.MissingForCompletion());

        AssessAll(assessment);
        assessment.Conclude("Vaihtoehto B on paras.", null, string.Empty, [4237]);
        Assert.Empty(assessment.MissingForCompletion());

        assessment.Complete(Now);
        Assert.Equal(AssessmentStatus.Completed, assessment.Status);
        Assert.Equal(Now, assessment.CompletedAt);
        Assert.Single(assessment.FollowUps);
    }

    [Fact]
    public void None_and_unknown_need_no_size_or_certainty_and_drop_any_given()
    {
        var assessment = Start();
        var impact = assessment.Impacts.First();

        assessment.Assess(impact.Id, ImpactDirection.Unknown, ImpactSize.Large, ImpactCertainty.High, PopulationGroups.None, string.Empty,
            string.Empty, string.Empty, [], []);

        Assert.True(impact.IsComplete);
        Assert.Null(impact.Size);
        Assert.Null(impact.Certainty);
    }

    [Fact]
    public void Named_districts_need_their_names_and_indicators_and_goals_are_replaced_not_added()
    {
        var assessment = Start();
        var impact = assessment.Impacts.First();
        var goal = Guid.NewGuid();

        var refusal = Assert.Throws<DomainException>(() => assessment.Assess(impact.Id, ImpactDirection.Negative, ImpactSize.Small,
            ImpactCertainty.Low, PopulationGroups.NamedDistricts, " ", string.Empty, string.Empty, [], []));
        assessment.Assess(impact.Id, ImpactDirection.Negative, ImpactSize.Small, ImpactCertainty.Low, PopulationGroups.NamedDistricts | PopulationGroups.Children,
            "Kirkonkylä", string.Empty, string.Empty, [1, 2], [goal]);
        assessment.Assess(impact.Id, ImpactDirection.Negative, ImpactSize.Small, ImpactCertainty.Low, PopulationGroups.Children,
            "Kirkonkylä", string.Empty, string.Empty, [2, 3], [goal]);

        Assert.Equal(("Assessment.Validation.DistrictsRequired", "Districts"), (refusal.Message, refusal.Field));
        Assert.Equal([2, 3], impact.Indicators.Select(i => i.IndicatorId).Order());
        Assert.Single(impact.Goals);
        Assert.Equal(string.Empty, impact.Districts);
    }

    [Fact]
    public void The_child_variant_needs_to_say_whether_and_how_children_were_heard()
    {
        var assessment = Start(child: true);
        AssessAll(assessment);
        assessment.Conclude("Johtopäätös", null, string.Empty, []);
        Assert.Equal(["Assessment.Missing.ChildrenHeard"], assessment.MissingForCompletion());

        assessment.Conclude("Johtopäätös", true, "Oppilaskunnat kuultiin kyselyllä.", []);

        Assert.Empty(assessment.MissingForCompletion());
    }

    [Fact]
    public void A_completed_assessment_is_not_edited_until_reopened_and_is_decided_with_its_alternative_date_and_paragraph()
    {
        var assessment = Start();
        AssessAll(assessment);
        assessment.Conclude("Johtopäätös", null, string.Empty, []);
        Assert.Equal("Assessment.Validation.NotCompleted",
            Assert.Throws<DomainException>(() => assessment.Decide(assessment.OrderedAlternatives[1].Id, new DateOnly(2026, 4, 20), "§ 12")).Message);
        assessment.Complete(Now);

        Assert.Equal("Assessment.Validation.NotEditable", Assert.Throws<DomainException>(() => assessment.AddAlternative("C")).Message);
        Assert.Throws<DomainException>(() => assessment.EnsureRemovable());
        assessment.Publish();
        assessment.Reopen();
        Assert.Equal(AssessmentStatus.InPreparation, assessment.Status);
        Assert.False(assessment.IsPublished);
        assessment.Complete(Now);

        var paragraph = Assert.Throws<DomainException>(() => assessment.Decide(assessment.OrderedAlternatives[1].Id, new DateOnly(2026, 4, 20), " "));
        Assert.Equal("DecisionParagraph", paragraph.Field);
        assessment.Decide(assessment.OrderedAlternatives[1].Id, new DateOnly(2026, 4, 20), "§ 12");

        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
        Assert.Equal(assessment.OrderedAlternatives[1].Id, assessment.ChosenAlternativeId);
        Assert.Equal("§ 12", assessment.DecisionParagraph);
        Assert.Throws<DomainException>(() => assessment.Reopen());
        Assert.Throws<DomainException>(() => assessment.Conclude("Muu", null, string.Empty, []));
    }

    [Fact]
    public void Only_a_completed_or_decided_assessment_can_be_published()
    {
        var assessment = Start();

        Assert.Equal("Assessment.Validation.NotCompleted", Assert.Throws<DomainException>(assessment.Publish).Message);
    }

    [Fact]
    public void Areas_move_one_place_at_a_time_and_are_numbered_again_but_not_past_either_end()
    {
        var areas = ThlAssessmentAreas.For(Organisation);
        var ordered = areas.OrderBy(a => a.Position).ToList();
        var second = ordered[1];

        AssessmentAreaOrder.Move(areas, second.Id, -1);

        var after = areas.OrderBy(a => a.Position).ToList();
        Assert.Equal(second.Id, after[0].Id);
        Assert.Equal(ordered[0].Id, after[1].Id);
        Assert.Equal(Enumerable.Range(0, areas.Count), after.Select(a => a.Position));
        Assert.Equal("Assessment.Validation.AreaCannotMove", Assert.Throws<DomainException>(() => AssessmentAreaOrder.Move(areas, second.Id, -1)).Message);
        Assert.Throws<DomainException>(() => AssessmentAreaOrder.Move(areas, after[^1].Id, 1));
        Assert.Throws<DomainException>(() => AssessmentAreaOrder.Move(areas, Guid.NewGuid(), 1));

        AssessmentAreaOrder.Move(areas, second.Id, 1);
        Assert.Equal(ordered.Select(a => a.Id), areas.OrderBy(a => a.Position).Select(a => a.Id));
    }

    [Fact]
    public void Only_a_decided_assessment_archives_its_document_with_the_checksum_of_its_bytes()
    {
        var assessment = Start();
        AssessAll(assessment);
        assessment.Conclude("Vaihtoehto B on paras.", null, string.Empty, []);
        assessment.Complete(Now);
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];

        Assert.Equal("Assessment.Validation.NotDecided",
            Assert.Throws<DomainException>(() => new ArchivedAssessmentDocument(assessment, "fi", pdf, Now)).Message);

        assessment.Decide(assessment.OrderedAlternatives[1].Id, new DateOnly(2026, 4, 20), "§ 12");
        var archived = new ArchivedAssessmentDocument(assessment, "sv", pdf, Now);

        Assert.Equal(assessment.Id, archived.AssessmentId);
        Assert.Equal(5, archived.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), archived.Sha256);
        Assert.Throws<DomainException>(() => new ArchivedAssessmentDocument(assessment, "en", pdf, Now));
        Assert.Throws<DomainException>(() => new ArchivedAssessmentDocument(assessment, "fi", [], Now));
    }
}
