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
        await SeedSupportRequestAsync(cancellationToken);
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
