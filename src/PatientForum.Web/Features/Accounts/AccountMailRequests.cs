using System.Threading.Channels;
using PatientForum.Web.Infrastructure;

namespace PatientForum.Web.Features.Accounts;

/// <summary>The account mails a stranger can ask for by address alone.</summary>
public enum AccountMailKind
{
    /// <summary>Forgot password: a reset link, for a member's address.</summary>
    PasswordReset,

    /// <summary>Resend confirmation: a new confirmation link, for an unconfirmed account's address.</summary>
    Confirmation,
}

/// <summary>
/// Requests for account mail by address, handed from the forms to <see cref="AccountMailRequestSender"/>. The forms
/// answer after the same work whether or not an account has the address (putting it here), so how long they take tells
/// a stranger nothing; the lookup, the token and the outbox row come afterwards. Held in memory: a request lost to a
/// restart costs its sender one more press of the button, and the forms' rate limits bound how many can wait.
/// </summary>
public sealed class AccountMailRequests
{
    private readonly Channel<(AccountMailKind Kind, string Email)> _requests =
        Channel.CreateBounded<(AccountMailKind, string)>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ProgressMark _handled = new();
    private long _queued;

    public ChannelReader<(AccountMailKind Kind, string Email)> Reader => _requests.Reader;

    public void Queue(AccountMailKind kind, string email)
    {
        if (_requests.Writer.TryWrite((kind, email)))
        {
            Interlocked.Increment(ref _queued);
        }
    }

    /// <summary>Called by the sender once it has dealt with the oldest request, mail queued or not.</summary>
    public void Handled(long count) => _handled.MoveTo(count);

    /// <summary>Completes once every request queued before this call has been dealt with (any mail is then in the outbox).</summary>
    public Task WhenHandledAsync(CancellationToken cancellationToken) =>
        _handled.WhenReachedAsync(Interlocked.Read(ref _queued), cancellationToken);
}
