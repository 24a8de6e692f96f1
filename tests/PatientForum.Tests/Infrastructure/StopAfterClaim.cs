using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// A stop that lands just after a background worker has claimed a job (its conditional UPDATE of "ClaimedUntil" in
/// <paramref name="table"/>): holds the worker there until the forum is stopping, that is until the worker's own token
/// is cancelled where the claim heeds one, or until the application is stopping otherwise. For tests that a stop hands
/// the job back instead of leaving it to its lease.
/// </summary>
public sealed class StopAfterClaim(string table) : DbCommandInterceptor
{
    private readonly TaskCompletionSource _claimed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _fired;
    private CancellationToken _stopping;

    /// <summary>Only claims made once armed are held (a test may let earlier jobs run first).</summary>
    public bool Armed { get; set; } = true;

    /// <summary>Completes when the worker has made its claim and is held.</summary>
    public Task Claimed => _claimed.Task;

    /// <summary>Adds the interceptor to the forum's database contexts, on either provider.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteForumDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgresForumDbContext>(options => options.AddInterceptors(this));
    }

    /// <summary>Watches <paramref name="forum"/> for its stop; call once the forum is built.</summary>
    public void Watch(ForumFactory forum) =>
        _stopping = forum.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var claim = result == 1
            && command.CommandText.StartsWith($"UPDATE \"{table}\"", StringComparison.Ordinal)
            && command.CommandText.Contains("\"ClaimedUntil\" = @", StringComparison.Ordinal);
        if (claim && Armed && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            _claimed.SetResult();
            var until = cancellationToken.CanBeCanceled ? cancellationToken : _stopping;
            await Task.Delay(Timeout.Infinite, until).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return result;
    }
}
