namespace Valfard.Web.Features.Plans;

/// <summary>The welfare plan: goals, measures, follow-up indicators and CSV.</summary>
public static class PlanServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanActorResolver>();
        services.AddScoped<PlanReader>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<GoalEditor>();
        services.AddScoped<MeasureEditor>();
        services.AddScoped<FollowUpIndicatorEditor>();
        services.AddScoped<PlanCsvService>();
        services.AddScoped<IPlanSnapshotSource, PlanSnapshotSource>();
        return services;
    }
}
