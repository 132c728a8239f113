using Valfard.Domain.Common;
using Valfard.Domain.Negotiations;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Tests.Negotiations;

public sealed class NegotiationTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();

    private static readonly Organisation County = new(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "Testialue", "Testområdet", "98",
        OrganisationLanguages.Bilingual, "testialue");

    private static readonly Organisation OtherCounty = new(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "Muualue", "", "97",
        OrganisationLanguages.Finnish, "muualue");

    private static Organisation Member(Organisation county)
    {
        var municipality = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Testikunta", "Testkommun", "990",
            OrganisationLanguages.Bilingual, "testikunta");
        municipality.AssignToCounty(county);
        return municipality;
    }

    private static readonly Organisation Municipality = Member(County);

    private static Negotiation Scheduled(int year = 2026, Organisation? municipality = null) =>
        Negotiation.Schedule(Guid.NewGuid(), County, municipality ?? Municipality, year, new DateOnly(year, 10, 20), "Kunnantalo", false, User, Now);

    private static Negotiation Held(int year = 2026, Organisation? municipality = null)
    {
        var negotiation = Scheduled(year, municipality);
        negotiation.AddAgendaItem(NegotiationSide.County, "Strategia", "", null);
        negotiation.MarkHeld(Now);
        return negotiation;
    }

    private static Negotiation Approved(int year = 2025, Organisation? municipality = null)
    {
        var negotiation = Held(year, municipality);
        negotiation.AddParticipant("Alue Ihminen", NegotiationSide.County, "Koordinaattori");
        negotiation.AddParticipant("Kunta Ihminen", NegotiationSide.Municipality, "Koordinaattori");
        negotiation.AddAgreement(AgreementKind.SharedGoal, "Yhteinen tavoite", "Gemensamt mål", "Molemmat", new DateOnly(year + 1, 12, 31));
        negotiation.Approve(User, Now);
        return negotiation;
    }

    [Fact]
    public void The_county_schedules_only_with_its_own_member_municipality()
    {
        var scheduled = Scheduled();
        Assert.Equal(NegotiationStatus.Scheduled, scheduled.Status);
        Assert.Equal(County.Id, scheduled.OrganisationId);
        Assert.Equal(Municipality.Id, scheduled.MunicipalityId);

        var outsider = Member(OtherCounty);
        var notMember = Assert.Throws<DomainException>(() =>
            Negotiation.Schedule(Guid.NewGuid(), County, outsider, 2026, new DateOnly(2026, 10, 1), "Paikka", false, User, Now));
        Assert.Equal("Negotiation.Validation.NotMember", notMember.Message);
        Assert.Equal("Negotiation.Validation.NotCounty", Assert.Throws<DomainException>(() =>
            Negotiation.Schedule(Guid.NewGuid(), Municipality, Municipality, 2026, new DateOnly(2026, 10, 1), "Paikka", false, User, Now)).Message);
        var noCounty = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Yksin", "", "989", OrganisationLanguages.Finnish, "yksin");
        Assert.Equal("Negotiation.Validation.NotMember", Assert.Throws<DomainException>(() =>
            Negotiation.Schedule(Guid.NewGuid(), County, noCounty, 2026, new DateOnly(2026, 10, 1), "Paikka", false, User, Now)).Message);
    }

    [Theory]
    [InlineData(2025, 12, 31, false)]
    [InlineData(2026, 1, 1, true)]
    [InlineData(2027, 12, 31, true)]
    [InlineData(2028, 1, 1, false)]
    public void The_date_is_in_the_year_or_the_next(int year, int month, int day, bool allowed)
    {
        var act = () => Negotiation.Schedule(Guid.NewGuid(), County, Municipality, 2026, new DateOnly(year, month, day), "Paikka", false, User, Now);
        if (allowed)
        {
            Assert.Equal(new DateOnly(year, month, day), act().MeetingDate);
        }
        else
        {
            Assert.Equal("MeetingDate", Assert.Throws<DomainException>(act).Field);
        }
    }

    [Fact]
    public void A_place_is_needed_unless_the_meeting_is_online()
    {
        Assert.Equal("Negotiation.Validation.PlaceRequired", Assert.Throws<DomainException>(() =>
            Negotiation.Schedule(Guid.NewGuid(), County, Municipality, 2026, new DateOnly(2026, 10, 1), " ", false, User, Now)).Message);
        Assert.True(Negotiation.Schedule(Guid.NewGuid(), County, Municipality, 2026, new DateOnly(2026, 10, 1), "", true, User, Now).IsOnline);
    }

    [Fact]
    public void Each_side_changes_and_orders_only_its_own_agenda_items()
    {
        var negotiation = Scheduled();
        var c1 = negotiation.AddAgendaItem(NegotiationSide.County, "Alue 1", "", null);
        var m1 = negotiation.AddAgendaItem(NegotiationSide.Municipality, "Kunta 1", "", "/plan");
        var c2 = negotiation.AddAgendaItem(NegotiationSide.County, "Alue 2", "", "https://example.fi/x");

        Assert.Equal("Negotiation.Validation.OtherSidesItem",
            Assert.Throws<DomainException>(() => negotiation.EditAgendaItem(c1.Id, NegotiationSide.Municipality, "Muutettu", "", null)).Message);
        Assert.Throws<DomainException>(() => negotiation.RemoveAgendaItem(m1.Id, NegotiationSide.County));
        Assert.Throws<DomainException>(() => negotiation.MoveAgendaItem(m1.Id, NegotiationSide.County, -1));

        // The county's second item moves above its first, past the municipality's item in between, which stays put.
        negotiation.MoveAgendaItem(c2.Id, NegotiationSide.County, -1);
        Assert.Equal(["Alue 2", "Kunta 1", "Alue 1"], negotiation.OrderedAgenda.Select(i => i.Title));
        negotiation.MoveAgendaItem(c2.Id, NegotiationSide.County, -1);
        Assert.Equal(["Alue 2", "Kunta 1", "Alue 1"], negotiation.OrderedAgenda.Select(i => i.Title));

        negotiation.EditAgendaItem(m1.Id, NegotiationSide.Municipality, "Kunta 1b", "Tarkemmin", null);
        negotiation.RemoveAgendaItem(c1.Id, NegotiationSide.County);
        Assert.Equal(["Alue 2", "Kunta 1b"], negotiation.OrderedAgenda.Select(i => i.Title));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("ftp://example.fi/a")]
    public void An_agenda_link_is_a_local_page_or_a_web_address(string link)
    {
        var negotiation = Scheduled();
        Assert.Equal("Link", Assert.Throws<DomainException>(() => negotiation.AddAgendaItem(NegotiationSide.County, "Asia", "", link)).Field);
    }

    [Fact]
    public void The_record_is_written_only_once_held_and_freezes_when_approved()
    {
        var negotiation = Scheduled();
        Assert.Equal("Negotiation.Validation.NotHeld", Assert.Throws<DomainException>(() => negotiation.AddParticipant("N", NegotiationSide.County, "")).Message);
        Assert.Equal("Negotiation.Validation.AgendaEmpty", Assert.Throws<DomainException>(() => negotiation.MarkHeld(Now)).Message);
        Assert.Equal("Negotiation.Validation.NotHeld", Assert.Throws<DomainException>(() => negotiation.Approve(User, Now)).Message);

        negotiation.AddAgendaItem(NegotiationSide.Municipality, "Asia", "", null);
        negotiation.MarkHeld(Now);
        Assert.Equal(NegotiationStatus.Held, negotiation.Status);
        Assert.Throws<DomainException>(() => negotiation.Reschedule(new DateOnly(2026, 11, 1), "Muu", false));

        negotiation.AddParticipant("Alue Ihminen", NegotiationSide.County, "");
        Assert.Equal("Negotiation.Validation.ParticipantsMissing", Assert.Throws<DomainException>(() => negotiation.Approve(User, Now)).Message);
        negotiation.AddParticipant("Kunta Ihminen", NegotiationSide.Municipality, "");
        Assert.Equal("Negotiation.Validation.AgreementsMissing", Assert.Throws<DomainException>(() => negotiation.Approve(User, Now)).Message);
        negotiation.AddAgreement(AgreementKind.Support, "Koulutus", "", "Alue", null);
        negotiation.Approve(User, Now);

        Assert.Equal(NegotiationStatus.Approved, negotiation.Status);
        Assert.Equal(User, negotiation.ApprovedById);
        Assert.Equal("Negotiation.Validation.Approved", Assert.Throws<DomainException>(() => negotiation.AddAgreement(AgreementKind.Task, "X", "", "", null)).Message);
        Assert.Throws<DomainException>(() => negotiation.AddAgendaItem(NegotiationSide.County, "Myöhässä", "", null));
        Assert.Throws<DomainException>(() => negotiation.WriteSummary("Muutos"));
    }

    [Fact]
    public void Only_an_approved_earlier_negotiation_of_the_same_pair_is_followed_up_and_not_done_needs_a_reason()
    {
        var earlier = Approved(2025);
        var agreement = earlier.Agreements.Single();
        var current = Held(2026);

        Assert.Equal("Negotiation.Validation.NoteRequired",
            Assert.Throws<DomainException>(() => current.FollowUp(earlier, agreement.Id, AgreementProgress.NotDone, " ")).Message);
        current.FollowUp(earlier, agreement.Id, AgreementProgress.InProgress, "Kokeilussa");
        current.FollowUp(earlier, agreement.Id, AgreementProgress.Done, "");
        var followUp = Assert.Single(current.FollowUps);
        Assert.Equal(AgreementProgress.Done, followUp.Progress);

        Assert.Throws<DomainException>(() => current.FollowUp(earlier, Guid.NewGuid(), AgreementProgress.Done, ""));
        Assert.Throws<DomainException>(() => current.FollowUp(Held(2025), agreement.Id, AgreementProgress.Done, ""));
        Assert.Throws<DomainException>(() => current.FollowUp(Approved(2026), agreement.Id, AgreementProgress.Done, ""));
        var otherMember = Approved(2025, Member(County));
        Assert.Throws<DomainException>(() => current.FollowUp(otherMember, otherMember.Agreements.Single().Id, AgreementProgress.Done, ""));
    }

    [Fact]
    public void A_shared_goal_goes_into_each_plan_once_and_only_after_approval()
    {
        var held = Held();
        var goal = held.AddAgreement(AgreementKind.SharedGoal, "Tavoite", "Mål", "", null);
        var support = held.AddAgreement(AgreementKind.Support, "Tuki", "", "", null);
        Assert.Equal("Negotiation.Validation.NotApproved",
            Assert.Throws<DomainException>(() => held.LinkGoal(goal.Id, NegotiationSide.Municipality, Guid.NewGuid(), "YT1")).Message);
        held.AddParticipant("A", NegotiationSide.County, "");
        held.AddParticipant("B", NegotiationSide.Municipality, "");
        held.Approve(User, Now);

        held.LinkGoal(goal.Id, NegotiationSide.Municipality, Guid.NewGuid(), "YT1");
        held.LinkGoal(goal.Id, NegotiationSide.County, Guid.NewGuid(), "YT3");
        Assert.Equal(("YT1", "YT3"), (goal.MunicipalityGoalCode, goal.CountyGoalCode));
        Assert.Equal("Negotiation.Validation.AlreadyInPlan",
            Assert.Throws<DomainException>(() => held.LinkGoal(goal.Id, NegotiationSide.County, Guid.NewGuid(), "YT4")).Message);
        Assert.Equal("Negotiation.Validation.NotSharedGoal",
            Assert.Throws<DomainException>(() => held.LinkGoal(support.Id, NegotiationSide.County, Guid.NewGuid(), "YT5")).Message);
    }

    [Fact]
    public void An_approved_record_is_final_it_cannot_be_rescheduled_back_or_edited()
    {
        var negotiation = Approved();
        Assert.Equal("Negotiation.Validation.Approved",
            Assert.Throws<DomainException>(() => negotiation.Reschedule(new DateOnly(2025, 11, 3), "Kunnantalo", false)).Message);
        Assert.Equal("Negotiation.Validation.Approved", Assert.Throws<DomainException>(() => negotiation.AddAgendaItem(NegotiationSide.Municipality, "Uusi", "", null)).Message);
        Assert.Equal("Negotiation.Validation.Approved", Assert.Throws<DomainException>(() => negotiation.WriteSummary("Muutettu")).Message);
        Assert.Equal("Negotiation.Validation.Approved",
            Assert.Throws<DomainException>(() => negotiation.AddAgreement(AgreementKind.Task, "Uusi", "", null, null)).Message);
        Assert.Equal("Negotiation.Validation.NotScheduled", Assert.Throws<DomainException>(() => negotiation.MarkHeld(Now)).Message);
        Assert.Equal(NegotiationStatus.Approved, negotiation.Status);
    }
}
