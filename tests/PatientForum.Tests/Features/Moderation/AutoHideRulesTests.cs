using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Who can hide a post by flagging it: only members past the new-member period count toward auto-hide, and nobody
/// can flag a post that is already hidden (a flag on it would only send moderators another alert).
/// </summary>
public sealed class AutoHideRulesTests
{
    private const string AutoHiddenNotice = "This post is hidden while moderators review it.";

    [Fact]
    public async Task ThreeNewMembersFlag_ThePostStaysVisibleAndIsQueued_ThreeEstablishedMembersFlag_ItIsAutoHidden()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ForumFactory { Clock = time };
        var author = await Members.RegisterConfirmedAsync(forum);
        var established = new List<Member>();
        for (var i = 0; i < 3; i++)
        {
            established.Add(await Members.RegisterConfirmedAsync(forum));
        }
        time.Advance(TimeSpan.FromHours(25));
        var newcomers = new List<Member>();
        for (var i = 0; i < 3; i++)
        {
            newcomers.Add(await Members.RegisterConfirmedAsync(forum));
        }
        var moderator = await Staff.ModeratorAsync(forum);
        var (newcomersPath, flaggedByNewcomers) = await Moderating.ThreadWithReplyAsync(author, "Flagged by three newcomers.");
        var (establishedPath, flaggedByEstablished) = await Moderating.ThreadWithReplyAsync(author, "Flagged by three old hands.");

        foreach (var newcomer in newcomers)
        {
            await Moderating.FlagAsync(newcomer, flaggedByNewcomers, "Spam");
        }
        foreach (var member in established)
        {
            await Moderating.FlagAsync(member, flaggedByEstablished, "Spam");
        }
        var visitor = forum.CreateForumClient();
        var queue = await moderator.Client.GetOkAsync("/moderation");

        Assert.Contains("Flagged by three newcomers.", await Moderating.PostTextAsync(visitor, newcomersPath, flaggedByNewcomers), StringComparison.Ordinal);
        Assert.Contains(AutoHiddenNotice, await Moderating.PostTextAsync(visitor, establishedPath, flaggedByEstablished), StringComparison.Ordinal);
        Assert.DoesNotContain("Flagged by three old hands.", await Moderating.PostTextAsync(visitor, establishedPath, flaggedByEstablished), StringComparison.Ordinal);
        Assert.NotNull(queue.Document.QuerySelector($"#queue-{flaggedByNewcomers}"));
        Assert.NotNull(queue.Document.QuerySelector($"#queue-{flaggedByEstablished}"));
    }

    [Fact]
    public async Task SelfHarmFlag_PostedDirectlyOnAnAutoHiddenPost_IsRefused404_AndSendsNoFurtherAlert()
    {
        using var forum = new ForumFactory();
        await Staff.ModeratorAsync(forum);
        var author = await Members.RegisterConfirmedAsync(forum);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "I cannot see a way forward.");
        var flaggers = new List<Member>();
        for (var i = 0; i < 4; i++)
        {
            flaggers.Add(await Moderating.EstablishedMemberAsync(forum));
        }
        foreach (var flagger in flaggers.Take(3))
        {
            await Moderating.FlagAsync(flagger, postId, "SelfHarm");
        }
        var alertsBefore = await UrgentAlertsAsync(forum, postId);

        var refused = await flaggers[3].Client.PostAsync($"/posts/{postId}/flag", new Dictionary<string, string?> { ["Reason"] = "SelfHarm" });

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.True(alertsBefore > 0, "The first self-harm flags sent no alert.");
        Assert.Equal(alertsBefore, await UrgentAlertsAsync(forum, postId));
        Assert.Equal(3, await ModerationState.QueryAsync(forum, db => db.Flags.CountAsync(f => f.PostId == postId)));
    }

    private static Task<int> UrgentAlertsAsync(ForumFactory forum, int postId) =>
        ModerationState.QueryAsync(forum, db => db.OutboxMessages.CountAsync(m =>
            m.Subject.StartsWith("Urgent") && m.TextBody.Contains($"/moderation/posts/{postId}")));
}
