namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Tells members' open pages that their notifications changed, so the bell updates. The live feature implements it
/// (through each member's own SignalR user), which keeps this feature free of the hub.
/// </summary>
public interface INotificationPush
{
    Task NotificationsChangedAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken);
}
