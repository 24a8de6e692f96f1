namespace PatientForum.Web.Features.Reactions;

public static class ReactionsFeature
{
    /// <summary>Helpful, Me too and Sending support on posts, with their rate limit.</summary>
    public static IServiceCollection AddForumReactions(this IServiceCollection services)
    {
        services.AddScoped<ReactionService>();
        services.AddSingleton<ReactionRateLimits>();
        return services;
    }
}
