using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Members' own place: the public profile (<c>/u/{name}</c>), its settings (<c>/account/profile</c>), generated avatars,
/// display names that link to profiles everywhere (<see cref="MemberNameTagHelper"/>), and @mentions linked in posts
/// (<see cref="MentionLinks"/>). Its pages are attribute-routed controllers, mapped with every other feature's by
/// MapControllers, so there is nothing of its own to map.
/// </summary>
public static class ProfilesFeature
{
    public static IServiceCollection AddForumProfiles(this IServiceCollection services)
    {
        services.AddForumOptions<ProfileOptions>(ProfileOptions.SectionName);
        services.AddScoped<ProfileReader>();
        services.AddScoped<MentionLinks>();
        services.AddSingleton<ProfileEditLimits>();
        return services;
    }
}
