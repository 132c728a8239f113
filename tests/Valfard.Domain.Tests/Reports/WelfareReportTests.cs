using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Reports;

public sealed class WelfareReportTests
{
    private static readonly CouncilTerm Term = new(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static Organisation Municipality(OrganisationLanguages languages = OrganisationLanguages.Bilingual) =>
        new(Guid.NewGuid(), OrganisationKind.Municipality, "Demokunta", "Demokommun", "995", languages, "demo");

    private static ReportTemplate Template(Guid organisationId)
    {
        var template = new ReportTemplate(Guid.NewGuid(), organisationId);
        ThlTemplate.ApplyTo(template);
        return template;
    }

    private static WelfareReport Report(Organisation? organisation = null)
    {
        organisation ??= Municipality();
        return WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, Term, null, "Kertomus", "Berättelse",
            Template(organisation.Id), Guid.NewGuid(), Now);
    }

    [Fact]
    public void A_report_follows_thls_structure_with_numbered_life_stage_subsections()
    {
        var report = Report();
        var numbers = report.SectionNumbers();

        var titles = report.SectionsInReadingOrder().Select(s => $"{numbers[s.Id]} {s.TitleFi}").ToList();

        Assert.Equal("1 Tiivistelmä", titles[0]);
        Assert.Equal("3.1 Lapset ja lapsiperheet", titles[3]);
        Assert.Equal("3.4 Ikääntyneet", titles[6]);
        Assert.Equal("6 Liitteet", titles[^1]);
        Assert.Equal(13, titles.Count);
        Assert.All(report.Sections, s => Assert.NotEmpty(s.GuidanceFi));
        Assert.All(report.Sections, s => Assert.NotEmpty(s.GuidanceSv));
    }

    [Fact]
    public void A_bilingual_organisation_writes_every_section_in_finnish_and_swedish_and_a_finnish_one_in_finnish()
    {
        Assert.All(Report().Sections, s => Assert.Equal(["fi", "sv"], s.Texts.Select(t => t.Language).Order()));
        Assert.All(Report(Municipality(OrganisationLanguages.Finnish)).Sections, s => Assert.Equal(["fi"], s.Texts.Select(t => t.Language)));
    }

    [Fact]
    public void An_annual_report_needs_a_year_in_its_term_and_only_counties_write_regional_reports()
    {
        var municipality = Municipality();
        var county = new Organisation(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "Alue", "Område", "99", OrganisationLanguages.Finnish, "alue");

        Assert.Throws<DomainException>(() => WelfareReport.Create(Guid.NewGuid(), municipality, ReportKind.Annual, Term, 2030, "x", "", Template(municipality.Id), Guid.NewGuid(), Now));
        Assert.Throws<DomainException>(() => WelfareReport.Create(Guid.NewGuid(), municipality, ReportKind.Regional, Term, null, "x", "", Template(municipality.Id), Guid.NewGuid(), Now));
        Assert.Throws<DomainException>(() => WelfareReport.Create(Guid.NewGuid(), county, ReportKind.Comprehensive, Term, null, "x", "", Template(county.Id), Guid.NewGuid(), Now));
        Assert.Equal(2026, WelfareReport.Create(Guid.NewGuid(), municipality, ReportKind.Annual, Term, 2026, "x", "", Template(municipality.Id), Guid.NewGuid(), Now).Year);
    }

    [Fact]
    public void A_write_based_on_an_old_version_is_refused_and_names_the_current_version()
    {
        var section = Report().Sections.First();
        var text = section.TextIn("fi")!;
        var start = text.Version;
        text.Write("<p>Ensimmäinen</p>", start, Guid.NewGuid(), Now, section);
        text.RenewVersion();

        var error = Assert.Throws<StaleEditException>(() => text.Write("<p>Toinen</p>", start, Guid.NewGuid(), Now, section));

        Assert.Equal(text.Version, error.CurrentVersion);
        Assert.Equal("<p>Ensimmäinen</p>", text.Html);
    }

