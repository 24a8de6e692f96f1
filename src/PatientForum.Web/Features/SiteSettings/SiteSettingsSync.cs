using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Time;
using StackExchange.Redis;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>Tells the other instances that the saved settings changed: through Redis where the forum has one.</summary>
public sealed partial class SiteSettingsAnnouncer(RedisConnection redis, ILogger<SiteSettingsAnnouncer> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("settings:changed");

    public async Task AnnounceAsync()
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, "1");
        }
        catch (RedisException ex)
        {
            // The other instances' poll reads the change within Forum:SiteSettings:PollSeconds.
            LogNotAnnounced(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A settings change was not announced through Redis: {ErrorType}")]
    private partial void LogNotAnnounced(string errorType);
}

/// <summary>
/// Keeps this instance's settings in step with the database: read before the forum serves its first request, again
/// whenever another instance announces a change, and on every beat of <see cref="SiteSettingsOptions.PollSeconds"/>.
/// </summary>
public sealed partial class SiteSettingsSync(
    IServiceScopeFactory scopes, IConfiguration configuration, DatabaseSettingsSource source, RedisConnection redis, IOptions<SiteSettingsOptions> options, TimeProvider clock, ILogger<SiteSettingsSync> logger)
    : BackgroundService, IHostedLifecycleService
{
    /// <summary>Before any hosted service starts (the web server among them), so no request sees the defaults alone.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Configuration a host adds after the forum registered its parts (a test host's settings) would sit above the
        // saved settings; the saved ones override every other layer, so their layer goes last.
        if (configuration is IConfigurationBuilder builder && !ReferenceEquals(builder.Sources[^1], source))
        {
            builder.Sources.Remove(source);
            builder.Sources.Add(source);
        }
        return ReloadAsync(cancellationToken);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.IsConfigured)
        {
            try
            {
                await redis.Multiplexer.GetSubscriber().SubscribeAsync(SiteSettingsAnnouncer.Channel, (_, _) => _ = ReloadAsync(CancellationToken.None));
            }
            catch (RedisException ex)
            {
                LogNotSubscribed(ex.GetType().Name);
            }
        }
        await base.StartAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReloadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The settings in force stay as they were; the next beat tries again.
            LogReloadFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not subscribed to settings changes; polling only: {ErrorType}")]
    private partial void LogNotSubscribed(string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved settings were not read: {ErrorType}")]
    private partial void LogReloadFailed(string errorType);
}
