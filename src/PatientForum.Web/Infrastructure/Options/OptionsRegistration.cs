using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Infrastructure.Options;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds one configuration section to its options class, checked when the forum starts: a bad value stops
    /// start-up with the key's name instead of failing later, deep in a request. Every feature binds its own.
    /// </summary>
    public static OptionsBuilder<TOptions> AddForumOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>The options every part of the forum reads: the Forum section, its folders, the proxy and the clock.</summary>
    public static IServiceCollection AddForumCoreOptions(this IServiceCollection services)
    {
        services.AddForumOptions<ForumOptions>(ForumOptions.SectionName);
        services.AddForumOptions<ProxyOptions>(ProxyOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // With both lists empty the middleware would believe anyone, so no proxy configured means no header read.
            forwarded.ForwardedHeaders = proxy.Value.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
        services.AddSingleton(sp => new ForumPaths(
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IOptions<ForumOptions>>().Value,
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
