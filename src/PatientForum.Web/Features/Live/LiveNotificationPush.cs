using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Features.Notifications;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Tells members' open pages that their notifications changed, through SignalR's per-user addressing (the user is the
/// NameIdentifier claim): only that member's own connections hear it, and the page asks the hub for its count, so
/// nothing about one member's notifications is ever sent to another.
/// </summary>
public sealed partial class LiveNotificationPush(IHubContext<ForumHub, IForumClient> hub, ILogger<LiveNotificationPush> logger) : INotificationPush
{
    public async Task NotificationsChangedAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Users(memberIds).NotificationsChanged();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bell is brought up to date by the next page load; a failed push never fails the change itself.
            LogPushFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification push failed: {ErrorType}")]
    private partial void LogPushFailed(string errorType);
}
