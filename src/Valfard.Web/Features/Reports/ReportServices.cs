namespace Valfard.Web.Features.Reports;

/// <summary>Reports, their template, joys and concerns and linked plans.</summary>
public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportTemplates>();
        services.AddScoped<ReportService>();
        services.AddScoped<SectionAssignment>();
        services.AddScoped<TemplateService>();
        services.AddScoped<ObservationService>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<LinkedPlanService>();
        services.AddScoped<LanguageStatusService>();
        return services;
    }
}
