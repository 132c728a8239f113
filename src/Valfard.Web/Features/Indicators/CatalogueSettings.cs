using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Mail;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;
using Valfard.Web.Features.Account;

namespace Valfard.Web.Features.Indicators;

public sealed record CatalogueChangeItem(DateTimeOffset At, string UserName, string Action, string Subject, string OldValue, string NewValue);

/// <summary>
/// The installation-wide settings of the shared catalogue: only a system admin changes them, and each change is
/// recorded as a <see cref="CatalogueChange"/>. A coordinator who disagrees tells the admins instead: a notification
/// and a mail to each of them.
/// </summary>
public sealed partial class CatalogueSettings(
    ValfardDbContext db,
    ICurrentOrganisation current,
    TimeProvider clock,
    MailDeliverySignal mailSignal,
    ILogger<CatalogueSettings> logger)
{
    public const int MessageMaxLength = OutgoingMail.MessageMaxLength;

    /// <summary>More admins than this would be an odd installation; the bound keeps one message from fanning out without end.</summary>
    public const int MaxRecipients = 20;

    public async Task<OperationResult> ChangeDirectionAsync(int id, IndicatorDirection direction, Guid adminId, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Missing();
        }
        IndicatorDirection previous;
        try
        {
            previous = indicator.ChangeDirection(direction);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        if (previous != direction)
        {
            db.CatalogueChanges.Add(new CatalogueChange(adminId, "Catalogue.DirectionChanged", $"{id} {indicator.Title.Pick("fi")}",
                previous.ToString(), direction.ToString(), clock.GetUtcNow()));
            LogDirectionChanged(logger, id, previous, direction, adminId);
        }
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a coordinator's message about an indicator to every active system admin: an in-app notification in the
    /// admin's own organisation and a queued mail in the admin's language, with a link to the indicator.
    /// </summary>
    public async Task<OperationResult> TellAdminsAsync(int id, string? message, Guid senderId, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null || current.OrganisationId is not { } organisationId)
        {
            return OperationResult.Missing();
        }
        message = message?.Trim() ?? string.Empty;
        if (message.Length == 0)
        {
            return OperationResult.Fail("message", "Indicators.TellAdmins.MessageRequired");
        }
        if (message.Length > MessageMaxLength)
        {
            return OperationResult.Fail("message", "Indicators.TellAdmins.MessageTooLong");
        }
        var sender = await db.Users.AsNoTracking().FirstAsync(u => u.Id == senderId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == organisationId, cancellationToken);
        var from = $"{sender.DisplayName}, {organisation.NameIn("fi")}";
        // System admins are in organisations of their own: finding them crosses the tenant filter, reading only
        // what the notification and the mail need.
        var adminRole = await db.Roles.Where(r => r.Name == Roles.SystemAdmin).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var admins = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole))
            .OrderBy(u => u.Email).Take(MaxRecipients)
            .Select(u => new { u.Id, u.OrganisationId, u.Email, u.PreferredLanguage })
            .ToListAsync(cancellationToken);
        if (admins.Count == 0)
        {
            return OperationResult.Fail(null, "Indicators.TellAdmins.NoAdmins");
        }
        var now = clock.GetUtcNow();
        var link = $"/indicators/{id}";
        foreach (var admin in admins)
        {
            db.Notifications.Add(new Notification(admin.OrganisationId, admin.Id, "Notification.IndicatorFeedback",
                $"{id} {indicator.Title.Pick(admin.PreferredLanguage ?? "fi")} – {from}: {message}", link, now));
            if (!string.IsNullOrEmpty(admin.Email))
            {
                db.OutgoingMail.Add(OutgoingMail.AboutIndicator(admin.Email, admin.PreferredLanguage ?? "fi", id, from, message, now));
            }
        }
        var saved = await db.SaveAsync(cancellationToken);
        if (saved.Succeeded)
        {
            mailSignal.Wake();
            LogAdminsTold(logger, id, senderId, organisationId, admins.Count);
        }
        return saved;
    }

    /// <summary>The latest changes to the shared catalogue, newest first, with who made them.</summary>
    public async Task<IReadOnlyList<CatalogueChangeItem>> RecentChangesAsync(int count, CancellationToken cancellationToken)
    {
        // Dates are ordered here: SQLite cannot order DateTimeOffset values. The log is small and read by admins only.
        var changes = (await db.CatalogueChanges.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(c => c.At).Take(count).ToList();
        var userIds = changes.Select(c => c.UserId).Distinct().ToList();
        var names = await db.Users.IgnoreQueryFilters([ValfardDbContext.TenantFilter]).AsNoTracking()
            .Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Email})", cancellationToken);
        return changes.Select(c => new CatalogueChangeItem(c.At, names.GetValueOrDefault(c.UserId, c.UserId.ToString()), c.Action, c.Subject,
            c.OldValue, c.NewValue)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indicator {IndicatorId}: direction {Previous} -> {Direction} by system admin {UserId}")]
    private static partial void LogDirectionChanged(ILogger logger, int indicatorId, IndicatorDirection previous, IndicatorDirection direction, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indicator {IndicatorId}: user {UserId} of organisation {OrganisationId} told {Admins} system admins")]
    private static partial void LogAdminsTold(ILogger logger, int indicatorId, Guid userId, Guid organisationId, int admins);
}
