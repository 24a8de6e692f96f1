using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Contact;

public static class ContactFeature
{
    /// <summary>The contact page: each submission kept, then mailed to the moderators through the outbox.</summary>
    public static IServiceCollection AddForumContact(this IServiceCollection services)
    {
        services.AddForumOptions<ContactOptions>(ContactOptions.SectionName);
        services.AddFixedWindowPolicy(ContactController.RateLimitPolicy,
            sp => (sp.GetRequiredService<IOptions<ContactOptions>>().Value.PerHourPerIp, TimeSpan.FromHours(1)));
        services.AddScoped<ContactService>();
        return services;
    }
}
