using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Localization;
using Valfard.Web.Services;

namespace Valfard.Web.Startup;

public static class ServiceSetup
{
    public const string LoginRateLimit = "login";
    public const string PublicFeedbackRateLimit = "public-feedback";

    public static IServiceCollection AddValfardWeb(this IServiceCollection services, IConfiguration configuration,
        IWebHostEnvironment environment)
    {
        DemoGuard.ThrowIfDemoInProduction(configuration, environment);

        services.AddValfardInfrastructure(configuration, environment.ContentRootPath, environment.IsDevelopment());
        services.AddHttpContextAccessor();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddScoped<OrganisationOverride>();
        services.AddScoped<ICurrentOrganisation, HttpCurrentOrganisation>();
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<BootstrapAdminOptions>(configuration.GetSection(BootstrapAdminOptions.Section));

        AddIdentity(services);
        AddLocalizedMvc(services);

        services.AddHealthChecks().AddDbContextCheck<ValfardDbContext>("database");
        var loginPermitsPerMinute = configuration.GetValue("Valfard:RateLimits:LoginPerMinute", 20);
        var feedbackPermitsPerHour = configuration.GetValue("Valfard:RateLimits:PublicFeedbackPerHour", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Slows password guessing from one address; per-account lockout is Identity's job.
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Anonymous feedback from one address: enough for a person, too little for a flood.
            options.AddPolicy(PublicFeedbackRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = feedbackPermitsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
        });

        // Valfard:PublicCacheMinutes = 0 switches the cache off (the benchmark measures the uncached page that way).
        var publicCacheMinutes = configuration.GetValue("Valfard:PublicCacheMinutes", 10);
        services.AddOutputCache(options => options.AddPolicy(Services.PublicSite.PublicCache.Policy, policy =>
        {
            if (publicCacheMinutes <= 0)
            {
                policy.NoCache();
                return;
            }
            policy.Expire(TimeSpan.FromMinutes(publicCacheMinutes)).Tag(Services.PublicSite.PublicCache.Tag);
        }));
        services.AddScoped<UserAdministration>();
        services.AddScoped<Services.Operations.DatabaseBackup>();
        services.Configure<Services.Operations.AuditRetentionOptions>(configuration.GetSection(Services.Operations.AuditRetentionOptions.Section));
        services.AddScoped<Services.Operations.AuditRetention>();
        services.AddHostedService<Services.Operations.AuditRetentionJob>();
        services.AddScoped<AccountMail>();
        services.AddScoped<SectorAdministration>();
        services.AddSingleton<Valfard.Infrastructure.Text.RichTextSanitizer>();
        services.AddScoped<Services.Reports.AuditTrail>();
        services.AddScoped<Services.Reports.ActorResolver>();
        services.AddScoped<Services.Reports.ReportTemplates>();
        services.AddScoped<Services.Reports.ReportService>();
        services.AddScoped<Services.Reports.SectionAssignment>();
        services.AddScoped<Services.Reports.SectionWriting>();
        services.AddScoped<Services.Reports.RevisionHistory>();
        services.AddScoped<Services.Reports.CommentService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<Services.Reports.ObservationService>();
        services.AddScoped<Services.Reports.TemplateService>();
        services.AddScoped<Services.Indicators.IndicatorService>();
        services.AddScoped<Services.Indicators.IndicatorSetService>();
        services.AddScoped<Services.Indicators.LocalIndicatorService>();
        services.AddSingleton<Services.Indicators.IndicatorImportJobs>();
        services.AddScoped<Services.Reports.LinkedPlanService>();
        services.AddScoped<Services.Plans.PlanActorResolver>();
        services.AddScoped<Services.Plans.PlanReader>();
        services.AddScoped<Services.Plans.PlanService>();
        services.AddScoped<Services.Plans.PlanEditing>();
        services.AddScoped<Services.Plans.FollowUpService>();
        services.AddScoped<Services.Plans.PlanCsvService>();
        services.AddScoped<Services.Plans.IPlanSnapshotSource, Services.Plans.PlanSnapshotSource>();
        services.AddScoped<OrganisationAdministration>();
        services.Configure<Services.Documents.PdfOptions>(configuration.GetSection(Services.Documents.PdfOptions.Section));
        services.AddSingleton<Services.Documents.ChromiumPdf>();
        services.AddScoped<Services.Documents.RazorDocumentRenderer>();
        services.AddScoped<Services.Documents.ReportDocumentBuilder>();
        services.AddScoped<Services.Documents.ReportPdfService>();
        services.AddScoped<Services.Documents.ReadingService>();
        services.AddScoped<Services.Reports.ReportWorkflowService>();
        services.AddScoped<StartPageService>();
        services.AddScoped<Services.PublicSite.PublicSiteService>();
        services.AddScoped<Services.PublicSite.ResidentFeedbackService>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoReportSeeder>();
        services.AddScoped<DemoIndicatorSeeder>();
        services.AddScoped<DemoArchiveSeeder>();
        services.AddScoped<DemoPlanSeeder>();
        services.AddScoped<BootstrapAdmin>();
        return services;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ValfardDbContext>()
            .AddUserStore<TenantAwareUserStore>()
            .AddSignInManager<ValfardSignInManager>()
            .AddClaimsPrincipalFactory<ValfardClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // A deactivated user's cookie stops working within a minute: deactivation renews the security stamp.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "valfard.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization();
    }

    private static void AddLocalizedMvc(IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(Cultures.Configure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "valfard.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        // Finnish and Swedish letters stay readable in the HTML instead of becoming numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Signed-in by default; public actions opt out with [AllowAnonymous]. An MVC filter rather than a
                // fallback policy, so an unknown address answers 404 instead of a sign-in redirect.
                options.Filters.Add(new AuthorizeFilter());
                options.ModelMetadataDetailsProviders.Add(new DefinedEnumValues());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
            ModelBindingMessages.Localize(mvc.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
    }
}
