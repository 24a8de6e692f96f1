using PatientForum.Web.Infrastructure;

namespace PatientForum.Web.Features.Notifications;

/// <summary>Wakes the <see cref="NotificationWorker"/> when a post is saved; tests wait on it for the fan-out to finish.</summary>
public sealed class NotificationSignal : WorkerSignal;
