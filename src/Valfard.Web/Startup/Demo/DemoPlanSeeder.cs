using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using P = Valfard.Domain.Plans.MeasurePartners;
using S = Valfard.Domain.Plans.MeasureStatus;
namespace Valfard.Web.Startup.Demo;

/// <summary>
/// Demokommun's welfare plan 2025–2029 in Finnish and Swedish: five goals, seventeen measures with owners, partners
/// and budgets, follow-up indicators from the sample Sotkanet data and two of the municipality's own indicators, and
/// the 2025 follow-up round partly recorded. Seeded once, after the report and the indicator catalogue.
/// </summary>
public sealed class DemoPlanSeeder(ValfardDbContext db)
{
    private sealed record MeasureSeed(string Code, string Fi, string Sv, string Sector, string? Owner, P Partners, string PartnerNames,
        int Start, int End, decimal? Budget, string Resources, S Status);

    private sealed record GoalSeed(string Code, LifeStage Stage, string Fi, string Sv, string DescriptionFi, string DescriptionSv, string Strategy,
        string? ConcernStartsWith, MeasureSeed[] Measures);

    private sealed record Recorded(string Code, S Status, int? Progress, string Account, string By);

    private const string Editor = "editor@demo.test";
    private const string Coordinator = "coordinator@demo.test";
    private const string Admin = "admin@demo.test";

