using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Demokommun's 2025–2029 comprehensive report in progress: assigned sections, texts in Finnish and Swedish, a
/// section with two revisions by two people, one overdue section. Seeded once; later starts leave it as it is.
/// </summary>
public sealed class DemoReportSeeder(ValfardDbContext db, RichTextSanitizer sanitizer)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
        if (await db.Reports.IgnoreQueryFilters(all).AnyAsync(r => r.OrganisationId == DemoSeeder.DemokommunId, cancellationToken))
        {
            return;
        }
        var organisation = await db.Organisations.FirstAsync(o => o.Id == DemoSeeder.DemokommunId, cancellationToken);
        var term = await db.CouncilTerms.FirstAsync(t => t.StartDate == new DateOnly(2025, 6, 1), cancellationToken);
        var users = await db.Users.IgnoreQueryFilters(all).Where(u => u.OrganisationId == organisation.Id)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var sectors = await db.Sectors.IgnoreQueryFilters(all).Where(s => s.OrganisationId == organisation.Id)
            .ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);

        var template = await db.ReportTemplates.IgnoreQueryFilters(all).Include(t => t.Sections)
            .FirstOrDefaultAsync(t => t.OrganisationId == organisation.Id, cancellationToken);
        if (template is null)
        {
            template = new ReportTemplate(Guid.NewGuid(), organisation.Id);
            ThlTemplate.ApplyTo(template);
            db.ReportTemplates.Add(template);
        }

        var coordinator = users["coordinator@demo.test"];
        var editor = users["editor@demo.test"];
        var started = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var report = WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, term, null,
            "Laaja hyvinvointikertomus 2025–2029", "Omfattande välfärdsberättelse 2025–2029", template, coordinator, started);
        db.Reports.Add(report);

        var numbers = report.SectionNumbers();
        ReportSection Section(string number) => report.Sections.First(s => numbers[s.Id] == number);

        Section("1").Assign(sectors["central-administration"], [coordinator], new DateOnly(2027, 3, 31));
        Section("2").Assign(sectors["central-administration"], [coordinator], new DateOnly(2026, 12, 15));
        Section("3.1").Assign(sectors["education"], [editor], new DateOnly(2027, 1, 31));
        Section("3.2").Assign(sectors["education"], [editor], new DateOnly(2026, 11, 15));
        Section("3.3").Assign(sectors["employment"], [], new DateOnly(2027, 1, 31));
        Section("3.4").Assign(sectors["technical"], [coordinator], new DateOnly(2027, 1, 31));
        Section("3.5").Assign(sectors["culture-leisure"], [], new DateOnly(2027, 2, 28));
        Section("4").Assign(sectors["central-administration"], [coordinator], new DateOnly(2027, 2, 28));

        Write(Section("2"), "fi", DemoReportTexts.BackgroundFi, coordinator, started.AddDays(10));
        Write(Section("2"), "sv", DemoReportTexts.BackgroundSv, coordinator, started.AddDays(11));
        Section("2").MoveTo(SectionStatus.ReadyForReview, SectionRole.Writer);
        Write(Section("3.1"), "fi", DemoReportTexts.ChildrenFiFirst, editor, started.AddDays(20));
        Write(Section("3.1"), "sv", DemoReportTexts.ChildrenSv, editor, started.AddDays(21));
        Write(Section("3.1"), "fi", DemoReportTexts.ChildrenFi, coordinator, started.AddDays(40));
        Write(Section("3.2"), "fi", DemoReportTexts.YouthFi, editor, started.AddDays(30));
        Write(Section("3.4"), "fi", DemoReportTexts.ElderlyFi, coordinator, started.AddDays(35));
        Write(Section("3.4"), "sv", DemoReportTexts.ElderlySv, coordinator, started.AddDays(36));

        var question = new SectionComment(Guid.NewGuid(), Section("3.2").Id, organisation.Id, null, coordinator,
            "Voisiko tähän lisätä etsivän nuorisotyön tavoittamien nuorten määrän vuodelta 2026? Luku löytyy nuorisopalveluiden vuositilastosta.",
            started.AddDays(45));
        db.SectionComments.Add(question);
        db.SectionComments.Add(new SectionComment(Guid.NewGuid(), Section("3.2").Id, organisation.Id, question, editor,
            "Lisään sen, kun vuoden 2026 tilasto valmistuu tammikuussa.", started.AddDays(46)));
        db.Notifications.Add(new Notification(organisation.Id, editor, "Notification.Mentioned",
            "Nuoret: Voisiko tähän lisätä etsivän nuorisotyön tavoittamien nuorten määrän vuodelta 2026?",
            $"/reports/{report.Id}/sections/{Section("3.2").Id}#comment-{question.Id}", started.AddDays(45)));
        // The demo editor wants reminders (due dates, the coordinator's "Remind") by mail at once, not in the digest.
        db.NotificationPreferences.Add(new Valfard.Domain.Notifications.NotificationPreference(editor,
            Valfard.Domain.Notifications.NotificationGroup.Reminders, Valfard.Domain.Notifications.MailChoice.AtOnce));
        var settled = new SectionComment(Guid.NewGuid(), Section("2").Id, organisation.Id, null, editor,
            "Mainitaanko seurakunnan edustaja hyvinvointiryhmän jäsenenä?", started.AddDays(12));
        settled.Resolve(coordinator, started.AddDays(13));
        db.SectionComments.Add(settled);

        Observe(report, ObservationKind.Joy, LifeStage.ChildrenAndFamilies,
            "Varhaiskasvatukseen osallistuminen on kasvanut ja on koko maan tasoa korkeampaa.",
            "Deltagandet i småbarnspedagogik har ökat och är högre än i hela landet.",
            "Varhaiskasvatukseen osallistuvat 1–6-vuotiaat: 81 % (2023) → 84 % (2025).", coordinator, started.AddDays(50));
        Observe(report, ObservationKind.Joy, LifeStage.OlderPeople,
            "Yhä useampi ikääntynyt asuu kotona, ja kaatumisiin liittyvät hoitojaksot ovat vähentyneet.",
            "Allt fler äldre bor hemma och vårdperioderna efter fall har minskat.",
            "Kotona asuvat 75 vuotta täyttäneet 92 %; kaatumisiin liittyvät hoitojaksot vähentyneet kolmena vuotena.", coordinator, started.AddDays(50));
        Observe(report, ObservationKind.Concern, LifeStage.ChildrenAndFamilies,
            "Lastensuojelun avohuollon asiakkaiden osuus on kasvanut kahtena vuotena peräkkäin.",
            "Andelen klienter inom barnskyddets öppenvård har ökat två år i rad.",
            "Lastensuojelun avohuollon asiakkaat, % 0–17-vuotiaista: kasvu 2023–2025.", editor, started.AddDays(51));
        Observe(report, ObservationKind.Concern, LifeStage.Youth,
            "Nuorten yksinäisyys ja ahdistuneisuus ovat yleistyneet.",
            "Ungas ensamhet och ångest har blivit vanligare.",
            "Kouluterveyskysely 2025: yksinäisyyttä kokevia 14 % (2021: 10 %), ahdistuneisuutta 19 % lukiolaisista.", editor, started.AddDays(51));
        db.LinkedPlans.Add(LinkedPlan.Link(Guid.NewGuid(), report.Id, organisation.Id, LinkedPlanKind.ChildrenAndYouth,
            "Lasten ja nuorten hyvinvointisuunnitelma 2025–2028", "https://demo.example/lasten-ja-nuorten-suunnitelma",
            coordinator, started.AddDays(5)));

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Observe(WelfareReport report, ObservationKind kind, LifeStage stage, string fi, string sv, string evidence, Guid author, DateTimeOffset at) =>
        db.Observations.Add(new Observation(Guid.NewGuid(), report.Id, report.OrganisationId, kind, stage, fi, sv, evidence, author, at));

    private void Write(ReportSection section, string language, string html, Guid author, DateTimeOffset at)
    {
        var text = section.TextIn(language)!;
        var clean = sanitizer.Sanitize(html);
        text.Write(clean, text.Version, author, at, section);
        var number = db.SectionRevisions.Local.Count(r => r.SectionId == section.Id && r.Language == language) + 1;
        db.SectionRevisions.Add(new SectionRevision(Guid.NewGuid(), section.Id, section.OrganisationId, language, number, clean, author, at));
    }
}
