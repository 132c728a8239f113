using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Startup.Demo;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>The authorization matrix and antiforgery sweep change data (workflow moves, removals), so they get an app of their own.</summary>
[CollectionDefinition(Name)]
public sealed class MatrixCollection : ICollectionFixture<MatrixFixture>
{
    public const string Name = "authorization matrix";
}

/// <summary>The app for the matrix: the public feedback limit is raised because every role posts the public forms.</summary>
public sealed class MatrixFactory : ValfardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Valfard:RateLimits:PublicFeedbackPerHour", "100000");
    }
}

public enum Outcome
{
    /// <summary>2xx, or 3xx not to sign-in or access-denied; for a POST also 400 as JSON, 409 and 422 (the action ran and refused the input).</summary>
    Allowed,
    /// <summary>302 to /account/login.</summary>
    RedirectToLogin,
    /// <summary>302 to /account/access-denied, or 403.</summary>
    Forbidden,
    /// <summary>404: the entity does not exist for this user (another organisation's entity is hidden).</summary>
    NotFound,
    /// <summary>400 page: the antiforgery check refused the form.</summary>
    BadRequest,
    /// <summary>Anything else, e.g. 500.</summary>
    Error,
}

public enum Tenant
{
    Own,
    Other,
}

/// <summary>One controller action found by reflection, with its full route template.</summary>
public sealed record ActionInfo(string Key, string Verb, Type Controller, MethodInfo Method, string Template)
{
    public bool ChangesState => Verb is not "GET";

    public override string ToString() => Key;
}

/// <summary>A browser signed in as one role (or anonymous) in Demokommun (own) or Esimerkkilä (other).</summary>
public sealed class MatrixClient(string? role, Tenant tenant, Guid? userId, Browser browser, string token)
{
    public string? Role { get; } = role;
    public Tenant Tenant { get; } = tenant;
    public Guid? UserId { get; } = userId;
    public Browser Browser { get; } = browser;
    public string Token { get; } = token;

    public override string ToString() => $"{Role ?? "Anonymous"}@{Tenant}";
}

/// <summary>
/// One app, single-role users in both organisations, one signed-in browser per (role, organisation), and the ids of
/// Demokommun's entities that the actions' routes point at.
/// </summary>
public sealed partial class MatrixFixture : IAsyncLifetime
{
    public MatrixFactory Factory { get; } = new();

    public List<MatrixClient> Clients { get; } = [];

    public static IReadOnlyList<string> MatrixRoles => Roles.All;

    private Guid _reportId, _archivedReportId, _sectionId, _threadId, _goalId, _measureId, _planIndicatorId, _localIndicatorId, _districtId,
        _setId, _standardSetId, _linkedPlanId, _feedbackId, _observationId, _templateSectionId, _sectorId, _targetUserId, _planId, _coordinatorJob;
    private int _indicatorId;
    private string _publishedSlug = "";
    private readonly Dictionary<Guid, Guid> _notifications = [];
    private readonly Dictionary<Guid, Guid> _jobs = [];
    private Guid _demoCoordinatorId;
    private Guid _assessmentId, _alternativeId, _impactId, _areaId, _publicAssessmentId;
    private Guid _negotiationId, _negotiationItemId, _participantId, _agreementId;

    /// <summary>An id nothing has: for deliveries, support requests and kept copies the matrix's organisations never have.</summary>
    private static readonly Guid MissingId = new("0000dead-0000-4000-8000-00000000beef");
    private int _serial;