    [Fact]
    public void Writing_starts_a_section_and_a_past_due_date_makes_it_overdue_until_done()
    {
        var section = Report().Sections.First();
        section.Assign(null, [], new DateOnly(2026, 11, 1));
        var text = section.TextIn("fi")!;

        text.Write("<p>Teksti</p>", text.Version, Guid.NewGuid(), Now, section);

        Assert.Equal(SectionStatus.InProgress, section.Status);
        Assert.True(section.IsOverdue(new DateOnly(2026, 11, 22)));
        section.SetStatus(SectionStatus.Done);
        Assert.False(section.IsOverdue(new DateOnly(2026, 11, 22)));
    }

    /// <summary>Issue 17 §2: a translation saved after its source is in step; only a later change of the source flags it.</summary>
    [Fact]
    public void A_translation_saved_after_its_source_is_in_step_until_the_source_changes_again()
    {
        var section = Report().Sections.First();
        var fi = section.TextIn("fi")!;
        var sv = section.TextIn("sv")!;
        var writer = Guid.NewGuid();

        fi.Write("<p>fi</p>", fi.Version, writer, Now, section);
        Assert.True(sv.IsBehind(fi));
        Assert.False(fi.IsBehind(sv));

        sv.Write("<p>sv</p>", sv.Version, writer, Now.AddHours(1), section);
        Assert.False(fi.IsBehind(sv));
        Assert.False(sv.IsBehind(fi));

        fi.Write("<p>fi, uusi kappale</p>", fi.Version, writer, Now.AddHours(2), section);
        Assert.True(sv.IsBehind(fi));
        Assert.False(fi.IsBehind(sv));

        sv.Write("<p>sv, nytt stycke</p>", sv.Version, writer, Now.AddHours(3), section);
        Assert.False(sv.IsBehind(fi));
        Assert.False(fi.IsBehind(sv));

        // Now Swedish changes on its own: Finnish has to follow.
        sv.Write("<p>sv, ännu ett stycke</p>", sv.Version, writer, Now.AddHours(4), section);
        Assert.True(fi.IsBehind(sv));
        Assert.False(sv.IsBehind(fi));
    }

    [Fact]
    public void A_revision_is_extended_by_its_author_within_the_window_only()
    {
        var author = Guid.NewGuid();
        var revision = new SectionRevision(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "fi", 1, "<p>a</p>", author, Now);

        Assert.True(revision.CanBeExtendedBy(author, Now.AddMinutes(9)));
        Assert.False(revision.CanBeExtendedBy(Guid.NewGuid(), Now.AddMinutes(1)));
        Assert.False(revision.CanBeExtendedBy(author, Now.AddMinutes(11)));
    }

    [Fact]
    public void Template_sections_can_be_added_moved_and_removed_with_their_children()
    {
        var template = Template(Guid.NewGuid());
        var first = template.InReadingOrder()[0];
        var population = template.InReadingOrder().First(s => s.TitleFi.StartsWith("Väestön", StringComparison.Ordinal));

        template.Move(first.Id, 1);
        template.AddSection(population.Id, "Maahanmuuttajat", "Invandrare", "", "");
        template.RemoveSection(template.InReadingOrder().First(s => s.TitleFi == "Liitteet").Id);

        var titles = template.InReadingOrder().Select(s => s.TitleFi).ToList();
        Assert.Equal("Tausta, tarkoitus ja tavoitteet", titles[0]);
        Assert.Equal("Tiivistelmä", titles[1]);
        Assert.Contains("Maahanmuuttajat", titles);
        Assert.DoesNotContain("Liitteet", titles);
        Assert.Throws<DomainException>(() => template.AddSection(template.InReadingOrder().First(s => s.ParentId is not null).Id, "x", "", "", ""));
    }

    [Fact]
    public void A_text_copied_from_an_approved_version_says_where_it_came_from_and_a_draft_is_never_a_source()
    {
        var report = Report();
        var text = report.Sections.First().TextIn("fi")!;
        var source = Guid.NewGuid();

        Assert.Equal("Reports.SourceNotApproved", Assert.Throws<DomainException>(() => text.StartFromApproved("<p>Luonnos</p>", source, 0)).Message);
        Assert.Equal(string.Empty, text.Html);

        text.StartFromApproved("<p>Hyväksytty teksti.</p>", source, 2);

        Assert.Equal("<p>Hyväksytty teksti.</p>", text.Html);
        Assert.Equal(source, text.CopiedFromReportId);
        Assert.Equal(2, text.CopiedFromVersion);
    }

