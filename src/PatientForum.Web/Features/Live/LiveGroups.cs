namespace PatientForum.Web.Features.Live;

/// <summary>The one place that names SignalR groups.</summary>
public static class LiveGroups
{
    public static string Thread(int threadId) => $"thread:{threadId}";

    public static string Topic(string topicSlug) => $"topic:{topicSlug}";
}
