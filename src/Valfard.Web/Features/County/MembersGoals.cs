using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Web.Features.Documents;

namespace Valfard.Web.Features.County;

/// <summary>
/// The block "Member municipalities' goals by life stage" of a regional report (issue 18 §3): the goals of the plans
/// the members have delivered to the signed-in county, each with its municipality, its title in the document's
/// language and where its measures stand. What may be read is decided by <see cref="CountyAccess"/> alone.
/// </summary>
public sealed class MembersGoals(CountyAccess access)
{
    public async Task<IReadOnlyList<DocumentMemberGoal>> ForAsync(string language, CancellationToken cancellationToken) =>
        Build(await access.DeliveredPlansAsync(cancellationToken), language);

    /// <summary>By life stage (children first, the whole population last), then by member as given, then in the plan's order.</summary>
    public static IReadOnlyList<DocumentMemberGoal> Build(
        IEnumerable<(Organisation Member, WelfarePlan Plan, IReadOnlyList<Goal> Goals, IReadOnlyList<Measure> Measures)> plans, string language)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.SelectMany((p, memberOrder) => p.Goals.Select(goal =>
            {
                var measures = p.Measures.Where(m => m.GoalId == goal.Id).ToList();
                int Count(MeasureStatus status) => measures.Count(m => m.Status == status);
                // A Swedish reader gets the Finnish title, marked as such, when the municipality wrote only that.
                var titleLanguage = language == "sv" && goal.TitleSv.Length == 0 ? "fi" : null;
                return (Order: memberOrder, goal.Position, Goal: new DocumentMemberGoal(goal.LifeStage, p.Member.NameIn(language), goal.Code,
                    goal.TitleIn(language), titleLanguage, measures.Count, Count(MeasureStatus.Done), Count(MeasureStatus.InProgress),
                    Count(MeasureStatus.NotStarted), Count(MeasureStatus.Postponed)));
            }))
            .OrderBy(g => g.Goal.LifeStage).ThenBy(g => g.Order).ThenBy(g => g.Position)
            .Select(g => g.Goal).ToList();
    }
}
