using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Negotiations;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// The demo county's yearly negotiations with Demokunta: 2025's, approved, and 2026's, approved, with its
/// participants, agreements (one shared goal, put into both sides' welfare plans as goal YT1) and the follow-up of
/// 2025's agreements. The county gets a welfare plan of its own for the term if it has none, so the shared goal has
/// somewhere to go. Seeded once, after the plans, through the domain's own methods.
/// </summary>
public sealed class DemoNegotiationSeeder(ValfardDbContext db, TimeProvider clock)
{
    public const string SharedGoalFi = "Lasten ja nuorten mielenterveyden tuki on saatavilla koulupäivän aikana";
    public const string SharedGoalSv = "Stöd för barns och ungas psykiska hälsa finns att få under skoldagen";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
        if (await db.Negotiations.IgnoreQueryFilters(all).AnyAsync(n => n.OrganisationId == DemoSeeder.CountyId, cancellationToken))
        {
            return;
        }
        var county = await db.Organisations.FirstAsync(o => o.Id == DemoSeeder.CountyId, cancellationToken);
        var municipality = await db.Organisations.FirstAsync(o => o.Id == DemoSeeder.DemokommunId, cancellationToken);
        var countyCoordinator = await db.Users.IgnoreQueryFilters(all).Where(u => u.Email == "county@demo.test").Select(u => u.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var earlier = Negotiation.Schedule(Guid.NewGuid(), county, municipality, 2025, new DateOnly(2025, 10, 14),
            "Demoalueen hyvinvointialueen virastotalo, Keskuskatu 1", false, countyCoordinator, now);
        earlier.AddAgendaItem(NegotiationSide.County, "Hyvinvointialueen strategia ja kuntien yhteistyö", "Hyvinvointialueen strategian painopisteet 2025–2029.", null);
        earlier.AddAgendaItem(NegotiationSide.Municipality, "Nuorten yksinäisyys", "Laajan hyvinvointikertomuksen huolenaihe.", null);
        earlier.MarkHeld(now);
        earlier.AddParticipant("Helmi Hyvinvointialue", NegotiationSide.County, "Hyvinvointikoordinaattori");
        earlier.AddParticipant("Kaisa Koordinaattori", NegotiationSide.Municipality, "Hyvinvointikoordinaattori");
        earlier.WriteSummary("Käytiin läpi hyvinvointialueen strategia ja Demokunnan laajan hyvinvointikertomuksen huolenaiheet.");
        var training = earlier.AddAgreement(AgreementKind.Support, "Hyvinvointialue järjestää kunnan hyvinvointiryhmälle koulutuksen indikaattoritiedon tulkinnasta",
            "Hyvinvointialue tränar kommunens välfärdsgrupp i att tolka indikatorer", "Hyvinvointialueen hyvinvoinnin edistämisen yksikkö", new DateOnly(2026, 3, 31));
        var youthWork = earlier.AddAgreement(AgreementKind.Task, "Etsivän nuorisotyön ja koulupsykologien yhteinen toimintamalli",
            "En gemensam modell för uppsökande ungdomsarbete och skolpsykologer", "Kunnan nuorisotoimi ja hyvinvointialueen oppilashuolto", new DateOnly(2026, 6, 30));
        earlier.Approve(countyCoordinator, now);
        db.Negotiations.Add(earlier);

        var current = Negotiation.Schedule(Guid.NewGuid(), county, municipality, 2026, new DateOnly(2026, 10, 20), "Demokunnan kunnantalo", true,
            countyCoordinator, now);
        current.AddAgendaItem(NegotiationSide.County, "Edellisen vuoden sopimusten seuranta", string.Empty, null);
        current.AddAgendaItem(NegotiationSide.Municipality, "Huolenaihe: nuorten ahdistuneisuus ja koulu-uupumus",
            "Hyvinvointikertomuksen vuosiraportti 2026 · Nuoret", null, AgendaSource.Report);
        current.AddAgendaItem(NegotiationSide.County, "Perhekeskuksen palvelut Demokunnassa", "Perhekeskuksen kohtaamispaikan aukioloajat ja henkilöstö.", null);
        current.MarkHeld(now);
        current.AddParticipant("Helmi Hyvinvointialue", NegotiationSide.County, "Hyvinvointikoordinaattori");
        current.AddParticipant("Olli Oppilashuolto", NegotiationSide.County, "Oppilashuollon palvelupäällikkö");
        current.AddParticipant("Kaisa Koordinaattori", NegotiationSide.Municipality, "Hyvinvointikoordinaattori");
        current.AddParticipant("Sivistysjohtaja Sirpa Sivistys", NegotiationSide.Municipality, "Sivistysjohtaja");
        current.WriteSummary("Todettiin, että nuorten ahdistuneisuus on lisääntynyt sekä Demokunnassa että koko alueella. Sovittiin yhteisestä tavoitteesta ja koulupsykologien läsnäolosta kouluissa.");
        var shared = current.AddAgreement(AgreementKind.SharedGoal, SharedGoalFi, SharedGoalSv,
            "Hyvinvointialueen oppilashuolto ja kunnan perusopetus", new DateOnly(2027, 12, 31));
        current.AddAgreement(AgreementKind.Support, "Koulupsykologi on tavattavissa jokaisessa Demokunnan koulussa vähintään kahtena päivänä viikossa",
            "Skolpsykolog finns på plats i varje skola i Demokommun minst två dagar i veckan", "Hyvinvointialueen oppilashuolto", new DateOnly(2027, 8, 1));
        current.AddAgreement(AgreementKind.Task, "Kunta tarjoaa tilat matalan kynnyksen nuorten vastaanotolle nuorisotalolla",
            "Kommunen erbjuder lokaler för en lågtröskelmottagning för unga på ungdomsgården", "Kunnan nuorisotoimi", new DateOnly(2027, 1, 31));
        current.FollowUp(earlier, training.Id, AgreementProgress.Done, "Koulutus pidettiin 12.3.2026.");
        current.FollowUp(earlier, youthWork.Id, AgreementProgress.InProgress, "Toimintamalli on kokeilussa kahdessa koulussa; laajennetaan syksyllä 2027.");
        current.Approve(countyCoordinator, now);

        // The shared goal goes into both plans, as each side would do from the negotiation page.
        var term = await db.CouncilTerms.FirstAsync(t => t.StartDate == new DateOnly(2025, 6, 1), cancellationToken);
        var municipalPlan = await db.Plans.IgnoreQueryFilters(all)
            .FirstOrDefaultAsync(p => p.OrganisationId == DemoSeeder.DemokommunId && p.CouncilTermId == term.Id, cancellationToken);
        var countyPlan = await db.Plans.IgnoreQueryFilters(all)
            .FirstOrDefaultAsync(p => p.OrganisationId == DemoSeeder.CountyId && p.CouncilTermId == term.Id, cancellationToken);
        if (countyPlan is null)
        {
            countyPlan = new WelfarePlan(Guid.NewGuid(), DemoSeeder.CountyId, term, null, $"Alueellinen hyvinvointisuunnitelma {term.Label}",
                $"Regional välfärdsplan {term.Label}", countyCoordinator, now);
            db.Plans.Add(countyPlan);
        }
        foreach (var (plan, side) in new[] { (municipalPlan, NegotiationSide.Municipality), (countyPlan, NegotiationSide.County) })
        {
            if (plan is null)
            {
                continue;
            }
            var positions = await db.Goals.IgnoreQueryFilters(all).Where(g => g.PlanId == plan.Id).Select(g => g.Position).ToListAsync(cancellationToken);
            var goal = new Goal(Guid.NewGuid(), plan, "YT1", positions.Count == 0 ? 1 : positions.Max() + 1);
            goal.Update("YT1", SharedGoalFi, SharedGoalSv,
                "Yhteinen tavoite, sovittu hyvinvointineuvottelussa 2026: Demoalueen hyvinvointialue ja Demokunta.",
                "Gemensamt mål, överenskommet i välfärdsförhandlingen 2026: Demoregionens välfärdsområde och Demokommun.",
                LifeStage.Youth, string.Empty);
            db.Goals.Add(goal);
            current.LinkGoal(shared.Id, side, goal.Id, goal.Code);
        }
        db.Negotiations.Add(current);
        await db.SaveChangesAsync(cancellationToken);
    }
}
