using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Notifications;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Features.Notifications;

/// <summary>A person's own choice of e-mail per group of notifications.</summary>
public sealed class NotificationSettings(ValfardDbContext db, IConfiguration configuration)
{
    public async Task<NotificationSettingsForm> FormAsync(Guid userId, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Group, p => p.Delivery, cancellationToken);
        return new NotificationSettingsForm
        {
            Groups = NotificationKinds.Groups
                .Select(g => new GroupChoice { Group = g, Delivery = chosen.TryGetValue(g, out var c) ? c : NotificationKinds.DefaultFor(g) })
                .ToList(),
            DigestHour = DailyDigest.HourOf(configuration),
        };
    }

    /// <returns>False when the form named a group or a choice that does not exist.</returns>
    public async Task<bool> SaveAsync(Guid userId, NotificationSettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Groups.Any(g => !Enum.IsDefined(g.Group) || !Enum.IsDefined(g.Delivery)))
        {
            return false;
        }
        var saved = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Group, cancellationToken);
        foreach (var choice in form.Groups.DistinctBy(g => g.Group))
        {
            // Saving the page saves every group, so a later change of a default does not move a person's own choice.
            if (saved.TryGetValue(choice.Group, out var preference))
            {
                preference.Choose(choice.Delivery);
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference(userId, choice.Group, choice.Delivery));
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException)
        {
            return false;
        }
        return true;
    }
}

public sealed class NotificationSettingsForm
{
    public List<GroupChoice> Groups { get; set; } = [];

    /// <summary>Shown, not posted: the hour (Finnish time) the daily digest goes out, set by the installation.</summary>
    public int DigestHour { get; init; }
}

public sealed class GroupChoice
{
    public NotificationGroup Group { get; set; }
    public MailChoice Delivery { get; set; }
}