    [Fact]
    public void Only_a_text_section_holds_the_years_impact_assessments()
    {
        var report = Report();
        var text = report.Sections.First(s => s.Purpose == SectionPurpose.Text);
        var plan = report.Sections.First(s => s.Purpose == SectionPurpose.WelfarePlan);

        text.ShowAssessments(true);
        Assert.True(text.ListsAssessments);
        text.ShowAssessments(false);
        Assert.False(text.ListsAssessments);
        Assert.Equal("Sections.AssessmentsOnlyInText", Assert.Throws<DomainException>(() => plan.ShowAssessments(true)).Message);
    }

    [Fact]
    public void Only_a_regional_reports_text_section_summarises_the_members_goals()
    {
        var report = Report();
        var text = report.Sections.First(s => s.Purpose == SectionPurpose.Text);
        var plan = report.Sections.First(s => s.Purpose == SectionPurpose.WelfarePlan);

        Assert.Equal("Sections.MembersGoalsOnlyInRegional",
            Assert.Throws<DomainException>(() => text.SummariseMembersGoals(true, ReportKind.Comprehensive)).Message);
        Assert.False(text.SummarisesMembersGoals);
        text.SummariseMembersGoals(true, ReportKind.Regional);
        Assert.True(text.SummarisesMembersGoals);
        text.SummariseMembersGoals(false, ReportKind.Regional);
        Assert.False(text.SummarisesMembersGoals);
        Assert.Equal("Sections.MembersGoalsOnlyInText", Assert.Throws<DomainException>(() => plan.SummariseMembersGoals(true, ReportKind.Regional)).Message);
    }

    [Fact]
    public void A_county_starts_from_thls_structure_for_the_regional_report_and_a_municipality_from_the_municipal_one()
    {
        var county = new ReportTemplate(Guid.NewGuid(), Guid.NewGuid());
        ThlTemplate.ApplyFor(Valfard.Domain.Organisations.OrganisationKind.WellbeingServicesCounty, county);
        var municipality = new ReportTemplate(Guid.NewGuid(), Guid.NewGuid());
        ThlTemplate.ApplyFor(Valfard.Domain.Organisations.OrganisationKind.Municipality, municipality);

        var regionalTitles = county.Sections.Where(s => s.ParentId is null).OrderBy(s => s.Position).Select(s => s.TitleFi).ToList();
        Assert.Equal(["Tiivistelmä", "Hyvinvointialueen hyvinvointipolitiikka", "Väestön hyvinvointi ja terveys", "Palvelut ja niiden käyttö",
            "Hyvinvointi- ja terveyserot", "Vahvuudet ja kehittämiskohteet", "Tavoitteet ja toimenpiteet", "Arviointi", "Liitteet"], regionalTitles);
        Assert.Contains(county.Sections, s => s.TitleFi == "Yhteistyö jäsenkuntien kanssa" && s.TitleSv == "Samarbetet med medlemskommunerna" && s.ParentId is not null);
        Assert.Equal(5, county.Sections.Count(s => s.ParentId == county.Sections.Single(p => p.TitleFi == "Väestön hyvinvointi ja terveys").Id));
        // The county has no municipal welfare plan to show: no section is the plan's.
        Assert.DoesNotContain(county.Sections, s => s.Purpose == SectionPurpose.WelfarePlan);
        Assert.Contains(county.Sections, s => s.Purpose == SectionPurpose.JoysAndConcerns);
        Assert.All(county.Sections, s => Assert.False(string.IsNullOrEmpty(s.TitleSv)));

        Assert.Contains(municipality.Sections, s => s.Purpose == SectionPurpose.WelfarePlan);
        Assert.DoesNotContain(municipality.Sections, s => s.TitleFi == "Yhteistyö jäsenkuntien kanssa");
    }
}