    public async Task InitializeAsync()
    {
        using (Factory.CreateClient())
        {
            // starts the app: migrations and demo data
        }
        await CreateUsersAsync();
        await ReadTargetsAsync();
        var anonymous = Browser.Open(Factory, "fi");
        Clients.Add(new MatrixClient(null, Tenant.Own, null, anonymous, await anonymous.TokenFromAsync("/account/login")));
        foreach (var tenant in new[] { Tenant.Own, Tenant.Other })
        {
            foreach (var role in MatrixRoles)
            {
                var email = EmailOf(role, tenant);
                var browser = await Browser.SignedInAsync(Factory, email);
                var user = await Factory.UserAsync(email);
                Clients.Add(new MatrixClient(role, tenant, user.Id, browser, await browser.TokenFromAsync("/account/change-password")));
            }
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients)
        {
            client.Browser.Dispose();
        }
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A session of its own for the same user, for an action that ends the session (signing out).</summary>
    public async Task<MatrixClient> SeparateSessionAsync(MatrixClient client)
    {
        if (client.Role is null)
        {
            var visitor = Browser.Open(Factory, "fi");
            return new MatrixClient(null, client.Tenant, null, visitor, await visitor.TokenFromAsync("/account/login"));
        }
        var browser = await Browser.SignedInAsync(Factory, EmailOf(client.Role, client.Tenant));
        return new MatrixClient(client.Role, client.Tenant, client.UserId, browser, await browser.TokenFromAsync("/account/change-password"));
    }

    public static string EmailOf(string role, Tenant tenant) =>
        $"matrix-{role.ToLowerInvariant()}@{(tenant == Tenant.Own ? "demo.test" : "esimerkkila.test")}";

    // ---- actions by reflection

    /// <summary>Every public action of every controller in the web app, one per HTTP method.</summary>
    public static IReadOnlyList<ActionInfo> AllActions()
    {
        var actions = new List<ActionInfo>();
        var controllers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && typeof(Controller).IsAssignableFrom(t));
        foreach (var controller in controllers)
        {
            var prefix = controller.GetCustomAttribute<RouteAttribute>()?.Template ?? string.Empty;
            var name = controller.Name[..^"Controller".Length];
            if (controller.Namespace?.EndsWith(".Admin", StringComparison.Ordinal) == true)
            {
                name = "Admin." + name;
            }
            var methods = controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null);
            foreach (var method in methods)
            {
                var verbs = method.GetCustomAttributes<HttpMethodAttribute>().ToList();
                if (verbs.Count == 0)
                {
                    // [Route] only: the action answers every method.
                    var template = method.GetCustomAttribute<RouteAttribute>()?.Template ?? string.Empty;
                    actions.Add(new ActionInfo($"ANY {name}.{method.Name}", "ANY", controller, method, Combine(prefix, template)));
                    continue;
                }
                foreach (var attribute in verbs)
                {
                    foreach (var verb in attribute.HttpMethods)
                    {
                        actions.Add(new ActionInfo($"{verb} {name}.{method.Name}", verb, controller, method, Combine(prefix, attribute.Template ?? string.Empty)));
                    }
                }
            }
        }
        return actions.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
    }

    private static string Combine(string prefix, string template) =>
        template.StartsWith('/') ? template : template.StartsWith("~/", StringComparison.Ordinal) ? template[1..]
            : "/" + string.Join('/', new[] { prefix, template }.Where(p => p.Length > 0));

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    // ---- requests

    /// <summary>The address of the action for this client, with route values pointing at Demokommun's entities.</summary>
    public async Task<string> UrlAsync(ActionInfo action, MatrixClient client, bool freshTargets = true)
    {
        var fresh = freshTargets && client.Tenant == Tenant.Own && client.Role is not null ? await FreshTargetAsync(action) : null;
        var path = RouteParameter().Replace(action.Template, m => ValueOf(action, m.Groups[1].Value, client, fresh));
        // Forms that need an owner in the query: a follow-up indicator is added to a goal.
        if (action.Controller.Name == "EvidenceController" && action.Method.Name != "Link")
        {
            // Accepting, rejecting and proposing name the indicator and the kind in the query (the form posts them too).
            var indicator = _indicatorId.ToString(CultureInfo.InvariantCulture);
            return $"{path}?indicator={indicator}&IndicatorId={indicator}&kind=Concern&reportId={_reportId}";
        }
        return action.Key.EndsWith(" FollowUpIndicators.NewIndicator", StringComparison.Ordinal) ? $"{path}?goalId={_goalId}" : path;
    }

    public async Task<(Outcome Outcome, HttpResponseMessage Response, string Body)> SendAsync(ActionInfo action, MatrixClient client, bool withToken = true)
    {
        // Without a token nothing may change, so the request points at the demo's own entities, not throwaway ones.
        var url = await UrlAsync(action, client, freshTargets: withToken);
        var response = action.Verb is "GET" or "ANY"
            ? await client.Browser.Client.GetAsync(url)
            : await client.Browser.Client.SendAsync(new HttpRequestMessage(new HttpMethod(action.Verb), url)
            {
                Content = Browser.Form(withToken ? client.Token : null),
            });
        var body = await response.Content.ReadAsStringAsync();
        return (Classify(response, action.ChangesState), response, body);
    }

    public static Outcome Classify(HttpResponseMessage response, bool post)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var path = location is null ? string.Empty : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
            if (path.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                return Outcome.RedirectToLogin;
            }
            return path.StartsWith("/account/access-denied", StringComparison.OrdinalIgnoreCase) ? Outcome.Forbidden : Outcome.Allowed;
        }
        var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true;
        return status switch
        {
            < 300 => Outcome.Allowed,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            400 when post && json => Outcome.Allowed,
            409 or 422 when post => Outcome.Allowed,
            400 => Outcome.BadRequest,
            _ => Outcome.Error,
        };
    }

    private string ValueOf(ActionInfo action, string parameter, MatrixClient client, Guid? fresh)
    {
        var controller = action.Controller.Name;
        var template = action.Template;
        string G(Guid id) => id.ToString();
        return parameter switch
        {
            "reportId" => G(_reportId),
            "sectionId" => G(_sectionId),
            "threadId" => G(_threadId),
            "year" => "2025",
            "measureId" => G(_measureId),
            "goalId" => G(_goalId),
            "move" => nameof(WorkflowAction.Publish),
            "language" => "fi",
            "number" => "1",
            "indicatorId" => _indicatorId.ToString(CultureInfo.InvariantCulture),
            "job" => G(client.Tenant == Tenant.Own && client.UserId is { } u ? JobOf(u) : _coordinatorJob),
            "lang" => "fi",
            "organisation" => "demo",
            "report" => _publishedSlug,
            "file" => "data.json",
            "outcome" => "Rejected",
            "code" => "404",
            "alternativeId" => G(_alternativeId),
            "impactId" => G(_impactId),
            "kind" => "complete",
            "step" => "held",
            "itemId" => G(_negotiationItemId),
            "participantId" => G(_participantId),
            "agreementId" => G(_agreementId),
            "municipalityId" => G(DemoSeeder.DemokommunId),
            "planId" => G(_planId),
            "documentId" => G(MissingId),
            "id" when fresh is { } f => G(f),
            "id" => controller switch
            {
                "FeedbackController" => G(_feedbackId),
                "IndicatorsController" => _indicatorId.ToString(CultureInfo.InvariantCulture),
                "LocalIndicatorsController" => G(_localIndicatorId),
                "DistrictsController" => G(_districtId),
                "IndicatorSetsController" => G(_setId),
                "StandardSetsController" => G(_standardSetId),
                "LinkedPlansController" => G(_linkedPlanId),
                "NotificationsController" => G(_notifications[client.Tenant == Tenant.Own && client.UserId is { } u ? u : _demoCoordinatorId]),
                "ObservationsController" => G(_observationId),
                "EvidenceController" => G(_observationId),
                "GoalsController" => G(_goalId),
                "MeasuresController" => G(_measureId),
                "FollowUpIndicatorsController" => G(_planIndicatorId),
                "ReportsController" => G(_reportId),
                "DocumentsController" when action.Method.Name == "Pdf" => G(_archivedReportId),
                "DocumentsController" => G(_reportId),
                "WorkflowController" => G(_reportId),
                "TemplateController" => G(_templateSectionId),
                "OrganisationsController" => G(DemoSeeder.DemokommunId),
                "SectorsController" => G(_sectorId),
                "UsersController" => G(_targetUserId),
                "AssessmentsController" => G(_assessmentId),
                "AssessmentAreasController" => G(_areaId),
                "PublicAssessmentsController" => G(_publicAssessmentId),
                "NegotiationsController" => G(_negotiationId),
                "CountyController" or "SupportController" => G(MissingId),
                _ => throw new InvalidOperationException($"No route value for id of {action.Key}"),
            },
            _ => throw new InvalidOperationException($"No route value for {parameter} of {action.Key}"),
        };
    }

    private Guid JobOf(Guid userId)
    {
        if (!_jobs.TryGetValue(userId, out var job))
        {
            // A run of this user that fails at once (its file is not there); the matrix only needs it to exist.
            job = Guid.NewGuid();
            var run = ImportRun.ForFile(job, "matrix.txt", Path.Combine(Path.GetTempPath(), $"{job:N}.missing"), userId, "matrix", ValfardFactory.Today);
            Factory.QueryAsync(db =>
            {
                db.ImportRuns.Add(run);
                return db.SaveChangesAsync();
            }).GetAwaiter().GetResult();
            _jobs[userId] = job;
        }
        return job;
    }

    /// <summary>Removals get an entity of their own per request, so that one role's removal does not change the next row.</summary>
    private async Task<Guid?> FreshTargetAsync(ActionInfo action)
    {
        var n = Interlocked.Increment(ref _serial);
        var now = ValfardFactory.Today;
        switch (action.Key)
        {
            case "POST Observations.Remove":
                return await AddAsync(db => new Observation(Guid.NewGuid(), _reportId, DemoSeeder.DemokommunId, ObservationKind.Joy, LifeStage.Youth,
                    $"Matrix {n}", $"Matrix {n}", "", _demoCoordinatorId, now), db => db.Observations);
            case "POST LinkedPlans.Remove":
                return await AddAsync(db => LinkedPlan.Link(Guid.NewGuid(), _reportId, DemoSeeder.DemokommunId, LinkedPlanKind.Equality, $"Matrix {n}",
                    "https://example.test/plan", _demoCoordinatorId, now), db => db.LinkedPlans);
            case "POST Goals.RemoveGoal":
                return await AddAsync(db => new Goal(Guid.NewGuid(), db.Plans.Single(p => p.Id == _planId), $"M{n}", 90 + n), db => db.Goals);
            case "POST Measures.RemoveMeasure":
                return await AddAsync(db => new Measure(Guid.NewGuid(), db.Goals.Single(g => g.Id == _goalId), $"M{n}", 90 + n), db => db.Measures);
            case "POST FollowUpIndicators.RemoveIndicator":
                return await AddAsync(db => FollowUpIndicator.ForGoal(Guid.NewGuid(), db.Goals.Single(g => g.Id == _goalId), _indicatorId, null, 90 + n),
                    db => db.PlanIndicators);
            case "POST LocalIndicators.Remove":
                return await AddAsync(db =>
                {
                    var local = new LocalIndicator(Guid.NewGuid(), DemoSeeder.DemokommunId, $"Matrix {n}", $"Matrix {n}", "%", IndicatorDirection.HigherIsBetter);
                    local.Record(2025, 1, "matrix", _demoCoordinatorId, now);
                    return local;
                }, db => db.LocalIndicators);
            case "POST Districts.Remove":
                return await AddAsync(_ => new District(Guid.NewGuid(), DemoSeeder.DemokommunId, $"Matrix district {n}", string.Empty), db => db.Districts);
            case "POST StandardSets.RemoveMember" or "POST StandardSets.Delete":
                return await AddAsync(_ => MatrixStandardSet($"Matrix standard {n}"), db => db.StandardSets);
            case "POST FollowUp.ClearOverride":
                await EnsureOverrideAsync();
                return null;
            case "POST Admin.Users.Deactivate":
                return await CreateUserAsync($"matrix-target-{n}@demo.test", DemoSeeder.DemokommunId, Roles.Editor, null);
            default:
                return null;
        }
    }

    private async Task EnsureOverrideAsync()
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var round = await db.FollowUpRounds.SingleAsync(r => r.Year == 2025);
        if (!await db.AssessmentOverrides.AnyAsync(o => o.RoundId == round.Id && o.GoalId == _goalId))
        {
            var goal = await db.Goals.SingleAsync(g => g.Id == _goalId);
            db.AssessmentOverrides.Add(new GoalAssessmentOverride(Guid.NewGuid(), round, goal, Assessment.AtRisk, "Matrix", _demoCoordinatorId, ValfardFactory.Today));
            await db.SaveChangesAsync();
        }
    }

    private async Task<Guid> AddAsync<T>(Func<ValfardDbContext, T> create, Func<ValfardDbContext, DbSet<T>> set) where T : class
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var entity = create(db);
        set(db).Add(entity);
        await db.SaveChangesAsync();
        return (Guid)typeof(T).GetProperty("Id")!.GetValue(entity)!;
    }

    // ---- set-up

    private async Task CreateUsersAsync()
    {
        foreach (var tenant in new[] { Tenant.Own, Tenant.Other })
        {
            var organisation = tenant == Tenant.Own ? DemoSeeder.DemokommunId : DemoSeeder.EsimerkkilaId;
            foreach (var role in MatrixRoles)
            {
                await CreateUserAsync(EmailOf(role, tenant), organisation, role, role == Roles.Editor ? "education" : null);
            }
        }
        _targetUserId = await CreateUserAsync("matrix-target@demo.test", DemoSeeder.DemokommunId, Roles.Editor, null);
    }

    private async Task<Guid> CreateUserAsync(string email, Guid organisationId, string role, string? sectorCode)
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = organisationId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = ApplicationUser.New(email, $"Matrix {role}", organisationId, ValfardFactory.Today);
        if (sectorCode is not null)
        {
            var sector = await db.Sectors.IgnoreQueryFilters().SingleAsync(s => s.OrganisationId == organisationId && s.Code == sectorCode);
            user.Sectors.Add(new UserSector { UserId = user.Id, SectorId = sector.Id });
        }
        var result = await users.CreateAsync(user, Browser.DemoPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return user.Id;
    }

    private async Task ReadTargetsAsync()
    {
        var demo = DemoSeeder.DemokommunId;
        var report = await Factory.DemoReportAsync();
        _reportId = report.Id;
        _demoCoordinatorId = (await Factory.UserAsync("coordinator@demo.test")).Id;
        _coordinatorJob = JobOf(_demoCoordinatorId);
        await Factory.QueryAsync(async db =>
        {
            var archived = await db.Reports.IgnoreQueryFilters().SingleAsync(r => r.OrganisationId == demo && r.TitleFi == DemoArchiveSeeder.TitleFi);
            _archivedReportId = archived.Id;
            _publishedSlug = "hyvinvointikertomus-2021-2025";
            var education = await db.Sectors.IgnoreQueryFilters().SingleAsync(s => s.OrganisationId == demo && s.Code == "education");
            _sectorId = education.Id;
            // The education section with the demo's comment thread: the matrix editor (education) writes it.
            var thread = await db.SectionComments.IgnoreQueryFilters()
                .Where(c => c.OrganisationId == demo && c.ParentId == null && db.ReportSections.IgnoreQueryFilters()
                    .Any(s => s.Id == c.SectionId && s.ReportId == report.Id && s.SectorId == education.Id))
                .FirstAsync();
            _threadId = thread.Id;
            _sectionId = thread.SectionId;
            // The plan of the current report's term: the demo also has the plan of Demokommun's delivered 2021–2025 report.
            _planId = (await db.Plans.IgnoreQueryFilters().FirstAsync(p => p.OrganisationId == demo && p.CouncilTermId == report.CouncilTermId)).Id;
            var measure = await db.Measures.IgnoreQueryFilters().Where(m => m.OrganisationId == demo && m.PlanId == _planId).OrderBy(m => m.Code).FirstAsync();
            _measureId = measure.Id;
            _goalId = measure.GoalId;
            _indicatorId = (await db.Indicators.OrderBy(i => i.Id).FirstAsync()).Id;
            _localIndicatorId = (await db.LocalIndicators.IgnoreQueryFilters().FirstAsync(l => l.OrganisationId == demo)).Id;
            _observationId = (await db.Observations.IgnoreQueryFilters().FirstAsync(o => o.OrganisationId == demo && o.ReportId == report.Id)).Id;
            var template = await db.ReportTemplates.IgnoreQueryFilters().Include(t => t.Sections).FirstAsync(t => t.OrganisationId == demo);
            _templateSectionId = template.Sections.OrderBy(s => s.Position).Last().Id;
            return 0;
        });
        _planIndicatorId = await AddAsync(db => FollowUpIndicator.ForGoal(Guid.NewGuid(), db.Goals.Single(g => g.Id == _goalId), _indicatorId, null, 80),
            db => db.PlanIndicators);
        _setId = await AddAsync(_ => new IndicatorSet(Guid.NewGuid(), demo, "Matrix set"), db => db.IndicatorSets);
        _districtId = await AddAsync(_ => new District(Guid.NewGuid(), demo, "Matrix district", "Matrisens område"), db => db.Districts);
        _standardSetId = await AddAsync(_ => MatrixStandardSet("Matrix standard"), db => db.StandardSets);
        // An uploaded file, so that the download answers with the file.
        var pdf = "%PDF-1.7\n%matrix\n"u8.ToArray();
        _linkedPlanId = await AddAsync(db =>
        {
            var plan = LinkedPlan.File(Guid.NewGuid(), _reportId, demo, LinkedPlanKind.Equality, "Matrix plan", "matrix.pdf", "application/pdf",
                pdf.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), _demoCoordinatorId, ValfardFactory.Today);
            db.AttachmentContents.Add(new AttachmentContent(plan.Id, demo, pdf));
            return plan;
        }, db => db.LinkedPlans);
        _feedbackId = await AddFeedbackAsync();
        // An assessment in preparation of Demokommun's, with the areas the demo seeded.
        var assessment = await Factory.QueryAsync(async db =>
        {
            var areas = await db.AssessmentAreas.IgnoreQueryFilters().Where(a => a.OrganisationId == demo).ToListAsync();
            var started = Valfard.Domain.Assessments.ImpactAssessment.Start(Guid.NewGuid(), demo, "Matrix assessment", "Matrix body", null, string.Empty,
                _demoCoordinatorId, false, "fi", "Matrix nothing", "Matrix option", areas, _demoCoordinatorId, ValfardFactory.Today);
            db.ImpactAssessments.Add(started);
            await db.SaveChangesAsync();
            return started;
        });
        _assessmentId = assessment.Id;
        _alternativeId = assessment.OrderedAlternatives[1].Id;
        _impactId = assessment.Impacts.First().Id;
        _areaId = assessment.AreaIds[0];
        _publicAssessmentId = await Factory.QueryAsync(db => db.ImpactAssessments.IgnoreQueryFilters()
            .Where(a => a.OrganisationId == demo && a.DecisionTitle == DemoAssessmentSeeder.SchoolTitle).Select(a => a.Id).SingleAsync());
        // The demo county's approved 2026 negotiation with Demokommun: Demokommun's side of it, and its rows.
        var negotiation = await Factory.QueryAsync(db => db.Negotiations.IgnoreQueryFilters().Include(n => n.Agenda).Include(n => n.Participants)
            .Include(n => n.Agreements).AsSplitQuery().SingleAsync(n => n.MunicipalityId == demo && n.Year == 2026));
        _negotiationId = negotiation.Id;
        _negotiationItemId = negotiation.Agenda.First(i => i.Side == Valfard.Domain.Negotiations.NegotiationSide.Municipality).Id;
        _participantId = negotiation.Participants.First().Id;
        _agreementId = negotiation.OrderedAgreements[0].Id;
        var everyone = await Factory.QueryAsync(db => db.Users.IgnoreQueryFilters().Select(u => new { u.Id, u.OrganisationId }).ToListAsync());
        foreach (var user in everyone)
        {
            using var scope = Factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = user.OrganisationId;
            var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
            var notification = new Notification(user.OrganisationId, user.Id, "Notification.Mentioned", "Matrix", "/", ValfardFactory.Today);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            _notifications[user.Id] = notification.Id;
        }
    }

    /// <summary>A national standard set holding the matrix's indicator, so that leaving it out finds it.</summary>
    private StandardSet MatrixStandardSet(string name)
    {
        var set = new StandardSet(Guid.NewGuid(), name, name, name, StandardSetKind.Any, string.Empty);
        set.ReplaceMembers([_indicatorId]);
        return set;
    }

    private async Task<Guid> AddFeedbackAsync()
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationOverride>().OrganisationId = DemoSeeder.DemokommunId;
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        var feedback = new Valfard.Domain.Feedback.ResidentFeedback(DemoSeeder.DemokommunId, Valfard.Domain.Feedback.FeedbackKind.Accessibility,
            null, "fi", "/fi", "Matrix feedback", null, null, ValfardFactory.Today);
        db.ResidentFeedback.Add(feedback);
        await db.SaveChangesAsync();
        return feedback.Id;
    }
}
