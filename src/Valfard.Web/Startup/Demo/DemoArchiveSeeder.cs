using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

using Valfard.Web.Common;
using Valfard.Web.Features.Workflow;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Demokommun's previous term: the 2021–2025 comprehensive report, written, reviewed, prepared by the board, approved
/// by the council and published through the real workflow, so its frozen version and archived PDFs exist as they would in use. If
/// Chromium is missing the report stays in review (sending to the board prints the board's copy) and the next start
/// goes on from there.
/// </summary>
public sealed partial class DemoArchiveSeeder(IServiceScopeFactory scopes, IWebHostEnvironment environment, TimeProvider clock,
    ILogger<DemoArchiveSeeder> logger)
{
    public const string TitleFi = "Laaja hyvinvointikertomus 2021–2025";
    public const string TitleSv = "Omfattande välfärdsberättelse 2021–2025";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var logo = Path.Combine(environment.ContentRootPath, "SampleData", "demo-logo.png");
        if (!await db.OrganisationLogos.AnyAsync(cancellationToken) && File.Exists(logo))
        {
            db.OrganisationLogos.Add(new Valfard.Domain.Organisations.OrganisationLogo(DemoSeeder.DemokommunId, "image/png",
                await File.ReadAllBytesAsync(logo, cancellationToken), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        var term = (await db.CouncilTerms.ToListAsync(cancellationToken)).First(t => t.StartDate.Year == 2021);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Kind == ReportKind.Comprehensive && r.CouncilTermId == term.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var coordinator = users["coordinator@demo.test"];
        var secretary = users["secretary@demo.test"];
        if (report is null)
        {
            report = await WriteAsync(db, scope.ServiceProvider.GetRequiredService<RichTextSanitizer>(), term, coordinator, users["editor@demo.test"], cancellationToken);
        }
        var workflow = scope.ServiceProvider.GetRequiredService<ReportWorkflowService>();
        static bool Coordinator(string role) => role == Roles.Coordinator;
        static bool Secretary(string role) => role == Roles.CouncilSecretary;
        var steps = new (ReportStatus From, WorkflowAction Action, Guid By, Func<string, bool> Role)[]
        {
            (ReportStatus.Draft, WorkflowAction.SubmitForReview, coordinator, Coordinator),
            (ReportStatus.InReview, WorkflowAction.SendToBoard, coordinator, Coordinator),
            (ReportStatus.SentToBoard, WorkflowAction.RecordBoardDecision, secretary, Secretary),
            (ReportStatus.BoardDecided, WorkflowAction.SendToCouncil, coordinator, Coordinator),
            (ReportStatus.SentToCouncil, WorkflowAction.Approve, secretary, Secretary),
            (ReportStatus.Approved, WorkflowAction.Publish, coordinator, Coordinator),
        };
        foreach (var (from, action, by, role) in steps)
        {
            await db.Entry(report).ReloadAsync(cancellationToken);
            if (report.Status != from)
            {
                continue;
            }
            var decision = action == WorkflowAction.RecordBoardDecision
                ? new CouncilDecisionInput("Kunnanhallitus", new DateOnly(2022, 5, 23), "112",
                    "https://demo.example/poytakirjat/kh-2022-05-23", null,
                    "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy laajan hyvinvointikertomuksen 2021–2025. / "
                    + "Kommunstyrelsen föreslår för fullmäktige att fullmäktige godkänner den omfattande välfärdsberättelsen 2021–2025.",
                    BodySv: "Kommunstyrelsen")
                : new CouncilDecisionInput("Kunnanvaltuusto", new DateOnly(2022, 6, 13), "45",
                    "https://demo.example/poytakirjat/2022-06-13", null, BodySv: "Kommunfullmäktige");
            // The coordinator has read the checklist's warnings (the minimum-content indicators the old report did not use).
            var result = await workflow.ExecuteAsync(report.Id, new WorkflowCommand(action, report.Version, null, decision, WarningsConfirmed: true),
                by, role, cancellationToken);
            if (!result.Succeeded)
            {
                LogStepFailed(logger, action, result.Errors.Select(e => e.Key).ToList());
                return;
            }
        }
    }

    private static async Task<WelfareReport> WriteAsync(ValfardDbContext db, RichTextSanitizer sanitizer, Valfard.Domain.Organisations.CouncilTerm term,
        Guid coordinator, Guid editor, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstAsync(o => o.Id == DemoSeeder.DemokommunId, cancellationToken);
        var template = await db.ReportTemplates.Include(t => t.Sections).FirstAsync(cancellationToken);
        var written = new DateTimeOffset(2022, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var report = WelfareReport.Create(Guid.NewGuid(), organisation, ReportKind.Comprehensive, term, null, TitleFi, TitleSv, template, coordinator, written);
        db.Reports.Add(report);
        var numbers = report.SectionNumbers();
        foreach (var section in report.Sections)
        {
            if (!Texts.TryGetValue(numbers[section.Id], out var text))
            {
                continue;
            }
            foreach (var (language, html) in new[] { ("fi", text.Fi), ("sv", text.Sv) })
            {
                var target = section.TextIn(language)!;
                target.Write(sanitizer.Sanitize(html), target.Version, numbers[section.Id].StartsWith('3') ? editor : coordinator, written, section);
            }
            // Written, handed over and accepted: the same two moves the section editor offers.
            section.MoveTo(SectionStatus.ReadyForReview, SectionRole.Writer);
            section.MoveTo(SectionStatus.Done, SectionRole.Coordinator);
        }
        // The welfare group of 2022 wrote nothing under "Whole population and themes": it says why, and readers see that
        // instead of an empty chapter (the checklist would not let the report go to the board otherwise).
        var themes = report.Sections.First(s => numbers[s.Id] == "3.5");
        themes.LeaveEmpty("Koko väestöä koskevat teemat on käsitelty elämänvaiheittain luvuissa 3.1–3.4.",
            "Teman som gäller hela befolkningen behandlas per livsskede i avsnitten 3.1–3.4.");
        var blocks = new Dictionary<string, int[]> { ["3.1"] = [90012], ["3.2"] = [90016], ["3.4"] = [90031] };
        var known = await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var (number, ids) in blocks)
        {
            var section = report.Sections.First(s => numbers[s.Id] == number);
            foreach (var (id, position) in ids.Where(known.Contains).Select((id, i) => (id, i)))
            {
                db.SectionIndicators.Add(new SectionIndicator(section.Id, organisation.Id, id, position));
            }
        }
        db.Observations.Add(new Observation(Guid.NewGuid(), report.Id, organisation.Id, ObservationKind.Joy, LifeStage.ChildrenAndFamilies,
            "Varhaiskasvatukseen osallistuminen on kasvanut.", "Deltagandet i småbarnspedagogik har ökat.",
            "Varhaiskasvatukseen osallistuvat 1–6-vuotiaat: 78 % (2019) → 81 % (2021).", coordinator, written));
        db.Observations.Add(new Observation(Guid.NewGuid(), report.Id, organisation.Id, ObservationKind.Concern, LifeStage.Youth,
            "Koulutuksen ulkopuolelle jääneiden nuorten osuus on maan keskitasoa suurempi.", "Andelen unga utanför utbildning är större än i landet i genomsnitt.",
            "17–24-vuotiaat koulutuksen ulkopuolella: 9,3 % (2021), koko maa 8,8 %.", editor, written));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static readonly Dictionary<string, (string Fi, string Sv)> Texts = new()
    {
        ["1"] = ("<p>Demokunnan hyvinvointi on kehittynyt pääosin myönteisesti. Huolena ovat nuorten koulutuksen keskeyttäminen ja työikäisten pitkäaikaistyöttömyys.</p>",
                 "<p>Välfärden i Demokommun har i huvudsak utvecklats positivt. Oron gäller unga som avbryter sin utbildning och långtidsarbetslösheten bland personer i arbetsför ålder.</p>"),
        ["2"] = ("<p>Kertomus on laadittu hyvinvointiryhmässä, jossa ovat mukana kaikki toimialat. Se perustuu Sotkanetin indikaattoreihin ja toimialojen omiin tietoihin.</p>",
                 "<p>Berättelsen har utarbetats i välfärdsgruppen där alla sektorer deltar. Den bygger på indikatorer i Sotkanet och sektorernas egna uppgifter.</p>"),
        ["3.1"] = ("<p>Lähes kaikki lapset osallistuvat varhaiskasvatukseen. Lapsiperheiden palvelut ovat saavutettavia.</p>",
                   "<p>Nästan alla barn deltar i småbarnspedagogik. Tjänsterna för barnfamiljer är lättillgängliga.</p>"),
        ["3.2"] = ("<p>Nuorten koulutuksen ulkopuolelle jääminen on yleisempää kuin maassa keskimäärin. Etsivää nuorisotyötä vahvistetaan.</p>",
                   "<p>Det är vanligare än i landet i genomsnitt att unga står utanför utbildning. Det uppsökande ungdomsarbetet förstärks.</p>"),
        ["3.3"] = ("<p>Pitkäaikaistyöttömien määrä on kääntynyt laskuun, mutta toimeentulotukea saavien osuus on ennallaan.</p>",
                   "<p>Antalet långtidsarbetslösa har börjat minska, men andelen som får utkomststöd är oförändrad.</p>"),
        ["3.4"] = ("<p>Valtaosa ikääntyneistä asuu kotona. Kotihoidon riittävyys on turvattava.</p>",
                   "<p>De flesta äldre bor hemma. Att hemvården räcker till måste tryggas.</p>"),
        ["3"] = ("<p>Luvussa kuvataan väestön hyvinvointia ja terveyttä elämänvaiheittain. Indikaattorit ovat Sotkanetista.</p>",
                 "<p>Avsnittet beskriver befolkningens välfärd och hälsa per livsskede. Indikatorerna kommer från Sotkanet.</p>"),
        ["4"] = ("<p>Vahvuuksia ovat varhaiskasvatus ja kotona asumisen tuki. Kehittämiskohteita ovat nuorten koulutuspolut ja työllisyys.</p>",
                 "<p>Styrkor är småbarnspedagogiken och stödet för att bo hemma. Utvecklingsområden är ungas utbildningsvägar och sysselsättningen.</p>"),
        ["5"] = ("<p>Hyvinvointisuunnitelma 2021–2025 kohdistuu nuoriin ja työikäisiin.</p>",
                 "<p>Välfärdsplanen 2021–2025 riktar sig till unga och personer i arbetsför ålder.</p>"),
        ["5.1"] = ("<p>Tärkeimmät johtopäätökset ovat nuorten koulutuspolkujen tukeminen ja pitkäaikaistyöttömyyden vähentäminen.</p>",
                   "<p>De viktigaste slutsatserna är att stödja ungas utbildningsvägar och minska långtidsarbetslösheten.</p>"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo archive: the step {Action} did not go through ({Errors}); the demo's previous-term report stays where it is")]
    private static partial void LogStepFailed(ILogger logger, WorkflowAction action, IReadOnlyList<string> errors);
}
