namespace PatientForum.Web.Features.Threads;

public static class ThreadsFeature
{
    /// <summary>Reading topics, threads and posts as the viewer may see them.</summary>
    public static IServiceCollection AddForumThreads(this IServiceCollection services) =>
        services.AddScoped<ThreadReader>().AddScoped<LatestThreads>().AddScoped<ThreadMetaBuilder>();
}
