using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.ScaleOut;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.SiteSettings;

/// <summary>
/// A setting saved on one instance is in force on the others without a restart: announced through Redis where the
/// forum has one, read by each instance's poll where it has none.
/// </summary>
public sealed class SiteSettingsScaleOutTests
{
    private const string AutoHiddenNotice = "This post is hidden while moderators review it.";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    // Members count as established from the start (NewUserHours 0), so flags raised on B count toward hiding.
    private sealed class EstablishedPair() : RedisPair(new Dictionary<string, string?> { ["Forum:RateLimits:NewUserHours"] = "0" });

    [ScaleOutFact]
    public async Task AutoHideThreshold_SavedOnA_IsEnforcedOnB()
    {
        using var pair = new EstablishedPair();
        var admin = await Staff.AdminAsync(pair.A);
        var author = await Members.RegisterConfirmedAsync(pair.A);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "Two flags on the other instance hide this.");
        var flaggersOnB = new[] { await Members.RegisterConfirmedAsync(pair.B), await Members.RegisterConfirmedAsync(pair.B) };
        var inForceOnB = SiteSettingsForm.WhenAsync<ModerationOptions>(pair.B, o => o.AutoHideThreshold == 2);

        await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.AutoHideThreshold] = "2" });
        await inForceOnB.WaitAsync(s_wait);
        foreach (var flagger in flaggersOnB)
        {
            await Moderating.FlagAsync(flagger, replyId);
        }

        Assert.Contains(AutoHiddenNotice, await Moderating.PostTextAsync(pair.B.CreateForumClient(), path, replyId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoHideThreshold_SavedOnA_WithoutRedis_IsInForceOnBAfterItsNextPoll()
    {
        var clockOfB = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var pair = new SharedDatabasePair(clockOfB);
        var admin = await Staff.AdminAsync(pair.A);
        var inForceOnB = SiteSettingsForm.WhenAsync<ModerationOptions>(pair.B, o => o.AutoHideThreshold == 2);

        await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.AutoHideThreshold] = "2" });
        var onABeforeThePoll = SiteSettingsForm.Current<ModerationOptions>(pair.A).AutoHideThreshold;
        var onBBeforeThePoll = SiteSettingsForm.Current<ModerationOptions>(pair.B).AutoHideThreshold;
        clockOfB.Advance(TimeSpan.FromSeconds(SharedDatabasePair.PollSeconds));
        await inForceOnB.WaitAsync(s_wait);

        Assert.Equal((2, 3), (onABeforeThePoll, onBBeforeThePoll));
        Assert.Equal(2, SiteSettingsForm.Current<ModerationOptions>(pair.B).AutoHideThreshold);
    }
}
