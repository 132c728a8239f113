namespace Valfard.Web.Features.Assessments;

/// <summary>Impact assessments in advance (EVA): areas, assessments, evidence and documents.</summary>
public static class AssessmentServices
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentAreaService>();
        services.AddScoped<AssessmentEvidence>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentDocuments>();
        services.AddScoped<YearAssessments>();
        return services;
    }
}