    private static readonly GoalSeed[] Goals =
    [
        new("T1", LifeStage.ChildrenAndFamilies, "Lapsiperheet saavat tukea ajoissa", "Barnfamiljer får stöd i tid",
            "Lastensuojelun avohuollon tarve kääntyy laskuun, kun perheet saavat apua arjen pulmiin ennen kuin ne kasvavat.",
            "Behovet av barnskyddets öppenvård minskar när familjer får hjälp med vardagens problem innan de växer.",
            "Kuntastrategia 2025–2030: Hyvä kasvaa Demokunnassa", "Lastensuojelun",
        [
            new("T1.1", "Perhekeskuksen matalan kynnyksen palvelut", "Familjecentrets lågtröskeltjänster", "education", Editor,
                P.WellbeingServicesCounty | P.Organisations, "Demoalueen hyvinvointialue, MLL:n Demokunnan yhdistys", 2025, 2027, 40000m,
                "Perheohjaaja 0,5 htv", S.InProgress),
            new("T1.2", "Varhaiskasvatuksen kiertävä erityisopettaja", "Ambulerande speciallärare inom småbarnspedagogiken", "education", Editor,
                P.WellbeingServicesCounty, "Demoalueen hyvinvointialue", 2025, 2029, 65000m, "Erityisopettaja 1 htv", S.InProgress),
            new("T1.3", "Vauvaperheiden vertaisryhmät", "Kamratgrupper för babyfamiljer", "education", Coordinator,
                P.Parishes | P.Organisations, "Demokunnan seurakunta, MLL:n Demokunnan yhdistys", 2025, 2026, 8000m, "Tilat ja ohjaajien palkkiot", S.Done),
            new("T1.4", "Harrastamisen Suomen malli alakouluihin", "Finlandsmodellen för hobbyverksamhet i lågstadiet", "culture-leisure", Coordinator,
                P.Organisations | P.Companies, "Urheiluseurat, Musiikkiopisto Sointu Oy", 2025, 2029, 30000m, "Koordinaattori 0,2 htv", S.InProgress),
        ]),
        new("T2", LifeStage.Youth, "Nuorten mieli voi paremmin ja kukaan ei jää yksin", "Ungas psykiska välmående förbättras och ingen lämnas ensam",
            "Yksinäisyyttä ja ahdistuneisuutta kokevien nuorten osuus pienenee, ja jokaisella nuorella on turvallinen aikuinen.",
            "Andelen unga som känner ensamhet och ångest minskar, och varje ung har en trygg vuxen.",
            "Kuntastrategia 2025–2030: Osallisuus ja yhteisöllisyys", "Nuorten",
        [
            new("T2.1", "Etsivä nuorisotyö", "Uppsökande ungdomsarbete", "culture-leisure", Editor,
                P.WellbeingServicesCounty | P.Organisations, "Demoalueen hyvinvointialue, Nuorten Ystävät ry", 2025, 2029, 55000m,
                "Etsivä nuorisotyöntekijä 1 htv", S.InProgress),
            new("T2.2", "Koulujen kiusaamisen vastainen ohjelma", "Antimobbningsprogram i skolorna", "education", Editor,
                P.Organisations, "Folkhälsan, KiVa Koulu", 2025, 2026, 12000m, "Lisenssit ja koulutus", S.Done),
            new("T2.3", "Mielenterveystaitojen tunnit yläkouluihin", "Lektioner i psykiska färdigheter i högstadiet", "education", Editor,
                P.WellbeingServicesCounty, "Demoalueen hyvinvointialue", 2026, 2027, 15000m, "Koulukuraattorin työaika", S.NotStarted),
            new("T2.4", "Nuorisovaltuuston vaikuttamiskanava", "Ungdomsfullmäktiges påverkanskanal", "central-administration", Coordinator,
                P.None, string.Empty, 2025, 2025, 3000m, "Verkkoalusta", S.Postponed),
        ]),
        new("T3", LifeStage.WorkingAge, "Työikäisten työllisyys ja toimintakyky vahvistuvat", "Sysselsättningen och funktionsförmågan hos personer i arbetsför ålder stärks",
            "Pitkäaikaistyöttömyys ja toimeentulotuen tarve vähenevät.", "Långtidsarbetslösheten och behovet av utkomststöd minskar.",
            "Kuntastrategia 2025–2030: Elinvoimainen Demokunta", null,
        [
            new("T3.1", "Työllisyyspalvelujen yrityskoordinaattori", "Företagskoordinator inom sysselsättningstjänsterna", "employment", Admin,
                P.Companies, "Demokunnan Yrittäjät ry", 2025, 2028, 70000m, "Yrityskoordinaattori 1 htv", S.InProgress),
            new("T3.2", "Kuntouttava työtoiminta", "Arbetsverksamhet i rehabiliteringssyfte", "employment", null,
                P.WellbeingServicesCounty | P.Organisations, "Demoalueen hyvinvointialue, Työpaja Verstas ry", 2025, 2029, 120000m,
                "Työvalmentajat 2 htv", S.InProgress),
            new("T3.3", "Liikuntaneuvonta työikäisille", "Motionsrådgivning för personer i arbetsför ålder", "culture-leisure", Coordinator,
                P.WellbeingServicesCounty, "Demoalueen hyvinvointialue", 2026, 2027, 10000m, "Liikuntaneuvoja 0,3 htv", S.NotStarted),
        ]),
        new("T4", LifeStage.OlderPeople, "Ikääntyneet asuvat turvallisesti kotona", "Äldre bor tryggt hemma",
            "Kotona asuvien osuus säilyy korkeana ja kaatumisiin liittyvät hoitojaksot vähenevät.",
            "Andelen som bor hemma förblir hög och vårdperioderna efter fall minskar.",
            "Kuntastrategia 2025–2030: Hyvä ikääntyä", null,
        [
            new("T4.1", "Kaatumisten ehkäisyn liikuntaryhmät", "Motionsgrupper för fallprevention", "culture-leisure", Coordinator,
                P.WellbeingServicesCounty | P.Organisations, "Demoalueen hyvinvointialue, Eläkeliiton Demokunnan yhdistys", 2025, 2027, 18000m,
                "Liikunnanohjaaja 0,4 htv", S.InProgress),
            new("T4.2", "Esteettömät ulkoilureitit keskustaan", "Tillgängliga friluftsleder i centrum", "technical", Admin,
                P.None, string.Empty, 2025, 2025, 150000m, "Investointi", S.InProgress),
            new("T4.3", "Ikäihmisten digituki kirjastoissa", "Digistöd för äldre i biblioteken", "culture-leisure", Editor,
                P.Organisations | P.Parishes, "Demokunnan seurakunta, Vanhustyön keskusliitto", 2025, 2026, 6000m, "Digitukihenkilöt", S.Done),
        ]),
        new("T5", LifeStage.WholePopulation, "Liikkuva ja osallistuva Demokunta", "Ett aktivt och delaktigt Demokommun",
            "Asukkailla on lähellä paikkoja liikkua ja tapoja vaikuttaa.", "Invånarna har nära till platser att röra på sig och sätt att påverka.",
            "Kuntastrategia 2025–2030: Osallisuus ja yhteisöllisyys", null,
        [
            new("T5.1", "Liikuntapaikkojen kunnostusohjelma", "Renoveringsprogram för idrottsplatser", "technical", Admin,
                P.Companies, "Urakoitsijat kilpailutuksen mukaan", 2025, 2029, 400000m, "Investointiohjelma", S.InProgress),
            new("T5.2", "Järjestöjen hyvinvointiavustukset", "Välfärdsunderstöd till föreningar", "central-administration", Coordinator,
                P.Organisations | P.Parishes, "Paikalliset yhdistykset ja seurakunta", 2025, 2029, 50000m, "Avustusmääräraha", S.InProgress),
            new("T5.3", "Hyvinvointiryhmän yhteistyö hyvinvointialueen kanssa", "Välfärdsgruppens samarbete med välfärdsområdet", "central-administration", Coordinator,
                P.WellbeingServicesCounty, "Demoalueen hyvinvointialue", 2025, 2029, null, "Hyvinvointikoordinaattorin työaika", S.InProgress),
        ]),
    ];

