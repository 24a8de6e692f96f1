using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Contact;

public static class ContactFeature
{
    /// <summary>The contact page: each submission kept, then mailed to the moderators through the outbox.</summary>
    public static IServiceCollection AddForumContact(this IServiceCollection services)
    {
        services.AddForumOptions<ContactOptions>(ContactOptions.SectionName);
        services.AddScoped<ContactService>();
        return services;
    }
}
