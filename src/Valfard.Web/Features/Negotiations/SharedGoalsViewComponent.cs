using Microsoft.AspNetCore.Mvc;
using Valfard.Web.Localization;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// On a welfare plan's page: the plan's goals that carry a shared goal agreed in a yearly negotiation, with the other
/// side, its goal code and how the agreement was followed up. Nothing is shown for a plan without shared goals.
/// </summary>
public sealed class SharedGoalsViewComponent(NegotiationService negotiations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId) =>
        View("~/Features/Negotiations/Views/Components/SharedGoals.cshtml",
            await negotiations.SharedGoalsAsync(planId, Cultures.Current, HttpContext.RequestAborted));
}
