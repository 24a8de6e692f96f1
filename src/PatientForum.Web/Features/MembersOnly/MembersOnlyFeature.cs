using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.MembersOnly;

/// <summary>
/// Members-only reading: the watch on accounts that read members-only threads and profiles in bulk. Who may read a
/// members-only thread is <see cref="Accounts.ThreadAccess"/>'s rule; authors and moderators set it with
/// <c>Posting.ThreadAudienceController</c>.
/// </summary>
public static class MembersOnlyFeature
{
    public static IServiceCollection AddForumMembersOnly(this IServiceCollection services)
    {
        services.AddForumOptions<MembersOnlyOptions>(MembersOnlyOptions.SectionName);
        services.AddSingleton<ReadingWatch>();
        return services;
    }
}
