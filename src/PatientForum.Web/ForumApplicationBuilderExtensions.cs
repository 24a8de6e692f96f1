using Microsoft.Net.Http.Headers;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Operations;
using PatientForum.Web.Features.TopicAdmin;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Logging;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web;

public static class ForumApplicationBuilderExtensions
{
    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseForum(this WebApplication app)
    {
        // First, so limits, logs and HTTPS checks see the client's address from a known proxy (Forum:Proxy).
        app.UseForwardedHeaders();
        app.UseForumRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseForumStaticAssets();
        app.UseForumLive();
        app.UseRouting();
        // Old topic addresses (an admin changed the slug) answer with a redirect where they would answer 404.
        app.UseTopicSlugRedirects();
        // Every way to be signed in is a cookie, so a request without one is anonymous without asking the handlers:
        // that is most traffic (visitors reading), and it reaches a cached page sooner.
        app.UseWhen(context => context.Request.Headers.ContainsKey(HeaderNames.Cookie), branch => branch.UseAuthentication());
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapControllers();
        app.MapForumLive();
        app.MapForumOperations();
        return app;
    }
}
