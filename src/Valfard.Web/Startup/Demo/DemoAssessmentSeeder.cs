using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Assessments;
using Valfard.Infrastructure.Persistence;
using D = Valfard.Domain.Assessments.ImpactDirection;
using G = Valfard.Domain.Assessments.PopulationGroups;
using K = Valfard.Domain.Assessments.ImpactCertainty;
using Z = Valfard.Domain.Assessments.ImpactSize;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Two impact assessments in advance for Demokommun: the school network change of 2023 with the child impact
/// questions, completed and decided (so its follow-up indicators show how things went), and a change of the
/// sports-hall fees still in preparation, written in Swedish. Seeded once, after the plan.
/// </summary>
public sealed class DemoAssessmentSeeder(ValfardDbContext db)
{
    public const string SchoolTitle = "Kouluverkon muutos: Mäkelän ja Kirkonkylän koulujen yhdistäminen";
    public const string HallTitle = "Ändrade avgifter för idrottshallen";

    private sealed record ImpactSeed(D Direction, Z? Size, K? Certainty, G Groups, string Districts, string Evidence, string Mitigations,
        int[] Indicators, string[] Goals);

    // Per area in THL's order (living environment, living conditions, families, habits, services, children): the
    // do-nothing alternative, then the merger.
    private static readonly (ImpactSeed DoNothing, ImpactSeed Merger)[] School =
    [
        (new(D.None, null, null, G.None, string.Empty, "Koulumatkat ja liikenne pysyvät ennallaan.", string.Empty, [], []),
         new(D.Negative, Z.Moderate, K.High, G.Children | G.NamedDistricts, "Mäkelä",
            "Mäkelän oppilaiden koulumatka pitenee keskimäärin 1,5 kilometrillä, ja 34 oppilasta siirtyy koulukuljetukseen. Kirkonkylän koulun ympäristön liikenne kasvaa aamuisin.",
            "Koulukuljetukset järjestetään niin, ettei odotusaikaa kerry yli 15 minuuttia. Koulun pihaan rakennetaan erillinen saattoliikenteen alue.", [], [])),
        (new(D.Negative, Z.Small, K.Medium, G.Children | G.WorkingAge, string.Empty,
            "Mäkelän koulurakennuksen sisäilmaongelmat jatkuvat ja korjaukset vievät rahaa muulta opetukselta.", string.Empty, [], []),
         new(D.Positive, Z.Moderate, K.Medium, G.Children | G.WorkingAge, string.Empty,
            "Uusi rakennus poistaa sisäilmaongelman. Opettajien työolot paranevat, kun samaa ainetta opettaa useampi opettaja.", string.Empty, [], [])),
        (new(D.None, null, null, G.None, string.Empty, "Perheiden arki ei muutu.", string.Empty, [90010], ["T1"]),
         new(D.Mixed, Z.Small, K.Medium, G.Children | G.LowIncomeHouseholds, string.Empty,
            "Yhtenäiskoulun perhekeskuspalvelut ja iltapäivätoiminta tavoittavat useampia perheitä. Osa Mäkelän perheistä menettää kävelymatkan päässä olevan kohtaamispaikan.",
            "Mäkelän kylätalolle jätetään perhekeskuksen avoin kohtaamispaikka kerran viikossa.", [90010], ["T1"])),
        (new(D.Negative, Z.Small, K.Low, G.Children, string.Empty,
            "Mäkelän pienen koulun liikuntasali on huonokuntoinen, ja kerhotoimintaa on vähän.", string.Empty, [90021], ["T2"]),
         new(D.Mixed, Z.Small, K.Medium, G.Children | G.YoungPeople, string.Empty,
            "Uusi liikuntasali ja harrastetilat lisäävät iltapäivien harrastusmahdollisuuksia. Koulukuljetus vähentää koulumatkaliikuntaa Mäkelän oppilailla.",
            "Kuljetusoppilaille tarjotaan mahdollisuus pyöräillä kesäkaudella turvallista reittiä pitkin.", [90021], ["T2"])),
        (new(D.Negative, Z.Moderate, K.High, G.Children, string.Empty,
            "Mäkelän koulussa on yhdistelmäluokkia ja erityisopetuksen resurssit ovat ohuet. Sijaisia on vaikea saada.", string.Empty, [], []),
         new(D.Positive, Z.Large, K.High, G.Children | G.PeopleWithDisabilities, string.Empty,
            "Yhtenäiskoulu mahdollistaa ikäluokittaiset opetusryhmät, kokoaikaisen erityisopettajan ja koulukuraattorin läsnäolon joka päivä.",
            string.Empty, [], ["T1"])),
        (new(D.Negative, Z.Small, K.Medium, G.Children, string.Empty,
            "Lapset pitävät pientä koulua turvallisena, mutta kertoivat kyselyssä puutteista liikuntatiloissa ja sisäilmassa.", string.Empty, [], []),
         new(D.Mixed, Z.Moderate, K.Medium, G.Children, string.Empty,
            "Oppilaskuntien kyselyyn vastasi 212 oppilasta. Vanhemmat oppilaat odottavat uusia tiloja ja valinnaisaineita; osa nuorimmista pelkää isoa koulua ja pitkää matkaa.",
            "Ensimmäisen ja toisen luokan oppilaat aloittavat omassa solussaan, ja kummioppilastoiminta aloitetaan syksyllä.", [], [])),
    ];

