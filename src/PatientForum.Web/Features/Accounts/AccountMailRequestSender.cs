using Microsoft.AspNetCore.Identity;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Looks up each account-mail request's address off the request path and, where an account should get the mail,
/// queues it through the outbox (subject to <see cref="AccountMailLimits"/>).
/// </summary>
public sealed partial class AccountMailRequestSender(
    AccountMailRequests requests, IServiceScopeFactory scopes, ILogger<AccountMailRequestSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        requests.Handled(0);
        long handled = 0;
        await foreach (var (kind, email) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(kind, email, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never the address: it is personal, and the log would tell who asked.
                LogFailed(logger, kind, ex.GetType().Name);
            }
            requests.Handled(++handled);
        }
    }

    private async Task SendAsync(AccountMailKind kind, string email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync(email);
        var mailer = scope.ServiceProvider.GetRequiredService<AccountMailer>();
        switch (kind, user)
        {
            case (AccountMailKind.PasswordReset, { IsSystem: false }):
                await mailer.SendPasswordResetAsync(user, cancellationToken);
                break;
            case (AccountMailKind.Confirmation, { IsSystem: false, EmailConfirmed: false }):
                await mailer.SendConfirmationAsync(user, cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An account mail request ({Kind}) could not be handled ({ErrorType}).")]
    private static partial void LogFailed(ILogger logger, AccountMailKind kind, string errorType);
}
