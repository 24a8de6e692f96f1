using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// What the logs and error pages may show. The run-wide check that no planted secret reaches any log line is
/// tests/check-log-canaries.sh, run by tests/run.sh after each pass.
/// </summary>
public sealed class LogPrivacyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Database_InAnyEnvironment_NeverLogsParameterValues(string environment)
    {
        using var forum = new EnvironmentForum(environment);
        await using var scope = forum.Services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var options = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();

        Assert.NotNull(options);
        Assert.False(options.IsSensitiveDataLoggingEnabled, $"EnableSensitiveDataLogging is on in {environment}: post bodies and addresses would reach the logs.");
    }

    [Fact]
    public async Task MailedCodes_ArriveAtTheForum_ButNeverInItsLogs()
    {
        using var forum = new EnvironmentForum("Production");
        var member = await Members.RegisterAsync(forum);
        var mail = await forum.Mail.WaitForAsync(member.Email, "Confirm your email");
        var link = MailPickup.LinkIn(mail, "/account/confirm");
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..].Split('&')[0]);

        var page = await member.Client.GetOkAsync(link);

        Assert.Equal("Email confirmed", page.TextOf("h1"));
        Assert.Contains(forum.Logs.Lines, line => line.Contains("/account/confirm", StringComparison.Ordinal));
        Assert.DoesNotContain(forum.Logs.Lines, line => line.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void IdentityTokenChecks_WithAspNetCoreAtDebug_NeverLogTheTokenPurpose()
    {
        // A failed token check logs its purpose at Debug, and an email change token's purpose is the new address.
        using var forum = new EnvironmentForum("Production");
        var loggers = forum.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Identity.SignInManager").IsEnabled(LogLevel.Debug), "Test forums no longer run ASP.NET Core at Debug, so this test proves nothing.");
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Identity.UserManager").IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Identity.UserManager").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task UnhandledException_OutsideDevelopment_ShowsGenericPageWithRequestIdAndNoStackTrace()
    {
        // Not a planted secret: the exception's message belongs in the log, for whoever looks up the request id.
        var secret = $"exploded-{Guid.NewGuid():N}";
        using var forum = new EnvironmentForum("Production", services =>
            services.AddScoped<ThreadReader>(_ => throw new InvalidOperationException($"Database exploded near {secret}")));

        var page = await forum.CreateForumClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Something went wrong", page.TextOf("h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.TextOf("main code") ?? page.TextOf("code")), "The error page shows no request id.");
        Assert.DoesNotContain(secret, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", page.Text, StringComparison.Ordinal);
    }

    /// <summary>The forum as it runs in the named environment, with extra services swapped in.</summary>
    private sealed class EnvironmentForum(string environment, Action<IServiceCollection>? services = null) : ForumFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
