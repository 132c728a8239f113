using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Reports;

public sealed class ReportWorkflowTests
{
    private static readonly CouncilTerm Term = new(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Secretary = Guid.NewGuid();

    private static CouncilDecision Decision() =>
        CouncilDecision.Create("Kunnanvaltuusto", new DateOnly(2026, 11, 16), "§ 45", "https://demo.example/minutes", null, Today);

    private static BoardDecision Board() =>
        BoardDecision.Create("Kunnanhallitus", new DateOnly(2026, 11, 2), "§ 201", "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen.",
            null, null, Today);

    private static WelfareReport NewReport()
    {
        var organisation = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Demokunta", "Demokommun", "995",
            OrganisationLanguages.Bilingual, "demo");
        var template = new ReportTemplate(Guid.NewGuid(), organisation.Id);
        ThlTemplate.ApplyTo(template);
        return WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, Term, null, "Kertomus", "Berättelse",
            template, Guid.NewGuid(), Now);
    }

    /// <summary>A report walked to the given status through legal moves only; the approved version comes with it.</summary>
    private static (WelfareReport Report, ReportVersion? Version) ReportAt(ReportStatus status)
    {
        var report = NewReport();
        ReportVersion? version = null;
        if (status == ReportStatus.Draft)
        {
            return (report, null);
        }
        report.Move(WorkflowAction.SubmitForReview, null, Now);
        if (status == ReportStatus.InReview)
        {
            return (report, null);
        }
        report.Move(WorkflowAction.SendToBoard, null, Now);
        if (status == ReportStatus.SentToBoard)
        {
            return (report, null);
        }
        report.RecordBoardDecision(Board());
        if (status == ReportStatus.BoardDecided)
        {
            return (report, null);
        }
        report.Move(WorkflowAction.SendToCouncil, null, Now);
        if (status == ReportStatus.SentToCouncil)
        {
            return (report, null);
        }
        version = report.Approve(Decision(), "{\"fi\":{}}", Secretary, Now);
        if (status == ReportStatus.Approved)
        {
            return (report, version);
        }
        report.Publish(version, Secretary, Now);
        return (report, version);
    }

    public static TheoryData<ReportStatus, WorkflowAction, ReportStatus?> EveryMove()
    {
        var expected = new Dictionary<(ReportStatus, WorkflowAction), ReportStatus>
        {
            [(ReportStatus.Draft, WorkflowAction.SubmitForReview)] = ReportStatus.InReview,
            [(ReportStatus.InReview, WorkflowAction.SendToBoard)] = ReportStatus.SentToBoard,
            [(ReportStatus.InReview, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
            [(ReportStatus.SentToBoard, WorkflowAction.RecordBoardDecision)] = ReportStatus.BoardDecided,
            [(ReportStatus.SentToBoard, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
            [(ReportStatus.BoardDecided, WorkflowAction.SendToCouncil)] = ReportStatus.SentToCouncil,
            [(ReportStatus.BoardDecided, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
            [(ReportStatus.SentToCouncil, WorkflowAction.Approve)] = ReportStatus.Approved,
            [(ReportStatus.SentToCouncil, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
            [(ReportStatus.Approved, WorkflowAction.Publish)] = ReportStatus.Published,
            [(ReportStatus.Approved, WorkflowAction.ReturnToDraft)] = ReportStatus.Draft,
            [(ReportStatus.Published, WorkflowAction.StartNewVersion)] = ReportStatus.Draft,
        };
        var data = new TheoryData<ReportStatus, WorkflowAction, ReportStatus?>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                data.Add(status, action, expected.TryGetValue((status, action), out var to) ? to : null);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_from_every_status_is_legal_exactly_where_the_workflow_says(ReportStatus from, WorkflowAction action, ReportStatus? to)
    {
        var (report, version) = ReportAt(from);
        var before = report.VersionNumber;

        void Act()
        {
            switch (action)
            {
                case WorkflowAction.Approve:
                    report.Approve(Decision(), "{\"fi\":{}}", Secretary, Now);
                    break;
                case WorkflowAction.Publish:
                    report.Publish(version ?? ReportAt(ReportStatus.Approved).Version!, Secretary, Now);
                    break;
                case WorkflowAction.RecordBoardDecision:
                    report.RecordBoardDecision(Board());
                    break;
                default:
                    report.Move(action, "Luku 3.2 puuttuu.", Now);
                    break;
            }
        }

        if (to is { } target)
        {
            Act();
            Assert.Equal(target, report.Status);
            var nextVersion = action == WorkflowAction.StartNewVersion || (from == ReportStatus.Approved && action == WorkflowAction.ReturnToDraft);
            Assert.Equal(nextVersion ? before + 1 : before, report.VersionNumber);
        }
        else
        {
            var error = Assert.Throws<DomainException>(Act);
            Assert.Equal(from, report.Status);
            Assert.StartsWith("Workflow.Illegal.", error.Message);
        }
    }

    [Fact]
    public void The_table_names_each_legal_move_once()
    {
        Assert.Equal([WorkflowAction.SubmitForReview], ReportWorkflow.AllowedFrom(ReportStatus.Draft));
        Assert.Equal([WorkflowAction.ReturnToDraft, WorkflowAction.SendToBoard], ReportWorkflow.AllowedFrom(ReportStatus.InReview));
        Assert.Equal([WorkflowAction.ReturnToDraft, WorkflowAction.RecordBoardDecision], ReportWorkflow.AllowedFrom(ReportStatus.SentToBoard));
        Assert.Equal([WorkflowAction.SendToCouncil, WorkflowAction.ReturnToDraft], ReportWorkflow.AllowedFrom(ReportStatus.BoardDecided));
        Assert.Equal([WorkflowAction.Approve, WorkflowAction.ReturnToDraft], ReportWorkflow.AllowedFrom(ReportStatus.SentToCouncil));
        Assert.Equal([WorkflowAction.Publish, WorkflowAction.ReturnToDraft], ReportWorkflow.AllowedFrom(ReportStatus.Approved));
        Assert.Equal([WorkflowAction.StartNewVersion], ReportWorkflow.AllowedFrom(ReportStatus.Published));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Returning_to_draft_needs_a_reason(string? reason)
    {
        var (report, _) = ReportAt(ReportStatus.SentToCouncil);

        var error = Assert.Throws<DomainException>(() => report.Move(WorkflowAction.ReturnToDraft, reason, Now));

        Assert.Equal("Validation.ReturnReasonRequired", error.Message);
        Assert.Equal(ReportStatus.SentToCouncil, report.Status);
    }

    [Fact]
    public void The_reason_for_returning_is_kept_until_the_report_moves_on()
    {
        var (report, _) = ReportAt(ReportStatus.InReview);

        report.Move(WorkflowAction.ReturnToDraft, "  Nuorten luku kesken.  ", Now);
        Assert.Equal("Nuorten luku kesken.", report.ReturnReason);
        report.Move(WorkflowAction.SubmitForReview, null, Now);

        Assert.Null(report.ReturnReason);
    }

    [Fact]
    public void Approval_freezes_the_snapshot_with_its_hash_under_the_working_version_number()
    {
        var (report, _) = ReportAt(ReportStatus.SentToCouncil);
        const string Snapshot = "{\"fi\":{\"title\":\"Kertomus\"}}";

        var version = report.Approve(Decision(), Snapshot, Secretary, Now);

        Assert.Equal(1, version.Number);
        Assert.Equal(Snapshot, version.SnapshotJson);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Snapshot))), version.SnapshotSha256);
        Assert.Equal("45", version.Decision.Paragraph);
        Assert.False(version.IsPublished);
    }

    [Fact]
    public void After_publishing_the_next_version_gets_the_next_number_and_the_published_one_stays_published()
    {
        var (report, first) = ReportAt(ReportStatus.Published);

        report.Move(WorkflowAction.StartNewVersion, null, Now);
        Assert.Null(report.BoardDecision);
        report.Move(WorkflowAction.SubmitForReview, null, Now);
        report.Move(WorkflowAction.SendToBoard, null, Now);
        report.RecordBoardDecision(Board());
        report.Move(WorkflowAction.SendToCouncil, null, Now);
        var second = report.Approve(Decision(), "{\"fi\":{}}", Secretary, Now);

        Assert.Equal(2, second.Number);
        Assert.True(first!.IsPublished);
        Assert.Throws<DomainException>(() => report.Publish(first, Secretary, Now));
    }

    [Fact]
    public void Back_to_draft_from_approved_keeps_the_councils_version_unpublished_and_writes_the_next_one()
    {
        var (report, approved) = ReportAt(ReportStatus.Approved);

        report.Move(WorkflowAction.ReturnToDraft, "Luku 3.5 hyväksyttiin tyhjänä.", Now);

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(1, approved!.Number);
        Assert.False(approved.IsPublished);
        Assert.Equal(2, report.VersionNumber);
        Assert.Null(report.BoardDecision);
        Assert.Equal("Luku 3.5 hyväksyttiin tyhjänä.", report.ReturnReason);
        // The council's version cannot be published past the new draft: it is no longer the version being worked on.
        Assert.Throws<DomainException>(() => report.Publish(approved, Secretary, Now));
        // The next version goes round again and gets its own number, so the two decisions never collide.
        report.Move(WorkflowAction.SubmitForReview, null, Now);
        report.Move(WorkflowAction.SendToBoard, null, Now);
        report.RecordBoardDecision(Board());
        report.Move(WorkflowAction.SendToCouncil, null, Now);
        var second = report.Approve(Decision(), "{\"fi\":{}}", Secretary, Now);
        Assert.Equal(2, second.Number);
        report.Publish(second, Secretary, Now);
        Assert.Equal(ReportStatus.Published, report.Status);
    }

    [Fact]
    public void A_version_of_another_report_cannot_be_published_in_its_place()
    {
        var (report, _) = ReportAt(ReportStatus.Approved);
        var (_, other) = ReportAt(ReportStatus.Approved);

        var error = Assert.Throws<DomainException>(() => report.Publish(other!, Secretary, Now));

        Assert.Equal("Workflow.VersionMismatch", error.Message);
        Assert.Equal(ReportStatus.Approved, report.Status);
    }

    [Theory]
    [InlineData("", "2026-11-16", "45", null, "Validation.DecisionBodyRequired")]
    [InlineData("Kunnanvaltuusto", null, "45", null, "Validation.DecisionDateRequired")]
    [InlineData("Kunnanvaltuusto", "2026-11-23", "45", null, "Validation.DecisionDateInFuture")]
    [InlineData("Kunnanvaltuusto", "2026-11-16", " § ", null, "Validation.DecisionParagraphRequired")]
    [InlineData("Kunnanvaltuusto", "2026-11-16", "45", "javascript:alert(1)", "Validation.DecisionMinutesUrl")]
    [InlineData("Kunnanvaltuusto", "2026-11-16", "45", "ftp://demo.example/minutes", "Validation.DecisionMinutesUrl")]
    public void A_decision_needs_a_body_a_past_date_a_paragraph_and_a_web_link_if_any(string body, string? date, string paragraph, string? url, string key)
    {
        var error = Assert.Throws<DomainException>(() => CouncilDecision.Create(body, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            paragraph, url, null, Today));

        Assert.Equal(key, error.Message);
    }

    [Fact]
    public void A_decision_is_tidied_the_section_sign_and_blank_optionals_are_dropped()
    {
        var decision = CouncilDecision.Create("  Kommunfullmäktige ", Today, "§ 112", "  ", " \r\n ", Today);

        Assert.Equal("Kommunfullmäktige", decision.Body);
        Assert.Equal("112", decision.Paragraph);
        Assert.Null(decision.MinutesUrl);
        Assert.Null(decision.Amendment);
    }

    [Fact]
    public void The_board_prepares_the_council_cannot_get_the_report_straight_from_review()
    {
        var (report, _) = ReportAt(ReportStatus.InReview);

        var error = Assert.Throws<DomainException>(() => report.Move(WorkflowAction.SendToCouncil, null, Now));

        Assert.Equal("Workflow.Illegal.SendToCouncil", error.Message);
        Assert.Equal(ReportStatus.InReview, report.Status);
    }

    [Fact]
    public void The_board_decision_is_recorded_dated_and_carried_into_the_approved_version()
    {
        var sentToBoard = Now.AddDays(-20);
        var (report, _) = ReportAt(ReportStatus.InReview);
        report.Move(WorkflowAction.SendToBoard, null, sentToBoard);
        Assert.Equal(sentToBoard, report.SentToBoardAt);

        report.RecordBoardDecision(Board());
        report.Move(WorkflowAction.SendToCouncil, null, Now);
        var version = report.Approve(Decision(), "{\"fi\":{}}", Secretary, Now);

        Assert.Equal(Now, report.SentToCouncilAt);
        Assert.Equal("201", version.BoardDecision!.Paragraph);
        Assert.Equal("Kunnanhallitus", version.BoardDecision.Body);
        Assert.Equal("Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy kertomuksen.", version.BoardDecision.Proposal);
        Assert.Equal("45", version.Decision.Paragraph);
    }

    [Fact]
    public void Returning_from_the_board_or_the_council_clears_the_board_decision_a_changed_text_needs_the_board_again()
    {
        var (atBoard, _) = ReportAt(ReportStatus.BoardDecided);
        var (atCouncil, _) = ReportAt(ReportStatus.SentToCouncil);

        atBoard.Move(WorkflowAction.ReturnToDraft, "Hallitus palautti valmisteluun.", Now);
        atCouncil.Move(WorkflowAction.ReturnToDraft, "Valtuusto palautti valmisteluun.", Now);

        foreach (var report in new[] { atBoard, atCouncil })
        {
            Assert.Equal(ReportStatus.Draft, report.Status);
            Assert.Null(report.BoardDecision);
            Assert.Null(report.SentToBoardAt);
            Assert.Null(report.SentToCouncilAt);
        }
    }

    [Fact]
    public void The_council_cannot_decide_before_the_board_that_prepared_it()
    {
        var (report, _) = ReportAt(ReportStatus.SentToCouncil);
        var early = CouncilDecision.Create("Kunnanvaltuusto", new DateOnly(2026, 11, 1), "45", null, null, Today);

        var error = Assert.Throws<DomainException>(() => report.Approve(early, "{\"fi\":{}}", Secretary, Now));

        Assert.Equal("Validation.CouncilBeforeBoard", error.Message);
        Assert.Equal("MeetingDate", error.Field);
        Assert.Equal(ReportStatus.SentToCouncil, report.Status);
    }

    [Fact]
    public void The_board_decision_is_not_a_plain_move()
    {
        var (report, _) = ReportAt(ReportStatus.SentToBoard);

        var error = Assert.Throws<DomainException>(() => report.Move(WorkflowAction.RecordBoardDecision, null, Now));

        Assert.Equal("Workflow.Illegal.RecordBoardDecision", error.Message);
        Assert.Equal(ReportStatus.SentToBoard, report.Status);
    }

    [Theory]
    [InlineData("", "2026-11-02", "201", "Esitys.", "Validation.DecisionBodyRequired", "Body")]
    [InlineData("Kunnanhallitus", null, "201", "Esitys.", "Validation.DecisionDateRequired", "MeetingDate")]
    [InlineData("Kunnanhallitus", "2026-11-23", "201", "Esitys.", "Validation.DecisionDateInFuture", "MeetingDate")]
    [InlineData("Kunnanhallitus", "2026-11-02", "§", "Esitys.", "Validation.DecisionParagraphRequired", "Paragraph")]
    [InlineData("Kunnanhallitus", "2026-11-02", "201", "  ", "Validation.BoardProposalRequired", "Proposal")]
    public void A_board_decision_needs_a_body_a_past_date_a_paragraph_and_a_proposal(string body, string? date, string paragraph, string proposal,
        string key, string field)
    {
        var error = Assert.Throws<DomainException>(() => BoardDecision.Create(body,
            date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraph, proposal, null, null, Today));

        Assert.Equal(key, error.Message);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_board_proposal_longer_than_the_limit_is_refused_and_a_blank_amendment_dropped()
    {
        var error = Assert.Throws<DomainException>(() => BoardDecision.Create("Aluehallitus", Today, "7", new string('x', BoardDecision.ProposalMaxLength + 1),
            null, null, Today));
        var tidy = BoardDecision.Create(" Områdesstyrelsen ", Today, "§ 7", " Styrelsen föreslår att fullmäktige godkänner berättelsen.\r\n", null, "  ", Today);

        Assert.Equal("Validation.BoardProposalTooLong", error.Message);
        Assert.Equal("Områdesstyrelsen", tidy.Body);
        Assert.Equal("7", tidy.Paragraph);
        Assert.Equal("Styrelsen föreslår att fullmäktige godkänner berättelsen.", tidy.Proposal);
        Assert.Null(tidy.Amendment);
    }
}
