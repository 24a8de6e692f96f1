using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.AccountDeletion;

public static class AccountDeletionFeature
{
    /// <summary>A member deletes their account (anonymize or erase), or one of their posts with a while to undo it.</summary>
    public static IServiceCollection AddForumAccountDeletion(this IServiceCollection services)
    {
        services.AddForumOptions<PostDeletionOptions>(PostDeletionOptions.SectionName);
        services.AddScoped<ContentRemoval>();
        services.AddScoped<RemovalBroadcast>();
        services.AddScoped<NameScrub>();
        services.AddScoped<MemberDataPurge>();
        services.AddScoped<AccountEraser>();
        services.AddScoped<PostDeletionService>();
        services.AddSingleton<PostDeletionCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<PostDeletionCleanup>());
        return services;
    }
}
