using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>The outbox every mail is written to, and the worker that sends it by SMTP or into the pickup folder.</summary>
    public static IServiceCollection AddForumEmail(this IServiceCollection services)
    {
        services.AddForumOptions<SmtpOptions>(SmtpOptions.SectionName);
        services.AddSingleton<MailSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesPickupDirectory
                ? ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
