namespace Valfard.Web.Features.Workflow;

/// <summary>The report's moves to the council and the council's reading view.</summary>
public static class WorkflowServices
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddScoped<ReportWorkflowService>();
        services.AddScoped<ReadingService>();
        services.AddScoped<CompletenessService>();
        return services;
    }
}
