using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Reports;

public sealed class SectionWorkflowTests
{
    private static readonly CouncilTerm Term = new(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static ReportSection NewSection()
    {
        var organisation = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Demokunta", "Demokommun", "995",
            OrganisationLanguages.Bilingual, "demo");
        var template = new ReportTemplate(Guid.NewGuid(), organisation.Id);
        ThlTemplate.ApplyTo(template);
        return WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, Term, null, "Kertomus", "Berättelse",
            template, Guid.NewGuid(), Now).Sections.First();
    }

    /// <summary>A section walked to the given status the way the app gets it there: writing, then legal moves only.</summary>
    private static ReportSection SectionAt(SectionStatus status)
    {
        var section = NewSection();
        if (status == SectionStatus.NotStarted)
        {
            return section;
        }
        var text = section.TextIn("fi")!;
        text.Write("<p>Teksti</p>", text.Version, Guid.NewGuid(), Now, section);
        if (status == SectionStatus.InProgress)
        {
            return section;
        }
        section.MoveTo(SectionStatus.ReadyForReview, SectionRole.Writer);
        if (status == SectionStatus.ReadyForReview)
        {
            return section;
        }
        section.MoveTo(SectionStatus.Done, SectionRole.Coordinator);
        return section;
    }

    public static TheoryData<SectionStatus, SectionStatus, SectionRole, bool> EveryMove()
    {
        const SectionRole Writer = SectionRole.Writer;
        const SectionRole Coordinator = SectionRole.Coordinator;
        var allowed = new HashSet<(SectionStatus, SectionStatus, SectionRole)>
        {
            (SectionStatus.NotStarted, SectionStatus.ReadyForReview, Writer),
            (SectionStatus.NotStarted, SectionStatus.ReadyForReview, Coordinator),
            (SectionStatus.InProgress, SectionStatus.ReadyForReview, Writer),
            (SectionStatus.InProgress, SectionStatus.ReadyForReview, Coordinator),
            (SectionStatus.ReadyForReview, SectionStatus.InProgress, Writer),
            (SectionStatus.ReadyForReview, SectionStatus.InProgress, Coordinator),
            (SectionStatus.ReadyForReview, SectionStatus.Done, Coordinator),
            (SectionStatus.Done, SectionStatus.InProgress, Coordinator),
        };
        var data = new TheoryData<SectionStatus, SectionStatus, SectionRole, bool>();
        foreach (var from in Enum.GetValues<SectionStatus>())
        {
            foreach (var to in Enum.GetValues<SectionStatus>())
            {
                foreach (var role in Enum.GetValues<SectionRole>())
                {
                    data.Add(from, to, role, allowed.Contains((from, to, role)));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_between_every_two_statuses_in_every_role_is_legal_exactly_where_the_table_says(
        SectionStatus from, SectionStatus to, SectionRole role, bool allowed)
    {
        var section = SectionAt(from);
        Assert.Equal(from, section.Status);

        if (allowed)
        {
            Assert.Contains(section.MovesFor(role), m => m.To == to);
            section.MoveTo(to, role);
            Assert.Equal(to, section.Status);
        }
        else
        {
            Assert.DoesNotContain(section.MovesFor(role), m => m.To == to);
            var error = Assert.Throws<DomainException>(() => section.MoveTo(to, role));
            Assert.Equal("Sections.StatusNotAllowed", error.Message);
            Assert.Equal(from, section.Status);
        }
    }

    [Fact]
    public void The_table_lists_what_each_role_may_do_from_each_status()
    {
        static IEnumerable<(SectionAction, SectionStatus)> Moves(SectionStatus from, SectionRole role) =>
            SectionWorkflow.AvailableFrom(from, role).Select(m => (m.Action, m.To));

        Assert.Equal([(SectionAction.MarkReady, SectionStatus.ReadyForReview)], Moves(SectionStatus.NotStarted, SectionRole.Writer));
        Assert.Equal([(SectionAction.MarkReady, SectionStatus.ReadyForReview)], Moves(SectionStatus.InProgress, SectionRole.Writer));
        Assert.Equal([(SectionAction.BackToWork, SectionStatus.InProgress)], Moves(SectionStatus.ReadyForReview, SectionRole.Writer));
        Assert.Empty(Moves(SectionStatus.Done, SectionRole.Writer));

        Assert.Equal([(SectionAction.MarkReady, SectionStatus.ReadyForReview)], Moves(SectionStatus.NotStarted, SectionRole.Coordinator));
        Assert.Equal([(SectionAction.MarkReady, SectionStatus.ReadyForReview)], Moves(SectionStatus.InProgress, SectionRole.Coordinator));
        Assert.Equal([(SectionAction.BackToWork, SectionStatus.InProgress), (SectionAction.MarkDone, SectionStatus.Done)],
            Moves(SectionStatus.ReadyForReview, SectionRole.Coordinator));
        Assert.Equal([(SectionAction.Reopen, SectionStatus.InProgress)], Moves(SectionStatus.Done, SectionRole.Coordinator));
    }

    [Fact]
    public void Each_move_appears_once_and_each_action_has_a_row()
    {
        Assert.Equal(SectionWorkflow.Table.Count, SectionWorkflow.Table.Select(m => (m.From, m.To)).Distinct().Count());
        Assert.Equal(Enum.GetValues<SectionAction>(), SectionWorkflow.Table.Select(m => m.Action).Distinct().Order());
        Assert.All(SectionWorkflow.Table, m => Assert.NotEqual(m.From, m.To));
    }

    [Fact]
    public void The_coordinator_may_make_every_move_a_writer_may()
    {
        foreach (var status in Enum.GetValues<SectionStatus>())
        {
            Assert.Subset(SectionWorkflow.AvailableFrom(status, SectionRole.Coordinator).ToHashSet(),
                SectionWorkflow.AvailableFrom(status, SectionRole.Writer).ToHashSet());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12345)]
    public void A_status_that_does_not_exist_is_refused_with_its_own_message(int target)
    {
        var section = SectionAt(SectionStatus.InProgress);

        var error = Assert.Throws<DomainException>(() => section.MoveTo((SectionStatus)target, SectionRole.Coordinator));

        Assert.Equal("Validation.SectionStatusUnknown", error.Message);
        Assert.Equal(SectionStatus.InProgress, section.Status);
    }

    [Fact]
    public void A_role_that_does_not_exist_may_make_no_move()
    {
        var section = SectionAt(SectionStatus.InProgress);

        Assert.Empty(section.MovesFor((SectionRole)0));
        var error = Assert.Throws<DomainException>(() => section.MoveTo(SectionStatus.ReadyForReview, (SectionRole)0));

        Assert.Equal("Sections.StatusNotAllowed", error.Message);
        Assert.Equal(SectionStatus.InProgress, section.Status);
    }

    [Fact]
    public void The_assignment_pages_free_setting_stays_outside_the_table()
    {
        var section = SectionAt(SectionStatus.Done);

        section.SetStatus(SectionStatus.NotStarted);
        Assert.Equal(SectionStatus.NotStarted, section.Status);
        section.SetStatus(SectionStatus.Done);
        Assert.Equal(SectionStatus.Done, section.Status);

        Assert.Equal("Validation.SectionStatusUnknown", Assert.Throws<DomainException>(() => section.SetStatus((SectionStatus)9)).Message);
    }
}
