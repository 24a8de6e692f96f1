using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Notifications;

/// <summary>Watching threads and topics, notifications of replies, mentions, quotes and moderators' actions, and read tracking.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddForumNotifications(this IServiceCollection services)
    {
        services.AddForumOptions<NotificationOptions>(NotificationOptions.SectionName);
        services.AddSingleton<NotificationSignal>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationFanOut>();
        services.AddScoped<MentionedMembers>();
        services.AddScoped<NotificationReader>();
        services.AddScoped<ReadTracker>();
        services.AddScoped<Watching>();
        services.AddHostedService<NotificationWorker>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<NotificationMail>();
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());
        return services;
    }
}
