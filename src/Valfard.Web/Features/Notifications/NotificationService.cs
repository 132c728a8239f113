using Microsoft.EntityFrameworkCore;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Notifications;

/// <summary>The signed-in user's in-app notifications.</summary>
public sealed class NotificationService(ValfardDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .ToListAsync(cancellationToken);
        return notifications.OrderByDescending(n => n.CreatedAt).Take(200)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt is not null)).ToList();
    }

    /// <summary>Marks one notification read and returns where it leads; only the owner's own notifications.</summary>
    public async Task<string?> OpenAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return null;
        }
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notification.Link;
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var notification in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(cancellationToken))
        {
            notification.MarkRead(now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
