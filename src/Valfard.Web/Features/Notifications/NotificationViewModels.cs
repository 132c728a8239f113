using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);
