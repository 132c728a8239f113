using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Counties;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.County;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Startup.Demo;

/// <summary>
/// The demo county's side of the yearly cycle: its regional report for 2025–2029 in progress, created through the
/// same path as from the reports page, and one support request from Demokunta that the county has answered, sent and
/// answered through <see cref="SupportService"/>. Each part is added once; Demokunta's delivered 2021–2025 report comes
/// from publishing it (<see cref="DemoArchiveSeeder"/>), not from here.
/// </summary>
public sealed partial class DemoCountySeeder(IServiceScopeFactory scopes, ILogger<DemoCountySeeder> logger)
{
    public const string RequestMessage =
        "Nuorten ahdistuneisuus on kouluterveyskyselyssä kasvanut kahdessa kyselyssä peräkkäin. Miten luvut kannattaa tulkita ja verrata alueen muihin kuntiin?";

    public const string RequestAnswer =
        "Kasvu näkyy koko alueella, mutta Demokunnassa se on maan keskiarvoa jyrkempää. Katsotaan luvut yhdessä hyvinvointikoordinaattoreiden tapaamisessa; tuomme alueen vertailut ja luottamusvälit mukaan.";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedRegionalReportAsync(cancellationToken);
        await SeedIndicatorSetAsync(cancellationToken);
        await SeedDeliveredPlanAsync(cancellationToken);
        await SeedRegionalBlocksAsync(cancellationToken);
        await SeedSupportRequestAsync(cancellationToken);
    }

    /// <summary>
    /// The plan of Demokunta's delivered 2021–2025 report, so the county has members' goals to summarise (issue 18 §3):
    /// a goal for each life stage with measures in every state. Added once, in Demokunta's own scope.
    /// </summary>
    private async Task SeedDeliveredPlanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var term = (await db.CouncilTerms.ToListAsync(cancellationToken)).FirstOrDefault(t => t.StartDate.Year == 2021);
        if (term is null || await db.Plans.AnyAsync(p => p.CouncilTermId == term.Id, cancellationToken))
        {
            return;
        }
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Kind == ReportKind.Comprehensive && r.CouncilTermId == term.Id
            && r.Status == ReportStatus.Published, cancellationToken);
        if (report is null)
        {
            return;
        }
        var coordinator = await CoordinatorAsync(db, "coordinator@demo.test", cancellationToken);
        var plan = new Domain.Plans.WelfarePlan(Guid.NewGuid(), DemoSeeder.DemokommunId, term, report.Id,
            "Hyvinvointisuunnitelma 2021–2025", "Välfärdsplan 2021–2025", coordinator, new DateTimeOffset(2021, 11, 15, 9, 0, 0, TimeSpan.Zero));
        db.Plans.Add(plan);
        for (var g = 0; g < PreviousGoals.Length; g++)
        {
            var (code, stage, fi, sv, measures) = PreviousGoals[g];
            var goal = new Domain.Plans.Goal(Guid.NewGuid(), plan, code, g);
            goal.Update(code, fi, sv, string.Empty, string.Empty, stage, string.Empty);
            db.Goals.Add(goal);
            for (var m = 0; m < measures.Length; m++)
            {
                var measure = new Domain.Plans.Measure(Guid.NewGuid(), goal, $"{code}.{m + 1}", m);
                measure.Update($"{code}.{m + 1}", measures[m].Fi, measures[m].Sv, string.Empty, string.Empty);
                measure.SetStatus(measures[m].Status);
                db.Measures.Add(measure);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly (string Code, LifeStage Stage, string Fi, string Sv, (string Fi, string Sv, Domain.Plans.MeasureStatus Status)[] Measures)[] PreviousGoals =
    [
        ("A1", LifeStage.ChildrenAndFamilies, "Lapsiperheet saavat tukea arkeen varhain", "Barnfamiljer får tidigt stöd i vardagen",
        [
            ("Perhekeskuksen avoin kohtaamispaikka", "Familjecentrets öppna mötesplats", Domain.Plans.MeasureStatus.Done),
            ("Vanhemmuuden tuen ryhmät", "Grupper som stöder föräldraskapet", Domain.Plans.MeasureStatus.InProgress),
        ]),
        ("A2", LifeStage.Youth, "Jokaisella nuorella on mieluisa harrastus", "Varje ung har en fritidssysselsättning som hen tycker om",
        [
            ("Harrastamisen Suomen malli kouluissa", "Den finländska modellen för fritidsaktiviteter i skolorna", Domain.Plans.MeasureStatus.Done),
            ("Maksuttomat liikuntavuorot nuorille", "Avgiftsfria motionsturer för unga", Domain.Plans.MeasureStatus.Done),
            ("Nuorisotilan iltojen lisääminen", "Fler kvällar på ungdomsgården", Domain.Plans.MeasureStatus.Postponed),
        ]),
        ("A3", LifeStage.WorkingAge, "Pitkäaikaistyöttömyys vähenee", "Långtidsarbetslösheten minskar",
        [
            ("Työkykykoordinaattori työllisyyspalveluihin", "En arbetsförmågekoordinator till sysselsättningstjänsterna", Domain.Plans.MeasureStatus.InProgress),
        ]),
        ("A4", LifeStage.OlderPeople, "Ikääntyneet asuvat turvallisesti kotona", "Äldre bor tryggt hemma",
        [
            ("Kodin turvallisuuskartoitukset 75 vuotta täyttäneille", "Kartläggning av hemmets säkerhet för personer över 75 år", Domain.Plans.MeasureStatus.InProgress),
            ("Tasapainoryhmät kirjastoissa", "Balansgrupper på biblioteken", Domain.Plans.MeasureStatus.NotStarted),
        ]),
        ("A5", LifeStage.WholePopulation, "Asukkaiden osallisuus vahvistuu", "Invånarnas delaktighet stärks",
        [
            ("Asukasraadit kylille", "Invånarråd i byarna", Domain.Plans.MeasureStatus.Done),
        ]),
    ];

    /// <summary>
    /// Both blocks of issue 18 §3 in the demo regional report: the members' goals in the section on cooperation with
    /// the members, the members compared on the county's first indicator in the section on the population's welfare.
    /// </summary>
    private async Task SeedRegionalBlocksAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.CountyId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == ReportKind.Regional, cancellationToken);
        if (report is null)
        {
            return;
        }
        var sections = await db.ReportSections.Where(s => s.ReportId == report.Id).ToListAsync(cancellationToken);
        if (sections.Any(s => s.SummarisesMembersGoals || s.MembersIndicatorId is not null))
        {
            return;
        }
        sections.FirstOrDefault(s => s.TitleFi == "Yhteistyö jäsenkuntien kanssa")?.SummariseMembersGoals(true, report.Kind);
        var indicatorId = await db.IndicatorSets.SelectMany(s => s.Members.Select(m => (int?)m.IndicatorId)).OrderBy(id => id).FirstOrDefaultAsync(cancellationToken);
        if (indicatorId is not null)
        {
            sections.FirstOrDefault(s => s.TitleFi == "Väestön hyvinvointi ja terveys")?.CompareMembers(indicatorId, report.Kind);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The county's own indicator set, so its writers have indicators to compare the member municipalities on
    /// (issue 18 §3): the sample catalogue's indicators, once.
    /// </summary>
    private async Task SeedIndicatorSetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.CountyId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        if (await db.IndicatorSets.AnyAsync(cancellationToken))
        {
            return;
        }
        var ids = await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).Take(CountySetSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }
        var set = new Domain.Indicators.IndicatorSet(Guid.NewGuid(), DemoSeeder.CountyId, "Alueen seurantaindikaattorit");
        foreach (var id in ids)
        {
            set.Add(id);
        }
        db.IndicatorSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
    }

    private const int CountySetSize = 8;

    private async Task SeedRegionalReportAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.CountyId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var term = await db.CouncilTerms.FirstAsync(t => t.StartDate == new DateOnly(2025, 6, 1), cancellationToken);
        if (await db.Reports.AnyAsync(r => r.Kind == ReportKind.Regional && r.CouncilTermId == term.Id, cancellationToken))
        {
            return;
        }
        var coordinator = await CoordinatorAsync(db, "county@demo.test", cancellationToken);
        var (result, _) = await scope.ServiceProvider.GetRequiredService<ReportService>().CreateAsync(
            new CreateReportViewModel { Kind = ReportKind.Regional, CouncilTermId = term.Id }, coordinator, cancellationToken);
        if (!result.Succeeded)
        {
            LogFailed(logger, "regional report", result.Errors.Select(e => e.Key).ToList());
        }
    }

    private async Task SeedSupportRequestAsync(CancellationToken cancellationToken)
    {
        Guid requestId;
        await using (var municipality = scopes.CreateAsyncScope())
        {
            municipality.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
            var db = municipality.ServiceProvider.GetRequiredService<ValfardDbContext>();
            if (await db.SupportRequests.AnyAsync(cancellationToken))
            {
                return;
            }
            var term = await db.CouncilTerms.FirstAsync(t => t.StartDate == new DateOnly(2025, 6, 1), cancellationToken);
            var report = await db.Reports.Where(r => r.Kind == ReportKind.Comprehensive && r.CouncilTermId == term.Id)
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            var coordinator = await CoordinatorAsync(db, "coordinator@demo.test", cancellationToken);
            var (result, id) = await municipality.ServiceProvider.GetRequiredService<SupportService>().AskAsync(
                new SupportRequestForm { Kind = SupportKind.DataInterpretation, Message = RequestMessage, ReportId = report }, coordinator,
                cancellationToken);
            if (id is not { } asked)
            {
                LogFailed(logger, "support request", result.Errors.Select(e => e.Key).ToList());
                return;
            }
            requestId = asked;
        }
        await using var county = scopes.CreateAsyncScope();
        county.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.CountyId;
        var countyDb = county.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var support = county.ServiceProvider.GetRequiredService<SupportService>();
        var form = await support.AnswerFormAsync(requestId, "fi", cancellationToken);
        if (form is null)
        {
            LogFailed(logger, "support answer", ["not found"]);
            return;
        }
        form.Answer = RequestAnswer;
        var answered = await support.AnswerAsync(requestId, form, await CoordinatorAsync(countyDb, "county@demo.test", cancellationToken), cancellationToken);
        if (!answered.Succeeded)
        {
            LogFailed(logger, "support answer", answered.Errors.Select(e => e.Key).ToList());
        }
    }

    private static Task<Guid> CoordinatorAsync(ValfardDbContext db, string email, CancellationToken cancellationToken) =>
        db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).Where(u => u.Email == email).Select(u => u.Id).FirstAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo county's {Part} was not seeded: {Errors}")]
    private static partial void LogFailed(ILogger logger, string part, IReadOnlyList<string> errors);
}
