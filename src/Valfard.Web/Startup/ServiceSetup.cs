using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Valfard.Infrastructure;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Infrastructure.Text;
using Valfard.Web.Common;
using Valfard.Web.Features.Account;
using Valfard.Web.Features.Admin;
using Valfard.Web.Features.Assessments;
using Valfard.Web.Features.County;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Feedback;
using Valfard.Web.Features.FollowUp;
using Valfard.Web.Features.Home;
using Valfard.Web.Features.Indicators;
using Valfard.Web.Features.Negotiations;
using Valfard.Web.Features.Notifications;
using Valfard.Web.Features.Plans;
using Valfard.Web.Features.PublicSite;
using Valfard.Web.Features.Reports;
using Valfard.Web.Features.Sections;
using Valfard.Web.Features.StandardSets;
using Valfard.Web.Features.Workflow;
using Valfard.Web.Localization;
using Valfard.Web.Startup.Demo;

namespace Valfard.Web.Startup;

public static class ServiceSetup
{
    public const string LoginRateLimit = "login";
    public const string PublicFeedbackRateLimit = "public-feedback";
    public const string DocumentDownloadRateLimit = "document-download";
    public const string IndicatorFeedbackRateLimit = "indicator-feedback";

    public static IServiceCollection AddValfardWeb(this IServiceCollection services, IConfiguration configuration,
        IWebHostEnvironment environment)
    {
        DemoGuard.ThrowIfDemoOutsideDevelopment(configuration, environment);

        services.AddValfardInfrastructure(configuration, environment.ContentRootPath, environment.IsDevelopment());
        services.AddHttpContextAccessor();
        // No "Server: Kestrel" header: it tells a prober what to try and helps nobody else.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        AddPublicAddress(services, configuration);
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
        var documentsPerMinute = configuration.GetValue("Valfard:RateLimits:DocumentDownloadsPerMinute", 10);
        var indicatorFeedbackPerHour = configuration.GetValue("Valfard:RateLimits:IndicatorFeedbackPerHour", 5);
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
            // Council-document downloads per signed-in user: enough to read and compare, too few to hold the PDF
            // printer's queue with a flood of draft requests.
            options.AddPolicy(DocumentDownloadRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = documentsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // A coordinator's messages to every system admin (a notification and a mail each): enough to report a few
            // indicators, too few to flood the admins' inboxes.
            options.AddPolicy(IndicatorFeedbackRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = indicatorFeedbackPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
        });

        // Valfard:PublicCacheMinutes = 0 switches the cache off (the benchmark measures the uncached page that way).
        var publicCacheMinutes = configuration.GetValue("Valfard:PublicCacheMinutes", 10);
        services.AddOutputCache(options => options.AddPolicy(PublicCache.Policy, policy =>
        {
            if (publicCacheMinutes <= 0)
            {
                policy.NoCache();
                return;
            }
            // Only the query keys the pages read are part of the cache key: any other (?x=<random>) would make
            // every request a new entry and a render, which turns the cache into a way to load the server.
            policy.Expire(TimeSpan.FromMinutes(publicCacheMinutes)).Tag(PublicCache.Tag).SetVaryByQuery(PublicCache.QueryKeys);
        }));
        services.AddSingleton<RichTextSanitizer>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ActorResolver>();
        services.AddAccount(configuration, environment).AddAdmin(configuration).AddHome().AddNotifications();
        services.AddReports().AddSections().AddWorkflow().AddDocuments(configuration);
        services.AddPlans().AddFollowUp().AddIndicators(configuration).AddStandardSets().AddPublicSite().AddFeedback().AddAssessments().AddNegotiations().AddCounty();
        services.AddScoped<DatabaseInitializer>();
        services.AddDemoSeeding();
        services.AddScoped<BootstrapAdmin>();
        return services;
    }

    /// <summary>
    /// Registers the address (read when first needed, so the backup and import commands do not need it) and, unless
    /// the operator set <c>AllowedHosts</c> themselves, restricts host filtering to <see cref="PublicAddress.AllowedHosts"/>.
    /// </summary>
    private static void AddPublicAddress(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => PublicAddress.FromConfiguration(configuration));
        services.AddOptions<HostFilteringOptions>().PostConfigure<PublicAddress>((options, address) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            {
                options.AllowedHosts = [.. address.AllowedHosts];
            }
        });
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
            .AddDefaultTokenProviders()
            // In place of Identity's authenticator provider, which reads the system clock instead of TimeProvider.
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);

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
        // "Remember this device" at the second sign-in step: the code is not asked again on it for 14 days.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.Name = "valfard.2fa-device";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
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
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Clear();
            foreach (var format in FeatureViewLocations.Formats)
            {
                options.ViewLocationFormats.Add(format);
            }
            options.ViewLocationExpanders.Insert(0, new FeatureViewLocations());
        });
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Signed-in by default; public actions opt out with [AllowAnonymous]. An MVC filter rather than a
                // fallback policy, so an unknown address answers 404 instead of a sign-in redirect.
                options.Filters.Add(new AuthorizeFilter());
                // After sign-in: a user who must use two-factor sign-in and has not set it up goes to the set-up page.
                options.Filters.Add<TwoFactorEnrolmentFilter>();
                options.ModelMetadataDetailsProviders.Add(new DefinedEnumValues());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
            ModelBindingMessages.Localize(mvc.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
    }
}
