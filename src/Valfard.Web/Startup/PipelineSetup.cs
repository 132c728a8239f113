using Serilog;
using Valfard.Infrastructure.Identity;

namespace Valfard.Web.Startup;

public static class PipelineSetup
{
    public static WebApplication UseValfardPipeline(this WebApplication app)
    {
        // Read now, so that a missing or malformed Valfard:PublicBaseUrl stops the start instead of the first mail.
        _ = app.Services.GetRequiredService<PublicAddress>();
        if (app.Configuration.GetValue<bool>(TrustedProxies.BehindProxyKey))
        {
            // Behind a TLS-terminating proxy: its X-Forwarded-* make HTTPS, secure cookies and client addresses right,
            // but only when they come from a proxy the operator named.
            app.UseForwardedHeaders(TrustedProxies.OptionsFrom(app.Configuration));
        }
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseValfardSecurityHeaders();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger (console and file), not the static start-up logger, which writes to the console only.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            // The user's id, never their e-mail address: logs must hold no personal data.
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                if (userId is not null)
                {
                    diagnostics.Set("UserId", userId);
                }
                var organisation = http.User.FindFirst(ValfardClaims.Organisation)?.Value;
                if (organisation is not null)
                {
                    diagnostics.Set("OrganisationId", organisation);
                }
            };
        });
        app.UseRequestLocalization();
        app.UseRouting();
        // After authentication, so that the per-user policies (document downloads, messages to the admins) see the
        // signed-in user; before it, every request looked anonymous and those limits were shared by one address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<FormCharset>();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }
}
