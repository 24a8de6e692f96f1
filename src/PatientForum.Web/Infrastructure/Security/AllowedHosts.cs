using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// Which Host headers the forum answers. With <c>AllowedHosts</c> unset or <c>*</c>, only Forum:PublicUrl's host
/// and the loopback names (so local runs and tests work); any other host gets 400. A request naming a foreign host
/// is someone trying to make the forum build links on their host; links in mail are on Forum:PublicUrl anyway,
/// and this refuses such requests before they reach any page. An explicit <c>AllowedHosts</c> list still wins.
/// </summary>
public static class AllowedHosts
{
    public static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddForumAllowedHosts(this IServiceCollection services)
    {
        // Runs after ASP.NET Core's own PostConfigure, which reads AllowedHosts and falls back to "*".
        services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration, IOptions<ForumOptions>>((options, configuration, forum) =>
        {
            var configured = configuration["AllowedHosts"]?.Trim();
            if (string.IsNullOrEmpty(configured) || configured == "*")
            {
                options.AllowedHosts = [new Uri(forum.Value.PublicUrl).Host, .. Loopback];
            }
        });
        return services;
    }
}