    // (owner code, Sotkanet id or local key, baseline, baseline year, target, target year, direction)
    private static readonly (string Owner, string Indicator, double Baseline, int BaselineYear, double Target, int TargetYear, IndicatorDirection Direction)[] Indicators =
    [
        ("T1", "90010", 8.2, 2023, 7.0, 2028, IndicatorDirection.LowerIsBetter),
        ("T1", "90012", 88.0, 2023, 92.0, 2028, IndicatorDirection.HigherIsBetter),
        ("T1.4", "90023", 100.6, 2019, 102.0, 2027, IndicatorDirection.HigherIsBetter),
        ("T2", "90021", 13.4, 2021, 11.0, 2027, IndicatorDirection.LowerIsBetter),
        ("T2", "90022", 20.3, 2021, 17.0, 2027, IndicatorDirection.LowerIsBetter),
        ("T2.1", "local:outreach", 96, 2023, 130, 2028, IndicatorDirection.HigherIsBetter),
        ("T2.2", "90027", 7.5, 2021, 6.0, 2027, IndicatorDirection.LowerIsBetter),
        ("T3", "90007", 3.5, 2023, 3.0, 2028, IndicatorDirection.LowerIsBetter),
        ("T3", "90005", 7.8, 2023, 7.0, 2028, IndicatorDirection.LowerIsBetter),
        ("T4", "90009", 99.4, 2023, 101.0, 2028, IndicatorDirection.HigherIsBetter),
        ("T4", "90016", 303.8, 2023, 280.0, 2028, IndicatorDirection.LowerIsBetter),
        ("T4.3", "local:digital", 40, 2024, 100, 2026, IndicatorDirection.HigherIsBetter),
        ("T5", "90040", 8.2, 2023, 9.0, 2028, IndicatorDirection.HigherIsBetter),
        ("T5", "90038", 85.0, 2023, 90.0, 2027, IndicatorDirection.HigherIsBetter),
    ];

    /// <summary>
    /// The Swedish partner names and resources of a few measures; the others are still in Finnish only, which the
    /// language status and the Swedish documents show ("bara på finska").
    /// </summary>
    private static readonly Dictionary<string, (string Partners, string Resources)> SwedishOfMeasures = new(StringComparer.Ordinal)
    {
        ["T2.1"] = ("Demoregionens välfärdsområde, Nuorten Ystävät rf", "Uppsökande ungdomsarbetare 1 årsverke"),
        ["T3.1"] = ("Företagarna i Demokommun rf", "Företagskoordinator 1 årsverke"),
    };

