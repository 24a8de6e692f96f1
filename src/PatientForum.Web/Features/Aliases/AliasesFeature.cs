using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Aliases;

/// <summary>
/// Posting under a per-topic alias: the directory that makes aliases, the alias's page, the composer's choice, and the
/// moderators' reveal and suspension of the member behind one. Notifications reach the member through
/// <see cref="Data.AliasName.OwnersAsync"/>.
/// </summary>
public static class AliasesFeature
{
    public static IServiceCollection AddForumAliases(this IServiceCollection services)
    {
        services.AddForumOptions<AliasOptions>(AliasOptions.SectionName);
        services.AddScoped<AliasDirectory>();
        services.AddScoped<AliasModeration>();
        services.AddScoped<WriterAccounts>();
        return services;
    }
}