    private static readonly int[] SchoolFollowUps = [90010, 90021, 90012];
    private static readonly int[] HallIndicators = [90009];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
        if (await db.ImpactAssessments.IgnoreQueryFilters(all).AnyAsync(a => a.OrganisationId == DemoSeeder.DemokommunId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.IgnoreQueryFilters(all).Where(u => u.OrganisationId == DemoSeeder.DemokommunId)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var areas = await db.AssessmentAreas.IgnoreQueryFilters(all).Where(a => a.OrganisationId == DemoSeeder.DemokommunId)
            .OrderBy(a => a.Position).ToListAsync(cancellationToken);
        if (areas.Count == 0)
        {
            areas = ThlAssessmentAreas.For(DemoSeeder.DemokommunId);
            db.AssessmentAreas.AddRange(areas);
        }
        var goals = await db.Goals.IgnoreQueryFilters(all).Where(g => g.OrganisationId == DemoSeeder.DemokommunId)
            .ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        var known = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var coordinator = users["coordinator@demo.test"];
        var editor = users["editor@demo.test"];

        var school = ImpactAssessment.Start(Guid.NewGuid(), DemoSeeder.DemokommunId, SchoolTitle, "Sivistyslautakunta", new DateOnly(2023, 6, 12),
            "https://demokunta.example.fi/paatokset/2023/valtuusto-12-6/58", editor, childImpact: true, "fi",
            "Nollavaihtoehto: molemmat koulut jatkavat nykyisissä rakennuksissa", "Koulut yhdistetään Kirkonkylän uuteen yhtenäiskouluun",
            areas, editor, new DateTimeOffset(2023, 2, 6, 9, 0, 0, TimeSpan.Zero));
        var (doNothing, merger) = (school.OrderedAlternatives[0], school.OrderedAlternatives[1]);
        school.RenameAlternative(merger.Id, merger.Title,
            "Mäkelän koulun 86 oppilasta siirtyvät syksyllä 2024 Kirkonkylän yhtenäiskouluun, joka laajenee uudella siivellä. Mäkelän koulurakennus myydään.");
        for (var i = 0; i < School.Length && i < school.AreaIds.Count; i++)
        {
            var areaId = school.AreaIds[i];
            Assess(school, school.ImpactOf(doNothing.Id, areaId)!, School[i].DoNothing, known, goals);
            Assess(school, school.ImpactOf(merger.Id, areaId)!, School[i].Merger, known, goals);
        }
        school.Conclude(
            "Yhdistäminen parantaa opetuksen ja oppilashuollon laatua selvästi ja poistaa Mäkelän koulun sisäilmaongelman. Haitat kohdistuvat Mäkelän nuorimpiin oppilaisiin: koulumatka pitenee ja lähikoulu katoaa. Haittoja lievennetään kuljetusten järjestelyillä, alkuopetuksen omalla solulla ja kylätalon perhetoiminnalla. Valmistelija esittää yhdistämistä.",
            childrenHeard: true,
            "Oppilaskunnat kuultiin kyselyllä (212 vastaajaa) ja kahdessa työpajassa helmikuussa 2023. Nuorisovaltuusto antoi lausunnon 3.4.2023.",
            SchoolFollowUps.Where(known.Contains));
        school.Complete(new DateTimeOffset(2023, 5, 15, 12, 0, 0, TimeSpan.Zero));
        school.Decide(merger.Id, new DateOnly(2023, 6, 12), "§ 58");
        school.Publish();
        db.ImpactAssessments.Add(school);

        var hall = ImpactAssessment.Start(Guid.NewGuid(), DemoSeeder.DemokommunId, HallTitle, "Fritidsnämnden", new DateOnly(2027, 2, 9),
            string.Empty, coordinator, childImpact: false, "sv", "Nollalternativ: avgifterna förblir oförändrade",
            "Timavgiften höjs från 12 till 18 euro, barn- och ungdomsgrupper fortsatt gratis", areas, coordinator,
            new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var raise = hall.OrderedAlternatives[1];
        var habits = hall.AreaIds[3];
        hall.Assess(hall.ImpactOf(raise.Id, habits)!.Id, D.Negative, Z.Small, K.Medium, G.WorkingAge | G.OlderPeople | G.LowIncomeHouseholds, string.Empty,
            "Motionsgrupper för vuxna och seniorer betalar mer, och en del av dem kan sluta. Barn- och ungdomsgrupperna påverkas inte.",
            "Seniorgrupper på förmiddagar kan få nedsatt avgift.", HallIndicators.Where(known.Contains),
            goals.TryGetValue("T4", out var t4) ? [t4] : []);
        hall.Assess(hall.ImpactOf(hall.OrderedAlternatives[0].Id, habits)!.Id, D.None, null, null, G.None, string.Empty,
            "Avgifterna och bokningarna förblir som i dag.", string.Empty, [], []);
        db.ImpactAssessments.Add(hall);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Assess(ImpactAssessment assessment, AreaImpact impact, ImpactSeed seed, HashSet<int> known, Dictionary<string, Guid> goals) =>
        assessment.Assess(impact.Id, seed.Direction, seed.Size, seed.Certainty, seed.Groups, seed.Districts, seed.Evidence, seed.Mitigations,
            seed.Indicators.Where(known.Contains), seed.Goals.Where(goals.ContainsKey).Select(code => goals[code]));
}