    private static readonly Dictionary<string, string> SwedishAccounts = new(StringComparer.Ordinal)
    {
        ["T2.1"] = "Det uppsökande ungdomsarbetet nådde 118 unga (2024: 104).",
        ["T2.2"] = "Programmet används i alla sex skolor.",
    };

    private static readonly Recorded[] Round2025 =
    [
        new("T1.1", S.InProgress, 60, "Perhekeskuksen avoin kohtaamispaikka aloitti maaliskuussa; kävijöitä 1 240.", Editor),
        new("T1.2", S.InProgress, 20, "Erityisopettaja aloitti elokuussa kolmessa päiväkodissa.", Editor),
        new("T1.3", S.Done, 100, "Kuusi ryhmää, 58 perhettä. Toiminta jatkuu seurakunnan omana.", Coordinator),
        new("T2.1", S.InProgress, 50, "Tavoitettiin 118 nuorta (2024: 104).", Editor),
        new("T2.2", S.Done, 100, "Ohjelma käytössä kaikissa kuudessa koulussa.", Editor),
        new("T2.4", S.Postponed, 0, "Siirtyy vuodelle 2026, koska verkkoalustan hankinta keskeytettiin.", Coordinator),
        new("T3.1", S.InProgress, 40, "32 yrityskäyntiä, 11 työllistymistä.", Admin),
        new("T4.1", S.InProgress, 50, "Neljä ryhmää käynnissä, 46 osallistujaa.", Coordinator),
        new("T4.3", S.Done, 100, "Digitukea annettiin 85 ikäihmiselle kirjastoissa.", Editor),
        new("T5.2", S.InProgress, 50, "Avustuksia myönnettiin 14 yhdistykselle, yhteensä 24 500 €.", Coordinator),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var all = new[] { ValfardDbContext.TenantFilter };
        if (await db.Plans.IgnoreQueryFilters(all).AnyAsync(p => p.OrganisationId == DemoSeeder.DemokommunId, cancellationToken))
        {
            return;
        }
        var term = await db.CouncilTerms.FirstAsync(t => t.StartDate == new DateOnly(2025, 6, 1), cancellationToken);
        var report = await db.Reports.IgnoreQueryFilters(all)
            .FirstOrDefaultAsync(r => r.OrganisationId == DemoSeeder.DemokommunId && r.Kind == ReportKind.Comprehensive
                && r.CouncilTermId == term.Id, cancellationToken);
        var users = await db.Users.IgnoreQueryFilters(all).Where(u => u.OrganisationId == DemoSeeder.DemokommunId)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var sectors = await db.Sectors.IgnoreQueryFilters(all).Where(s => s.OrganisationId == DemoSeeder.DemokommunId)
            .ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var concerns = report is null
            ? []
            : await db.Observations.IgnoreQueryFilters(all).Where(o => o.ReportId == report.Id && o.Kind == ObservationKind.Concern).ToListAsync(cancellationToken);
        var knownIndicators = (await db.Indicators.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var coordinator = users[Coordinator];
        var created = new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);

        var plan = new WelfarePlan(Guid.NewGuid(), DemoSeeder.DemokommunId, term, report?.Id, "Hyvinvointisuunnitelma 2025–2029", "Välfärdsplan 2025–2029",
            coordinator, created);
        db.Plans.Add(plan);

        var locals = new Dictionary<string, LocalIndicator>
        {
            ["outreach"] = Local("Etsivän nuorisotyön tavoittamat 15–28-vuotiaat", "15–28-åringar som det uppsökande ungdomsarbetet nått", "henkilöä",
                [(2023, 96), (2024, 104), (2025, 118)], "Etsivän nuorisotyön tilasto", coordinator),
            ["digital"] = Local("Digitukea saaneet ikäihmiset", "Äldre som fått digistöd", "henkilöä",
                [(2024, 40), (2025, 85)], "Kirjaston digituen kävijätilasto", coordinator),
        };

        var goals = new Dictionary<string, Goal>();
        var measures = new Dictionary<string, Measure>();
        for (var g = 0; g < Goals.Length; g++)
        {
            var seed = Goals[g];
            var goal = new Goal(Guid.NewGuid(), plan, seed.Code, g);
            goal.Update(seed.Code, seed.Fi, seed.Sv, seed.DescriptionFi, seed.DescriptionSv, seed.Stage, seed.Strategy);
            if (seed.ConcernStartsWith is { } start)
            {
                goal.AnswerConcerns(concerns.Where(c => c.TextFi.StartsWith(start, StringComparison.Ordinal)).Select(c => c.Id));
            }
            db.Goals.Add(goal);
            goals[seed.Code] = goal;
            for (var m = 0; m < seed.Measures.Length; m++)
            {
                var ms = seed.Measures[m];
                var measure = new Measure(Guid.NewGuid(), goal, ms.Code, m);
                measure.Update(ms.Code, ms.Fi, ms.Sv, string.Empty, string.Empty);
                measure.Assign(sectors.GetValueOrDefault(ms.Sector), ms.Owner is { } owner ? users[owner] : null, ms.Partners, ms.PartnerNames);
                measure.SetSchedule(ms.Start, ms.End, ms.Resources, ms.Budget);
                if (SwedishOfMeasures.TryGetValue(ms.Code, out var swedish))
                {
                    measure.Translate(swedish.Partners, swedish.Resources);
                }
                measure.SetStatus(ms.Status);
                db.Measures.Add(measure);
                measures[ms.Code] = measure;
            }
        }

        var positions = new Dictionary<string, int>();
        foreach (var (owner, indicator, baseline, baselineYear, target, targetYear, direction) in Indicators)
        {
            int? sotkanet = indicator.StartsWith("local:", StringComparison.Ordinal) ? null : int.Parse(indicator, System.Globalization.CultureInfo.InvariantCulture);
            if (sotkanet is { } id && !knownIndicators.Contains(id))
            {
                continue;
            }
            Guid? local = sotkanet is null ? locals[indicator["local:".Length..]].Id : null;
            var position = positions[owner] = positions.GetValueOrDefault(owner, -1) + 1;
            var row = goals.TryGetValue(owner, out var goal)
                ? FollowUpIndicator.ForGoal(Guid.NewGuid(), goal, sotkanet, local, position)
                : FollowUpIndicator.ForMeasure(Guid.NewGuid(), measures[owner], sotkanet, local, position);
            row.SetTarget(baseline, baselineYear, target, targetYear, direction);
            db.PlanIndicators.Add(row);
        }

        var opened = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
        var round = new FollowUpRound(Guid.NewGuid(), plan, 2025, term.Years, coordinator, opened);
        db.FollowUpRounds.Add(round);
        var entries = measures.Values.ToDictionary(m => m.Code, m => new MeasureFollowUp(Guid.NewGuid(), round, m));
        db.MeasureFollowUps.AddRange(entries.Values);
        for (var i = 0; i < Round2025.Length; i++)
        {
            var r = Round2025[i];
            entries[r.Code].Record(round, measures[r.Code], r.Status, r.Progress, r.Account, users[r.By], opened.AddDays(10 + i * 3));
            if (SwedishAccounts.TryGetValue(r.Code, out var accountSv))
            {
                entries[r.Code].TranslateAccount(round, accountSv);
            }
        }
        db.AssessmentOverrides.Add(new GoalAssessmentOverride(Guid.NewGuid(), round, goals["T2"], Assessment.AtRisk,
            "Etsivä nuorisotyö tavoittaa selvästi aiempaa enemmän nuoria, ja vuoden 2025 kouluterveyskyselyn tulokset puuttuvat vielä. Arvio tarkistetaan, kun tulokset julkaistaan.",
            coordinator, opened.AddDays(50)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private LocalIndicator Local(string fi, string sv, string unit, (int Year, double Value)[] values, string source, Guid by)
    {
        var indicator = new LocalIndicator(Guid.NewGuid(), DemoSeeder.DemokommunId, fi, sv, unit, IndicatorDirection.HigherIsBetter);
        foreach (var (year, value) in values)
        {
            indicator.Record(year, value, $"{source} {year}", by, new DateTimeOffset(year + 1, 1, 20, 9, 0, 0, TimeSpan.Zero));
        }
        db.LocalIndicators.Add(indicator);
        return indicator;
    }
}
