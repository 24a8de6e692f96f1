using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Reactions;

/// <summary>A reaction reaches readers whose page is open: the new counts are pushed, and nothing says who reacted.</summary>
public sealed class ReactionLiveTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Press_ByAMember_PushesTheNewCountsToAVisitorsOpenPage_NamingNobody()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Ice after every session helped.");
        var member = await Members.RegisterConfirmedAsync(factory);
        await using var reader = await LiveClient.ConnectAsync(factory);
        var heard = Channel.CreateUnbounded<ReactionCountsFragment>();
        reader.On<ReactionCountsFragment>(nameof(IForumClient.ReactionsChanged), counts => heard.Writer.TryWrite(counts));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        (await Reacting.PressAsync(member, path, postId, "me-too")).EnsureSuccess();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var counts = await heard.Reader.ReadAsync(timeout.Token);
        Assert.Equal((Compose.ThreadId(path), postId), (counts.ThreadId, counts.PostId));
        Assert.Equal(1, counts.Counts["me-too"]);
        Assert.Equal(0, counts.Counts.GetValueOrDefault("helpful"));
        Assert.DoesNotContain(counts.Counts.Keys, key => key.Contains(member.DisplayName, StringComparison.Ordinal));
    }
}
